import type { Page } from '@playwright/test';
import { expect, test } from './support';
import { chooseFile, downloadBytes, fixture } from './files';
import { dumpIndexedDb } from './storage';

// tests/fixtures/real-world/README.md, return-noheader-forced-header.csv: forcing 「1行目は見出し行」
// on a file without a header must not show, store or remember the first row's token anywhere
// (SPEC "Privacy promise": not as a column name, not in a saved column mapping).
const token = 'AbCdEf0123456789FIRSTROWTOKEN';

/** Step d of the fixture as it is (no header): both rows read and written; returns step d's region. */
async function convertWithoutHeader(page: Page) {
	await page.goto('/migration');
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseFile(page, stepD, fixture('real-world/return-noheader-forced-header.csv'));
	await stepD.getByRole('button', { name: '変換する' }).click();
	await expect(stepD.getByText(/^2行を読み込み、2行を書き出しました。/)).toBeVisible();
	return stepD;
}

test('a forced header row: a warning, its token in no column name, no saved mapping, no download, no storage', async ({ page }) => {
	const stepD = await convertWithoutHeader(page);

	await stepD.getByLabel('1行目は見出し行').check();
	await stepD.getByRole('button', { name: 'この列の対応で変換し直す' }).click();
	await expect(stepD.getByText(/^1行を読み込み、1行を書き出しました。/)).toBeVisible();
	// The forced row names no known column: it may be data, so the operator is told and no mapping is keyed on it.
	await expect(stepD.getByText('1行目がどの列名とも一致しないため、列の対応は保存していません。')).toBeVisible();
	await expect(stepD.getByRole('table').last()).toContainText('1行目を見出し行として読み飛ばしましたが、どの列名とも一致しないため、データの行かもしれません。');
	// The column list names the first row's cells masked, as every view does.
	await expect(stepD.getByLabel('認証キー', { exact: true }).locator('option', { hasText: '****…OKEN' })).toHaveCount(1);

	const problems = await downloadBytes(page, stepD.getByRole('button', { name: '問題の一覧をダウンロード' }));
	const places: Record<string, string> = {
		...(await dumpIndexedDb(page)),
		localStorage: await page.evaluate(() => JSON.stringify({ ...localStorage })),
		dom: await page.content(),
		text: await page.locator('body').innerText(),
		problems: new TextDecoder('shift_jis').decode(problems.bytes) + problems.bytes.toString('utf8')
	};
	expect(JSON.parse(places.meta).some((record: { key: string }) => record.key.startsWith('mapping:yamato-return:'))).toBe(false);
	for (const [place, content] of Object.entries(places)) expect(content.includes(token), place).toBe(false);
});

test('「1行目は見出し行」 ticked, then 「変換する」 pressed: the tick is used, not dropped', async ({ page }) => {
	const stepD = await convertWithoutHeader(page);
	await stepD.getByLabel('1行目は見出し行').check();
	await stepD.getByRole('button', { name: '変換する', exact: true }).click();
	await expect(stepD.getByText(/^1行を読み込み、1行を書き出しました。/)).toBeVisible();
	await expect(stepD.getByLabel('1行目は見出し行')).toBeChecked();
	// Unticked again: 「変換する」 reads the first row as data again.
	await stepD.getByLabel('1行目は見出し行').uncheck();
	await stepD.getByRole('button', { name: '変換する', exact: true }).click();
	await expect(stepD.getByText(/^2行を読み込み、2行を書き出しました。/)).toBeVisible();
});
