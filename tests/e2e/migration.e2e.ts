import { readFile } from 'node:fs/promises';
import { expect, test } from './support';
import { loadStoreList, stepBOf } from './wizard';
import { registerCustomers } from './ux-support';
import { asUtf8, bigReturnFile, chooseFile, downloadBytes, fixture, testFile } from './files';
import { holdStore } from './storage';

test('steps a–d with Shift_JIS files: both downloads match the expected files byte for byte', async ({ page }) => {
	await page.goto('/migration');
	await loadStoreList(page);

	const stepC = page.getByRole('region', { name: 'c. 連携用CSVを作る' });
	await expect(stepC.getByText('顧客 4件を読み込みました（連携用CSVに書き出す顧客 3件）。')).toBeVisible();
	await expect(stepC.getByText(/連携用IDがありません/)).toBeVisible();
	const linkage = await downloadBytes(page, stepC.getByRole('button', { name: '連携用CSVをダウンロード' }));
	expect(linkage.bytes.equals(await readFile(fixture('store-customer-list.linkage.expected.sjis.csv')))).toBe(true);

	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseFile(page, stepD, fixture('yamato-return.sjis.csv'));
	await stepD.getByRole('button', { name: '変換する' }).click();
	await expect(stepD.getByText('3行を読み込み、3行を書き出しました。エラー 0件、警告 0件。')).toBeVisible();
	await expect(stepD.getByText(/文字コード：Shift_JIS/)).toBeVisible();
	await expect(stepD.getByTestId('recon-sent-not-returned')).toHaveText('0');
	await expect(stepD.getByTestId('recon-written')).toHaveText('3');
	const output = await downloadBytes(page, stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' }));
	expect(output.bytes.equals(await readFile(fixture('yamato-return.card-import.expected.sjis.csv')))).toBe(true);
	expect(output.download.suggestedFilename()).toMatch(/^card-import-\d{8}\.csv$/);
});

test('UTF-8 input and UTF-8-with-BOM output give the same content', async ({ page }) => {
	await page.goto('/migration');
	await page.getByLabel('出力の文字コード').selectOption('utf-8-bom');
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseFile(page, stepD, { name: 'return.csv', mimeType: 'text/csv', buffer: await asUtf8('yamato-return.sjis.csv') });
	await stepD.getByRole('button', { name: '変換する' }).click();
	await expect(stepD.getByText(/文字コード：UTF-8/)).toBeVisible();
	const output = await downloadBytes(page, stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' }));
	expect(output.bytes.equals(await asUtf8('yamato-return.card-import.expected.sjis.csv', true))).toBe(true);
});

test('a file with a full card number is refused, says where, and never shows the digits', async ({ page }) => {
	const pan = '4111111111111111';
	const text = `サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー\r\nUS-00010000,111,VISA,2912,AbCdEf0123456789xyZ1\r\nUS-00010001,042,JCB,2803,${pan}\r\n`;
	await page.goto('/migration');
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseFile(page, stepD, { name: 'leak.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
	await stepD.getByRole('button', { name: '変換する' }).click();
	await expect(stepD.getByRole('alert')).toContainText('このファイルは受け付けられません');
	await expect(stepD.getByRole('alert')).toContainText('3行目5列目に、カード番号の全桁と思われる数字があります');
	await expect(stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' })).toBeDisabled();
	expect(await page.content()).not.toContain(pan);
	// No import CSV was made: the next step is to fix the file, not step e.
	await expect(stepD.getByText('このファイルからはインポート用CSVを作っていません。')).toBeVisible();
	await expect(stepD.getByText(/次は e\. インポート/)).toHaveCount(0);
});

test('a refused file points back to the file, a converted one on to step e', async ({ page }) => {
	const header = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';
	const row = 'US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1';
	await page.goto('/migration');
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	for (const [name, text, refused] of [
		['no-token-column.csv', `${header.split(',').slice(0, 4).join(',')}\r\n${row.split(',').slice(0, 4).join(',')}\r\n`, true],
		['customers.csv', '旧カートの顧客番号,氏名,メールアドレス\r\nC0001,山田太郎,taro@example.com\r\n', true],
		['good.csv', `${header}\r\n${row}\r\n`, false]
	] as const) {
		await chooseFile(page, stepD, { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
		await stepD.getByRole('button', { name: '変換する' }).click();
		await expect(stepD.getByRole('heading', { name: '変換の結果' })).toBeFocused();
		await expect(stepD.getByText('このファイルからはインポート用CSVを作っていません。'), name).toHaveCount(refused ? 1 : 0);
		await expect(stepD.getByText(/次は e\. インポート/), name).toHaveCount(refused ? 0 : 1);
	}
});

test('「照合する」 is off and cannot be ticked while no customer list is loaded, after a reload too', async ({ page }) => {
	await page.goto('/migration');
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	const check = stepD.getByRole('checkbox', { name: '読み込んだ顧客一覧と照合する' });
	const why = '顧客一覧が読み込まれていないため照合できません。照合するには、先に a・b で顧客一覧を読み込んでください。';
	await expect(check).not.toBeChecked();
	await expect(check).toBeDisabled();
	await expect(check).toHaveAccessibleDescription(why);

	await loadStoreList(page);
	await expect(page.getByRole('region', { name: 'c. 連携用CSVを作る' }).getByText(/顧客 4件を読み込みました/)).toBeVisible();
	await expect(check).toBeEnabled();
	await check.check();
	await expect(check).toBeChecked();

	// The list lives in this tab only: after a reload nothing is loaded, so nothing is ticked.
	await page.reload();
	await expect(check).not.toBeChecked();
	await expect(check).toBeDisabled();
	await expect(check).toHaveAccessibleDescription(why);
});

test('bad rows are listed with row, column and message, and can be filtered and downloaded', async ({ page }) => {
	const text = [
		'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー',
		'US-00010000,111,Visa,2912,AbCdEf0123456789xyZ1',
		'US-00010001,42,JCB,2813,QwErTy9876543210abC2',
		'US-00010002,300,DISCOVER,3001,ZxCvBn1122334455dfG3'
	].join('\r\n');
	await page.goto('/migration');
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseFile(page, stepD, { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
	await stepD.getByRole('button', { name: '変換する' }).click();
	await expect(stepD.getByText('3行を読み込み、1行を書き出しました。エラー 2件、警告 2件。')).toBeVisible();
	const table = stepD.getByRole('table').last();
	await expect(table.getByRole('row')).toHaveCount(5);
	await expect(table).toContainText('3行目の有効期限「2813」は月が13です。');
	await stepD.getByRole('radio', { name: 'エラー' }).check();
	await expect(table.getByRole('row')).toHaveCount(3);
	await stepD.getByRole('radio', { name: '警告' }).check();
	await expect(table.getByRole('row')).toHaveCount(3);
	const report = await downloadBytes(page, stepD.getByRole('button', { name: '問題の一覧をダウンロード' }));
	// Named for the file it lists (operator trial: every list was card-import-problems.csv).
	expect(report.download.suggestedFilename()).toMatch(/^bad-card-import-problems-\d{8}\.csv$/);
	const reportText = new TextDecoder('shift_jis').decode(report.bytes);
	expect(reportText.split('\r\n')[0]).toBe('行数,列,重要度,コード,内容');
	expect(reportText).toContain('unknown-brand');
});

test('a long conversion shows progress and can be cancelled mid-way', async ({ page }) => {
	const path = await testFile('big-return.csv', bigReturnFile(1_500_000));
	await page.goto('/migration');
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseFile(page, stepD, path);
	// Held past the header, however fast the machine, by another connection on the store of saved column
	// mappings its worker reads there (the file was once converted before a click could land, under load).
	const letGo = await holdStore(page, 'meta');
	await stepD.getByRole('button', { name: '変換する' }).click();
	await expect(stepD.getByRole('progressbar')).toBeVisible();
	await stepD.getByRole('button', { name: 'キャンセル' }).click();
	await letGo();
	await expect(stepD.getByText('キャンセルしました。何も出力していません。')).toBeVisible();
	await expect(stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' })).toHaveCount(0);
});

test('with customers registered, steps a・b offer the registry first and keep 「ファイル」 once it is chosen', async ({ page }) => {
	const bulk = await registerCustomers(page, fixture('oldcart-customers.utf8bom.csv'));
	await expect(bulk.getByRole('status')).toBeVisible();
	await page.goto('/migration');
	const stepB = stepBOf(page);
	// The default is set before the sources are shown: the registry, with its size.
	await expect(stepB.getByRole('radio', { name: /このアプリの顧客一覧/ })).toBeChecked();
	await stepB.getByRole('radio', { name: /ファイル/ }).check();
	await chooseFile(page, stepB, fixture('store-customer-list.sjis.csv'));
	await stepB.getByRole('button', { name: '顧客一覧を読み込む' }).click();
	await expect(page.getByRole('region', { name: 'c. 連携用CSVを作る' }).getByText(/顧客 4件を読み込みました/)).toBeVisible();
	await expect(stepB.getByRole('radio', { name: /ファイル/ })).toBeChecked();
});
