import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support';
import { loadStoreList } from './wizard';
import { chooseFile, downloadBytes, fixture } from './files';

/**
 * A full disk, as the worker meets it: the worker's script is served with a prelude that makes
 * every write to the history store fail with QuotaExceededError (the error a browser throws when the
 * origin's quota is spent). Only this test's route adds it; the app itself has no fault switch.
 */
async function fillDiskForHistory(page: Page) {
	const prelude = `{
		const full = (original) => function (...args) {
			if (this.name === 'history') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return original.apply(this, args);
		};
		IDBObjectStore.prototype.add = full(IDBObjectStore.prototype.add);
		IDBObjectStore.prototype.put = full(IDBObjectStore.prototype.put);
	}\n`;
	await page.route(/\/workbench\.worker-[^/]*\.js$/, async (route) => {
		const response = await route.fetch();
		await route.fulfill({ response, body: prelude + (await response.text()) });
	});
}

test('a full disk during step d keeps the converted file downloadable and says the history was not written, and why', async ({ page }) => {
	await fillDiskForHistory(page);
	await page.goto('/migration');
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseFile(page, stepD, fixture('yamato-return.sjis.csv'));
	await stepD.getByRole('button', { name: '変換する' }).click();
	await expect(stepD.getByText('3行を読み込み、3行を書き出しました。エラー 0件、警告 0件。')).toBeVisible();
	const warning = stepD.getByRole('alert').filter({ hasText: '取り込み履歴には記録できませんでした' });
	await expect(warning).toContainText('ブラウザの保存容量が足りないため');
	await expect(warning).not.toContainText('QuotaExceeded');
	await expect(warning).not.toContainText('quota');

	const output = await downloadBytes(page, stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' }));
	expect(output.bytes.equals(await readFile(fixture('yamato-return.card-import.expected.sjis.csv')))).toBe(true);

	// Nothing half-written: the history has no entry for the run.
	await page.getByRole('link', { name: '顧客データ取り込み履歴' }).click();
	await expect(page.getByText('履歴はまだありません。')).toBeVisible();
});

test('a full disk during steps a–c keeps the linkage CSV downloadable and says the history was not written', async ({ page }) => {
	await fillDiskForHistory(page);
	await page.goto('/migration');
	await loadStoreList(page);
	const stepC = page.getByRole('region', { name: 'c. 連携用CSVを作る' });
	await expect(stepC.getByText('顧客 4件を読み込みました（連携用CSVに書き出す顧客 3件）。')).toBeVisible();
	await expect(page.getByRole('alert').filter({ hasText: '取り込み履歴には記録できませんでした' })).toContainText('ブラウザの保存容量が足りないため');
	const linkage = await downloadBytes(page, stepC.getByRole('button', { name: '連携用CSVをダウンロード' }));
	expect(linkage.bytes.equals(await readFile(fixture('store-customer-list.linkage.expected.sjis.csv')))).toBe(true);
});
