import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { chooseFile, downloadBytes, fixture } from './files';
import { expect, test } from './support';
import { loadStoreList, registerOldCartCustomers, stepBOf } from './wizard';

const crlf = Buffer.from('\r\n');
const sjis = (hex: string) => Buffer.from(hex, 'hex');
const ascii = (text: string) => Buffer.from(text, 'latin1');

/**
 * A Shift_JIS return file with a 備考 column holding CP932 extension characters (髙 ⅰ ①), whose
 * rows 3 (month 13), 4 (unknown brand, a note spanning two lines) and 5 (a stray quote) fail.
 */
async function badReturnFile() {
	const good = await readFile(fixture('yamato-return.sjis.csv'));
	const header = Buffer.concat([good.subarray(0, good.indexOf('\r\n')), ascii(','), sjis('94f58d6c')]);
	const note = sjis('fbfc8bb4fa408740');
	const rows = [
		Buffer.concat([ascii('US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1,'), note]),
		Buffer.concat([ascii('US-00010001,042,JCB,2813,QwErTy9876543210abC2,'), note]),
		Buffer.concat([ascii('US-00010002,300,DISCOVER,3001,ZxCvBn1122334455dfG3,"'), sjis('95a19094'), crlf, sjis('8d73'), ascii('"')]),
		ascii('US-00010003,1"2,VISA,2912,PoIuYt5566778899hjK4,x')
	];
	const file = Buffer.concat([header, ...rows.flatMap((row) => [crlf, row]), crlf]);
	const failed = Buffer.concat([header, crlf, ...rows.slice(1).flatMap((row) => [row, crlf])]);
	return { file, failed };
}

const bell = (page: Page) => page.getByRole('button', { name: '通知', exact: true });
const stepD = (page: Page) => page.getByRole('region', { name: 'd. インポート用データを作る' });

/** Steps b and d of the wizard, as an operator runs them; `runs` more conversions of the same file. */
async function seed(page: Page, runs = 1) {
	await page.goto('/migration');
	await loadStoreList(page);
	await expect(bell(page)).toHaveAccessibleDescription('未読 1件');
	await chooseFile(page, stepD(page), { name: 'bad-return.csv', mimeType: 'text/csv', buffer: (await badReturnFile()).file });
	for (let run = 1; run <= runs; run++) {
		await stepD(page).getByRole('button', { name: '変換する' }).click();
		await expect(bell(page)).toHaveAccessibleDescription(`未読 ${run + 1}件`);
	}
	await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '顧客データ取り込み履歴' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '顧客データ取り込み履歴' })).toBeVisible();
}

const historyTable = (page: Page) => page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'SHA-256' }) });
const rows = (page: Page) => historyTable(page).locator('tbody').getByRole('row');
const tokyoDay = (offsetDays = 0) => new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

test('entries list what was read, survive a reload, and the failed rows open with 行数 and エラー内容', async ({ page }) => {
	await seed(page);
	const headers = ['日時', '種類', 'ファイル名', 'サイズ', '文字コード', '行数', '成功', '失敗', '警告', '状態', 'SHA-256'];
	for (const name of headers) await expect(historyTable(page).getByRole('columnheader', { name, exact: true })).toBeVisible();
	await expect(rows(page)).toHaveCount(2);
	const entry = rows(page).first();
	await expect(entry.getByRole('cell')).toContainText(['インポート用CSV', 'Shift_JIS', '4', '1', 'エラーあり']);
	await expect(entry.getByRole('rowheader')).toHaveText('bad-return.csv');
	await expect(rows(page).nth(1)).toContainText('連携用CSV');
	await expect(rows(page).nth(1)).toContainText('完了');

	await page.reload();
	await expect(rows(page)).toHaveCount(2);
	await entry.getByRole('button', { name: 'bad-return.csv の書き出せなかった行 3件を表示' }).click();
	await expect(page).toHaveURL(/\?entry=\d+$/);
	const detail = page.getByRole('region', { name: '履歴の詳細: bad-return.csv' });
	await expect(detail.getByRole('heading', { level: 2 })).toBeFocused();
	const failures = detail.getByRole('table');
	await expect(failures.getByRole('columnheader')).toHaveText(['行数', '列', 'エラー内容']);
	await expect(failures.locator('tbody tr')).toHaveCount(3);
	await expect(failures.locator('tbody tr td:first-child')).toHaveText(['3', '4', '5']);
	await expect(failures).toContainText('3行目の有効期限「2813」は月が13です。');
	expect(await page.content()).not.toContain('QwErTy9876543210abC2');

	await detail.getByRole('button', { name: '閉じる' }).click();
	await expect(detail).toHaveCount(0);
	await expect(page).toHaveURL(/\/history$/);
	await expect(entry.getByRole('button', { name: /書き出せなかった行/ })).toBeFocused();
});

test('failed rows after a reload: asks for the original, refuses another file, gives the rows byte for byte', async ({ page }) => {
	await seed(page);
	await rows(page).first().getByRole('button', { name: /書き出せなかった行/ }).click();
	await page.reload();
	const detail = page.getByRole('region', { name: '履歴の詳細: bad-return.csv' });
	// What the download needs is asked before the click: the original file, chosen beside the button.
	const source = detail.getByRole('group', { name: '元のファイルを指定してください' });
	await expect(source).toBeVisible();
	await expect(detail.getByRole('button', { name: '失敗した行をダウンロード' })).toBeDisabled();

	await chooseFile(page, source.locator('..'), fixture('yamato-return.sjis.csv'));
	await detail.getByRole('button', { name: '失敗した行をダウンロード' }).click();
	await expect(detail.getByRole('alert')).toContainText('内容が異なります（SHA-256が一致しません）');

	const { file, failed } = await badReturnFile();
	await chooseFile(page, source.locator('..'), { name: 'renamed.csv', mimeType: 'text/csv', buffer: file });
	const download = await downloadBytes(page, detail.getByRole('button', { name: '失敗した行をダウンロード' }));
	expect(download.bytes.toString('hex')).toBe(failed.toString('hex'));
	expect(download.download.suggestedFilename()).toBe('bad-return-failed-rows.csv');
	await expect(detail.getByText('失敗した行をダウンロードしました。')).toBeVisible();

	// The file is known now for this session: the next download asks for nothing.
	const again = await downloadBytes(page, detail.getByRole('button', { name: '失敗した行をダウンロード' }));
	expect(again.bytes.equals(failed)).toBe(true);
});

test('search by file name and by a date range in Japan time, either end open', async ({ page }) => {
	await seed(page);
	const search = page.getByRole('region', { name: '履歴を検索' });
	await search.getByLabel('ファイル名').fill('BAD-return');
	await search.getByRole('button', { name: '検索' }).click();
	await expect(rows(page)).toHaveCount(1);
	await expect(rows(page).first()).toContainText('bad-return.csv');

	await search.getByLabel('ファイル名').fill('');
	await search.getByLabel('開始日').fill(tokyoDay());
	await search.getByRole('button', { name: '検索' }).click();
	await expect(rows(page)).toHaveCount(2);
	await search.getByLabel('開始日').fill(tokyoDay(1));
	await search.getByRole('button', { name: '検索' }).click();
	await expect(page.getByText('条件に合う履歴はありません。')).toBeVisible();

	await search.getByLabel('開始日').fill('');
	await search.getByLabel('終了日').fill(tokyoDay(-1));
	await search.getByRole('button', { name: '検索' }).click();
	await expect(page.getByText('条件に合う履歴はありません。')).toBeVisible();
	await search.getByLabel('終了日').fill(tokyoDay());
	await search.getByRole('button', { name: '検索' }).click();
	await expect(rows(page)).toHaveCount(2);

	await search.getByLabel('開始日').fill(tokyoDay(1));
	await expect(search.getByText('開始日は終了日以前の日付を指定してください。')).toBeVisible();
	await search.getByRole('button', { name: '条件をクリア' }).click();
	await expect(rows(page)).toHaveCount(2);
});

test('page size and pages', async ({ page }) => {
	await seed(page, 11);
	await expect(page.getByText('12件', { exact: true })).toBeVisible();
	await expect(rows(page)).toHaveCount(12);
	await page.getByLabel('表示件数').selectOption('10');
	await expect(rows(page)).toHaveCount(10);
	const pager = page.getByRole('navigation', { name: '履歴のページ' });
	await expect(pager).toContainText('1〜10件目 / 12件');
	await pager.getByRole('button', { name: '次へ' }).click();
	await expect(rows(page)).toHaveCount(2);
	await expect(rows(page).last()).toContainText('連携用CSV');
});

test('delete one (with a confirm step), delete all, export as JSON', async ({ page }) => {
	await seed(page, 2);
	await expect(rows(page)).toHaveCount(3);
	const backup = await downloadBytes(page, page.getByRole('button', { name: '履歴をエクスポート(JSON)' }));
	const json = JSON.parse(backup.bytes.toString('utf8'));
	expect(json.entries).toHaveLength(3);
	expect(backup.bytes.toString('utf8')).not.toContain('AbCdEf0123456789xyZ1');

	const first = rows(page).first();
	await first.getByRole('button', { name: /削除$/ }).click();
	await first.getByRole('button', { name: 'キャンセル' }).click();
	await expect(rows(page)).toHaveCount(3);
	await first.getByRole('button', { name: /削除$/ }).click();
	await expect(first.getByRole('group')).toContainText('この履歴を削除しますか？');
	await first.getByRole('button', { name: '削除する' }).click();
	await expect(rows(page)).toHaveCount(2);
	await expect(page.getByRole('status').filter({ hasText: '履歴を削除しました。' })).toBeVisible();
	await expect(page.getByRole('heading', { name: '履歴一覧' })).toBeFocused();
	await page.reload();
	await expect(rows(page)).toHaveCount(2);

	await page.getByRole('button', { name: 'すべて削除', exact: true }).click();
	await expect(page.getByText('履歴 2件をすべて削除しますか？')).toBeVisible();
	await page.getByRole('button', { name: 'すべて削除する' }).click();
	await expect(page.getByText('履歴はまだありません。')).toBeVisible();
	await page.reload();
	await expect(page.getByText('履歴はまだありません。')).toBeVisible();
});

test('an unknown ?entry= says so', async ({ page }) => {
	await page.goto('/history?entry=999');
	await expect(page.getByText('指定された履歴は見つかりません。')).toBeVisible();
	await expect(page.getByText('履歴はまだありません。')).toBeVisible();
});

// A list built 「登録済みの顧客から」 has no file: its entry is shown under a label in the language of
// the moment, and the search by file name finds it by either language's label.
test('search by file name finds a list from the registry by its label, in either language', async ({ page }) => {
	await registerOldCartCustomers(page);
	await page.goto('/migration');
	await stepBOf(page).getByRole('button', { name: '登録済みの顧客から作る' }).click();
	await expect(page.getByRole('region', { name: 'c. 連携用CSVを作る' }).getByRole('button', { name: '連携用CSVをダウンロード' })).toBeVisible();
	await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '顧客データ取り込み履歴' }).click();
	const search = page.getByRole('region', { name: '履歴を検索' });
	for (const label of ['登録済みの顧客', 'Registered customers', 'ｒｅｇｉｓｔｅｒｅｄ']) {
		await search.getByLabel('ファイル名').fill(label);
		await search.getByRole('button', { name: '検索' }).click();
		await expect(rows(page), label).toHaveCount(1);
		await expect(rows(page).first().getByRole('rowheader')).toHaveText('登録済みの顧客');
	}
	await search.getByLabel('ファイル名').fill('registry');
	await search.getByRole('button', { name: '検索' }).click();
	await expect(page.getByText('条件に合う履歴はありません。')).toBeVisible();
});
