import type { Page } from '@playwright/test';
import { translate, type Language, type MessageKey } from '../../src/lib/i18n';
import { downloadBytes, fixture } from './files';
import { expect, test } from './support';

/** What the operator trials at 390 and 1280 px, in both languages, tripped on (steps a–d, 一括登録). */
const viewports = [
	{ width: 1280, height: 900 },
	{ width: 390, height: 844 }
];
const languages: Language[] = ['ja', 'en'];
const returnHeader = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';

async function useLanguage(page: Page, language: Language) {
	await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
}

/**
 * How far the page runs past the screen (0 when it fits), with the elements that end past it, and how
 * far each box of the tables matching `selector` runs past its own width.
 */
async function sidewaysOverflow(page: Page, selector: string) {
	return page.evaluate((tables) => {
		const width = window.innerWidth;
		const past = [...document.body.querySelectorAll<HTMLElement>('*')]
			.filter((element) => element.getBoundingClientRect().right > width + 1 && !element.parentElement?.closest('.table-wrap'))
			.map((element) => `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? '').trim().slice(0, 30)}"`);
		const boxes = [...document.querySelectorAll<HTMLElement>(tables)].map((table) => {
			const box = table.closest<HTMLElement>('.table-wrap') ?? table;
			return Math.max(0, box.scrollWidth - box.clientWidth - 1);
		});
		return { page: Math.max(0, document.documentElement.scrollWidth - width), past, tables: Math.max(0, ...boxes) };
	}, selector);
}

for (const language of languages) {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);

	for (const viewport of viewports) {
		test(`${language} at ${viewport.width} px: steps a–d confirm, count and name what they save`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await useLanguage(page, language);
			await page.goto('/migration');
			const stepB = page.getByRole('region', { name: t('migration.stepB') });
			await stepB.getByRole('radio').first().check();
			await stepB.locator('input[type=file]').setInputFiles(fixture('store-customer-list.sjis.csv'));
			await stepB.getByRole('button', { name: t('migration.stepBAction') }).click();
			// Steps a・b say what they read and what comes next, in a live region.
			await expect(stepB.getByRole('status')).toHaveText(t('migration.stepBDone', { file: 'store-customer-list.sjis.csv', total: 4, linked: 3 }));

			// The three linked customers all came back: one whole, one short a cell, one shifted right.
			const returnFile = [
				returnHeader,
				'US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1',
				'US-00010001,042,JCB,QwErTy9876543210abC2',
				'US-00010002,,300,AMEX,3001,ZxCvBn1122334455dfG3',
				'US-00019999,111,VISA,2912,PoIuYt0987654321lkJ4'
			].join('\r\n');
			const stepD = page.getByRole('region', { name: t('migration.stepD') });
			await stepD.locator('input[type=file]').setInputFiles({ name: 'return.csv', mimeType: 'text/csv', buffer: Buffer.from(`${returnFile}\r\n`) });
			await stepD.getByRole('button', { name: t('migration.convert') }).click();
			await expect(stepD.getByTestId('recon-written')).toHaveText('1');
			await expect(stepD.getByTestId('recon-sent-not-returned')).toHaveText('0');
			await expect(stepD.getByTestId('recon-unknown-returned')).toHaveText('1');

			// Each group's control says it downloads, what and as which file, and does so.
			const unknown = stepD.getByRole('button', { name: t('recon.unknown-returned') });
			await expect(unknown).toHaveText(new RegExp(`^${t('recon.downloadGroup').replace(/[()（）]/g, '.')}`));
			await expect(unknown).toHaveAccessibleName(/unknown-customer-ids-\d{8}\.csv/);
			const list = await downloadBytes(page, unknown);
			expect(list.download.suggestedFilename()).toMatch(/^unknown-customer-ids-\d{8}\.csv$/);
			expect(list.bytes.toString('latin1')).toContain('US-00019999');
			const written = stepD.getByRole('button', { name: t('recon.written') });
			await expect(written).toHaveText(new RegExp(`^${t('recon.downloadWritten').replace(/[()（）]/g, '.')}`));
			expect((await downloadBytes(page, written)).download.suggestedFilename()).toMatch(/^card-import-\d{8}\.csv$/);

			// Messages are shown without their codes; the problems CSV keeps them for support.
			const problems = stepD.getByRole('table').filter({ has: page.getByRole('columnheader', { name: t('problems.message') }) });
			await expect(problems.getByRole('row')).toHaveCount(4);
			for (const code of ['missing-cells', 'shifted-right', 'unknown-customer']) {
				await expect(stepD.getByText(code, { exact: true })).toHaveCount(0);
			}
			const report = await downloadBytes(page, stepD.getByRole('button', { name: t('problems.download') }));
			expect(report.bytes.toString('latin1')).toContain('shifted-right');

			// Nothing runs sideways: not the page, not the problems or the reconciliation table.
			expect(await sidewaysOverflow(page, 'table.problems-table, table.recon-stacked')).toEqual({ page: 0, past: [], tables: 0 });
		});

		test(`${language} at ${viewport.width} px: the customer table fits and a repeated upload says nothing new`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await useLanguage(page, language);
			await page.goto('/customers');
			const bulk = page.getByRole('region', { name: t('bulk.title') });
			const upload = async (file: string) => {
				await bulk.locator('input[type=file]').setInputFiles(fixture(file));
				await bulk.getByRole('button', { name: t('upload.upload') }).click();
				return bulk.getByRole('status');
			};
			const first = await upload('oldcart-customers.utf8bom.csv');
			await expect(first).toContainText(t('bulk.result', { rows: 4, registered: 4, skipped: 0, failed: 0, warnings: 0 }));
			await expect(first).toHaveClass(/\bok\b/);
			await bulk.getByRole('radio', { name: t('bulk.kind.cards') }).check();
			await expect(await upload('yamato-return.card-import.expected.sjis.csv')).toContainText(t('bulk.result', { rows: 3, registered: 3, skipped: 0, failed: 0, warnings: 0 }));

			// The same customers again: an information box, not the green of a success, with why.
			await bulk.getByRole('radio', { name: t('bulk.kind.customers') }).check();
			const again = await upload('oldcart-customers.utf8bom.csv');
			await expect(again).toContainText(t('bulk.nothingNew'));
			await expect(again).toContainText(t('bulk.skippedNote.customers', { skipped: 4 }));
			await expect(again).toHaveClass(/\binfo\b/);

			// Customers with their cards: no sideways scroll at any width, cells still read as cells.
			const table = page.getByRole('region', { name: t('search.title') });
			await expect(table.getByRole('cell', { name: 'US-00010000' })).toBeVisible();
			await expect(table.getByRole('cell', { name: /VISA ・・・111/ })).toBeVisible();
			expect(await sidewaysOverflow(page, 'table.customer-table')).toEqual({ page: 0, past: [], tables: 0 });
		});
	}
}
