import type { Page } from '@playwright/test';
import { translate, type Language, type MessageKey } from '../../src/lib/i18n';
import { fixture } from './files';
import { expect, test } from './support';
import { axeFindings, demoFiles, demoStepsBToD } from './ux-support';

/** Issue 13, points 2–6: every screen in both languages, on a laptop and on a phone. */
const viewports = [
	{ width: 1280, height: 900 },
	{ width: 390, height: 844 }
];
const languages: Language[] = ['ja', 'en'];

async function useLanguage(page: Page, language: Language) {
	await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
}

/** Buttons and column headers whose text runs over more than one line (a word broken inside). */
async function brokenLabels(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const broken: string[] = [];
		for (const element of document.querySelectorAll<HTMLElement>('button, thead th, a.button-link')) {
			if (element.offsetParent === null || element.textContent!.trim() === '') continue;
			const range = document.createRange();
			range.selectNodeContents(element);
			const tops = new Set<number>();
			for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
			// Icons and badges aside, a label is one line: two different line tops mean it wrapped.
			const lines = [...tops].sort((a, b) => a - b).filter((top, i, all) => i === 0 || top - all[i - 1] > 4);
			if (lines.length > 1) broken.push(element.textContent!.trim());
		}
		return broken;
	});
}

/**
 * Elements whose right edge runs past the box that should hold them: the viewport, and the card
 * (section) they sit in. Inside a box that scrolls sideways (a table's own scroll box, the bell's
 * panel) data may run on: it is reached by scrolling, not cut off. What the operator must set or read
 * (form controls, a problem's message) is never left to a sideways scroll: it ends inside the screen
 * and its card wherever it sits. Hidden helpers (visually-hidden text) are skipped.
 */
async function overflowingElements(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const viewport = document.documentElement.clientWidth;
		const found: string[] = [];
		const scrolls = (element: Element) => /auto|scroll/.test(getComputedStyle(element).overflowX);
		for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
			const rect = element.getBoundingClientRect();
			if (rect.width === 0 || rect.height === 0 || element.closest('.visually-hidden, svg')) continue;
			let scrolled = false;
			for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
				if (scrolls(up)) scrolled = true;
			}
			if (scrolled && !element.matches('select, input, textarea, td.message')) continue;
			const card = element.parentElement?.closest('.card');
			const limit = Math.min(viewport, card ? card.getBoundingClientRect().right : Infinity);
			if (rect.right > limit + 1) {
				const name = element.tagName.toLowerCase() + (element.className ? `.${String(element.className).trim().replace(/\s+/g, '.')}` : '');
				found.push(`${name} "${(element.textContent ?? '').trim().slice(0, 30)}" ends at ${Math.round(rect.right)} > ${Math.round(limit)}`);
			}
		}
		return found;
	});
}

/** What every screen must hold at every size: no sideways page scroll, whole labels, axe clean. */
async function checkScreen(page: Page, screen: string) {
	const { scrollWidth, innerWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: window.innerWidth
	}));
	expect.soft(scrollWidth, `${screen}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
	expect.soft(await brokenLabels(page), `${screen}: labels broken over lines`).toEqual([]);
	expect.soft(await overflowingElements(page), `${screen}: controls or cells cut off at the right edge`).toEqual([]);
	const serious = (await axeFindings(page, screen)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
	expect.soft(serious, `${screen}: serious or critical axe findings`).toEqual([]);
}

for (const language of languages) {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
	const product = t('app.product');

	for (const viewport of viewports) {
		test(`${language} at ${viewport.width} px: every screen fits, says its name and keeps words whole`, async ({ page }) => {
			// Every screen, the demo files and the bell in one walk: near a minute on a busy machine.
			test.setTimeout(150_000);
			await page.setViewportSize(viewport);
			await useLanguage(page, language);
			const demo = demoFiles();

			await page.goto('/');
			await expect(page).toHaveTitle(product);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(product);
			await page.getByRole('button', { name: t('demo.create') }).click();
			await expect(page.getByText(t('demo.created'))).toBeVisible();
			await checkScreen(page, '/ with the demo files');

			await page.goto('/settings');
			await expect(page).toHaveTitle(`${t('settings.title')} | ${product}`);
			await checkScreen(page, '/settings');

			await page.goto('/customers');
			await expect(page).toHaveTitle(`${t('customers.title')} | ${product}`);
			const bulk = page.getByRole('region', { name: t('bulk.title') });
			await bulk.locator('input[type=file]').setInputFiles(demo.oldCart);
			await bulk.getByRole('button', { name: t('upload.upload') }).click();
			await expect(bulk.getByRole('status')).toContainText(t('bulk.result', { rows: demo.expected.customers, registered: demo.expected.customers, skipped: 0, failed: 0, warnings: 0 }));
			// The upload is over: no file stays chosen and the button waits for the next one.
			await expect(bulk.getByRole('button', { name: t('upload.upload') })).toBeDisabled();
			await expect(bulk.locator('.chosen')).toHaveCount(0);
			await expect(page.getByRole('cell', { name: 'US-00010000' })).toBeVisible();
			await checkScreen(page, '/customers with customers');

			await page.goto('/migration');
			await expect(page).toHaveTitle(`${t('migration.title')} | ${product}`);
			// Step c is there before any list is loaded, its download disabled with the reason beside it.
			const stepC = page.getByRole('region', { name: t('migration.stepC') });
			await expect(stepC.getByRole('button', { name: t('migration.downloadLinkage') })).toBeDisabled();
			await expect(stepC.getByRole('button', { name: t('migration.downloadLinkage') })).toHaveAccessibleDescription(t('migration.stepCWaiting'));
			await checkScreen(page, '/migration before a list');
			const cardFile = await demoStepsBToD(page, t, demo);
			await checkScreen(page, '/migration after a conversion');

			// The card file registered on the customers: an expired card is said in words, not colour alone.
			await page.goto('/customers');
			await bulk.getByRole('radio', { name: t('bulk.kind.cards') }).check();
			await bulk.locator('input[type=file]').setInputFiles({ name: 'demo-card-import.csv', mimeType: 'text/csv', buffer: cardFile });
			await bulk.getByRole('button', { name: t('upload.upload') }).click();
			await expect(bulk.getByRole('status')).toBeVisible();
			const list = page.getByRole('region', { name: t('search.title') });
			await list.getByRole('combobox', { name: t('search.pageSize') }).selectOption('100');
			await expect(list.getByText(t('search.expired'), { exact: true })).toHaveCount(demo.expected.returnProblems['card-expired'] ?? 0);
			await expect(list.getByText(t('search.expired'), { exact: true })).not.toHaveCount(0);
			await checkScreen(page, '/customers with cards');

			// Conversions are written, uploads registered: the history says which.
			await page.goto('/history');
			await expect(page).toHaveTitle(`${t('history.title')} | ${product}`);
			const rows = page.locator('.history-table tbody tr');
			const linkageRow = rows.filter({ hasText: t('history.kind.linkage') });
			await expect(linkageRow).toContainText(t('history.outcome.conversion', { count: demo.expected.linked }));
			await expect(rows.filter({ hasText: t('history.kind.card-file') })).toContainText(t('history.outcome.conversion', { count: demo.expected.written }));
			await expect(rows.filter({ hasText: t('history.kind.customers') })).toContainText(t('history.outcome.upload', { count: demo.expected.customers }));
			await checkScreen(page, '/history with entries');
			await linkageRow.getByRole('button', { name: t('history.detailsOf', { fileName: demo.customerList.name }) }).click();
			const facts = page.locator('.entry-facts');
			await expect(facts.getByText(t('history.entry.written'), { exact: true })).toBeVisible();
			await expect(facts.getByText(t('history.entry.registered'), { exact: true })).toHaveCount(0);
			await checkScreen(page, '/history with an entry open');

			// The bell: open, it marks unread notices new; conversions say 書き出し (written).
			const bell = page.getByRole('button', { name: t('bell.label'), exact: true });
			await bell.click();
			const panel = page.getByRole('dialog', { name: t('bell.label') });
			const linkageNotice = panel.getByRole('listitem').filter({ hasText: demo.customerList.name });
			await expect(linkageNotice).toContainText(t('bell.reportConversion', { rows: 0, registered: demo.expected.linked, errors: 0, warnings: 0 }).split(' · ')[1]);
			await expect(panel.getByText(t('bell.new'), { exact: true })).toHaveCount(4);
			await checkScreen(page, '/history with the bell open');
			await panel.getByRole('button', { name: t('bell.markAllRead') }).click();
			await expect(panel.getByText(t('bell.new'), { exact: true })).toHaveCount(0);
			await expect(bell).toHaveAccessibleDescription(t('bell.none'));
			await page.keyboard.press('Escape');

			// An unknown address: a page in the chosen language with a way home, and no CSP violation.
			await page.goto('/no-such-screen');
			await expect(page).toHaveTitle(`${t('notFound.title')} | ${product}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('notFound.title'));
			await checkScreen(page, 'an unknown route');
			await page.getByRole('link', { name: t('notFound.home') }).click();
			await expect(page).toHaveURL(/\/$/);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(product);
		});
	}

	test(`${language}: a card file chosen as 顧客情報 (and the reverse) is refused with one clear problem`, async ({ page }) => {
		await useLanguage(page, language);
		await page.goto('/customers');
		const bulk = page.getByRole('region', { name: t('bulk.title') });
		await bulk.locator('input[type=file]').setInputFiles(fixture('yamato-return.card-import.expected.sjis.csv'));
		await bulk.getByRole('button', { name: t('upload.upload') }).click();
		const refusal = bulk.getByRole('alert');
		await expect(refusal).toContainText(t('bulk.refused'));
		await expect(refusal.getByRole('listitem')).toHaveCount(1);
		await expect(refusal.getByRole('listitem')).toContainText(language === 'ja' ? 'このファイルはクレジットカード情報のファイル（インポート用CSV）のようです。登録の種類「顧客情報」で取り込むのは、' : 'This file looks like a credit card file (the import CSV). The kind of registration “Customer information” takes');
		// A refused file stays chosen, so the operator can switch the kind and upload it again.
		await bulk.getByRole('radio', { name: t('bulk.kind.cards') }).check();
		await bulk.locator('input[type=file]').setInputFiles(fixture('oldcart-customers.utf8bom.csv'));
		await bulk.getByRole('button', { name: t('upload.upload') }).click();
		await expect(refusal.getByRole('listitem')).toHaveCount(1);
		await expect(refusal.getByRole('listitem')).toContainText(language === 'ja' ? 'このファイルは顧客情報（旧カートの顧客）のファイルのようです。登録の種類「クレジットカード情報」で取り込むのは、' : 'This file looks like a customer file (the old cart’s customers). The kind of registration “Credit card information” takes');
	});
}

test('English counts and lists: one row, one customer, rows 3 and 4, a month in words', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.goto('/migration');
	const stepB = page.getByRole('region', { name: translate('en', 'migration.stepB') });
	await stepB.getByRole('radio').first().check();
	// Two customers share one linkage ID: each row names the other in the list.
	const list = 'サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)\r\nUS-00010000,C1\r\nUS-00010001,C1\r\nUS-00010002,C1\r\n';
	await stepB.locator('input[type=file]').setInputFiles({ name: 'dup.csv', mimeType: 'text/csv', buffer: Buffer.from(list) });
	await stepB.getByRole('button', { name: translate('en', 'migration.stepBAction') }).click();
	const stepC = page.getByRole('region', { name: translate('en', 'migration.stepC') });
	await expect(stepC.getByText('is also on rows 3 and 4.')).toBeVisible();
	await expect(stepC.getByText('Read 3 rows, wrote 0. 3 errors, 0 warnings.')).toBeVisible();

	const stepD = page.getByRole('region', { name: translate('en', 'migration.stepD') });
	const returned = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー\r\nUS-00010000,111,VISA,2601,AbCdEf0123456789xyZ1\r\n';
	await stepD.locator('input[type=file]').setInputFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from(returned) });
	await stepD.getByRole('button', { name: translate('en', 'migration.convert') }).click();
	await expect(stepD.getByText('Read 1 row, wrote 1. 0 errors, 1 warning.')).toBeVisible();
	await expect(stepD.getByText('(January 2026) has passed')).toBeVisible();
	// The result's facts are told apart, not run together (operator trial: "UTF-8 Header row: Yes Time:").
	await expect(stepD.getByText(/^Encoding: UTF-8 · Header row: Yes · Time: [0-9.]+ s$/)).toBeVisible();

	// One customer registered: one ID given, not "US-00010000 to US-00010000" (operator trial).
	await page.getByRole('navigation').getByRole('link', { name: translate('en', 'nav.customers') }).click();
	const bulk = page.getByRole('region', { name: translate('en', 'bulk.title') });
	await bulk.locator('input[type=file]').setInputFiles({ name: 'one-customer.csv', mimeType: 'text/csv', buffer: Buffer.from('旧カートの顧客番号,氏名\r\nC1,山田 太郎\r\n') });
	await bulk.getByRole('button', { name: translate('en', 'upload.upload') }).click();
	await expect(bulk.getByText('Customer ID given: US-00010000.')).toBeVisible();
});
