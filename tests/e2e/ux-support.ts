import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { createDemoStore } from '../../src/lib/domain/demo/demo-store';
import type { MessageKey } from '../../src/lib/i18n';
import { chooseFile, downloadBytes } from './files';
import { expect } from './support';

const axeSource = readFile('node_modules/axe-core/axe.min.js', 'utf8');

/** One axe finding, short enough to read in a test failure. */
export interface Finding {
	screen: string;
	rule: string;
	impact: string;
	help: string;
	targets: string[];
}

/**
 * Runs axe-core in the page. The script is evaluated through the DevTools protocol, which the
 * page's CSP does not govern (a <script> tag would be blocked by `script-src 'self'`).
 */
export async function axeFindings(page: Page, screen: string): Promise<Finding[]> {
	const isLoaded = await page.evaluate(() => 'axe' in window);
	if (!isLoaded) await page.evaluate(await axeSource);
	const results = (await page.evaluate(() =>
		(window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run(document, {
			resultTypes: ['violations']
		})
	)) as AxeResults;
	return results.violations.map((violation) => ({
		screen,
		rule: violation.id,
		impact: violation.impact ?? 'unknown',
		help: violation.help,
		targets: violation.nodes.map((node) => node.target.join(' '))
	}));
}

/** The demo store's files as the e2e tests upload them (the same generator as the home page). */
export function demoFiles() {
	const demo = createDemoStore();
	const asUpload = (file: { name: string; bytes: Uint8Array }) => ({
		name: file.name,
		mimeType: 'text/csv',
		buffer: Buffer.from(file.bytes)
	});
	return {
		expected: demo.expected,
		oldCart: asUpload(demo.oldCart),
		customerList: asUpload(demo.customerList),
		yamatoReturn: asUpload(demo.yamatoReturn)
	};
}

/** Registers the demo's old-cart customers through 一括登録 › 顧客情報. */
export async function registerCustomers(page: Page, file: Parameters<typeof chooseFile>[2]): Promise<Locator> {
	await page.goto('/customers');
	const bulk = page.getByRole('region', { name: '一括登録' });
	await chooseFile(page, bulk, file);
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	return bulk;
}

/**
 * Steps b–d of カード情報移行 with the demo files, on /migration once the demo customers are registered:
 * the store's list file chosen over the registry (the default source once it is read), the keyboard
 * on step c's result, then the return file converted; returns step d's card import file.
 */
export async function demoStepsBToD(page: Page, t: (key: MessageKey) => string, demo: ReturnType<typeof demoFiles>): Promise<Buffer> {
	const stepB = page.getByRole('region', { name: t('migration.stepB') });
	const stepC = page.getByRole('region', { name: t('migration.stepC') });
	await expect(stepB.getByRole('radio').nth(1)).toBeChecked();
	await stepB.getByRole('radio').first().check();
	await stepB.locator('input[type=file]').setInputFiles(demo.customerList);
	await stepB.getByRole('button', { name: t('migration.stepBAction') }).click();
	// The keyboard lands on the result, not on the page body; step d checks against the list.
	await expect(stepC.getByRole('heading', { name: t('migration.stepC'), exact: true })).toBeFocused();
	await expect(stepC.getByRole('button', { name: t('migration.downloadLinkage') })).toBeEnabled();
	const stepD = page.getByRole('region', { name: t('migration.stepD') });
	await stepD.locator('input[type=file]').setInputFiles(demo.yamatoReturn);
	await stepD.getByRole('button', { name: t('migration.convert') }).click();
	await expect(stepD.getByRole('heading', { name: t('migration.result') })).toBeFocused();
	return (await downloadBytes(page, stepD.getByRole('button', { name: t('migration.downloadImport') }))).bytes;
}

/**
 * Waits until the service worker has precached the app and controls the page. Precaching fetches
 * the app, so the worker's own CSP (its response header) must allow `connect-src 'self'`.
 */
export async function waitForServiceWorker(page: Page) {
	const message = "the service worker did not take control: does service-worker.js get connect-src 'self'?";
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { message, timeout: 15_000 })
		.toBe('activated');
}
