import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { translate, type Language, type MessageKey } from '../../src/lib/i18n';
import { downloadBytes, fixture } from './files';
import { expect, test } from './support';

// The operator trial of a file that turns from UTF-8 into Shift_JIS part-way (SPEC "Decoding",
// tests/fixtures/real-world/README.md): its Shift_JIS rows 3002 and 3003 fail `undecodable`; their
// download from the history is one Shift_JIS file (the header written in Shift_JIS, the rows as
// they were), which imports as it is (SPEC §4: "fix just those and re-import them").
const mixed = fixture('real-world/oldcart-mixed-encoding.csv');
const trials: { language: Language; viewport: { width: number; height: number } }[] = [
	{ language: 'ja', viewport: { width: 1280, height: 900 } },
	{ language: 'en', viewport: { width: 390, height: 844 } }
];

async function upload(page: Page, t: (key: MessageKey) => string, file: string | { name: string; mimeType: string; buffer: Buffer }) {
	const bulk = page.getByRole('region', { name: t('bulk.title') });
	await bulk.locator('input[type=file]').setInputFiles(file);
	await bulk.getByRole('button', { name: t('upload.upload') }).click();
	return bulk.getByRole('status');
}

for (const { language, viewport } of trials) {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);

	test(`${language} at ${viewport.width} px: the failed rows of a file that turns into Shift_JIS download as one file and re-import`, async ({ page }) => {
		await page.setViewportSize(viewport);
		await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
		await page.goto('/customers');
		await expect(await upload(page, t, mixed)).toContainText(t('bulk.result', { rows: 3002, registered: 3000, skipped: 0, failed: 2, warnings: 0 }));

		// The history after a reload: the tab no longer holds the file, so the original is asked for.
		await page.goto('/history');
		await page.reload();
		await page.getByRole('button', { name: t('history.detailsOf', { fileName: 'oldcart-mixed-encoding.csv' }) }).click();
		const detail = page.getByRole('region', { name: `${t('history.entry.title')}: oldcart-mixed-encoding.csv` });
		const source = detail.getByRole('group', { name: t('history.failed.needFile') });
		await source.locator('input[type=file]').setInputFiles(mixed);
		const { bytes, download } = await downloadBytes(page, detail.getByRole('button', { name: t('history.failed.download') }));
		expect(download.suggestedFilename()).toBe('oldcart-mixed-encoding-failed-rows.csv');

		// One encoding whole: the header written in Shift_JIS, the rows' own bytes after it.
		const original = await readFile(mixed);
		const rowsAt = original.indexOf(Buffer.from('\r\nZ1,', 'latin1')) + 2;
		expect(new TextDecoder('shift_jis', { fatal: true }).decode(bytes)).toBe('旧カートの顧客番号,氏名\r\nZ1,佐藤 花子\r\nZ2,髙橋 一郎\r\n');
		expect(bytes.subarray(bytes.indexOf(Buffer.from('Z1,', 'latin1'))).equals(original.subarray(rowsAt))).toBe(true);
		await expect(detail.getByTestId('failed-rows-encoding')).toHaveText(t('history.failed.switched', { other: 'Shift_JIS' }));
		await expect(detail.getByTestId('failed-rows-encoding')).toBeInViewport({ ratio: 0.01 });

		// Re-imported as it is: both rows registered, their names read, no U+FFFD stored.
		await page.goto('/customers');
		const again = await upload(page, t, { name: 'oldcart-mixed-encoding-failed-rows.csv', mimeType: 'text/csv', buffer: bytes });
		await expect(again).toContainText(t('bulk.result', { rows: 2, registered: 2, skipped: 0, failed: 0, warnings: 0 }));
		const table = page.getByRole('region', { name: t('search.title') });
		await table.getByLabel(t('search.field')).selectOption({ label: t('search.field.name') });
		for (const name of ['佐藤 花子', '髙橋 一郎']) {
			await table.getByLabel(t('search.query')).fill(name);
			await table.getByRole('button', { name: t('search.submit') }).click();
			await expect(table.getByRole('cell', { name, exact: true })).toBeVisible();
		}
		expect(await page.content()).not.toContain('\ufffd');
	});
}
