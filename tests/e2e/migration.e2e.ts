import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support';
import { asUtf8, chooseFile, downloadBytes, fixture } from './files';

test('steps a–d with Shift_JIS files: both downloads match the expected files byte for byte', async ({ page }) => {
	await page.goto('/migration');
	const stepB = page.getByRole('region', { name: 'a・b. 顧客一覧を読み込む' });
	await chooseFile(page, stepB, fixture('store-customer-list.sjis.csv'));
	await stepB.getByRole('button', { name: '顧客一覧を読み込む' }).click();

	const stepC = page.getByRole('region', { name: 'c. 連携用CSVを作る' });
	await expect(stepC.getByText('顧客 4件を読み込みました（連携用IDあり 3件）。')).toBeVisible();
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
	const reportText = new TextDecoder('shift_jis').decode(report.bytes);
	expect(reportText.split('\r\n')[0]).toBe('行数,列,重要度,コード,内容');
	expect(reportText).toContain('unknown-brand');
});

test('a long conversion shows progress and can be cancelled mid-way', async ({ page }) => {
	const lines = ['サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー'];
	for (let i = 0; i < 1_500_000; i++) {
		lines.push(`US-${String(10000 + i).padStart(8, '0')},${String(i % 1000).padStart(3, '0')},VISA,2912,Tok${i}abcdefghijKLMN`);
	}
	const path = join(tmpdir(), `big-return-${process.pid}.csv`);
	await writeFile(path, lines.join('\r\n'));
	await page.goto('/migration');
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseFile(page, stepD, path);
	await stepD.getByRole('button', { name: '変換する' }).click();
	await expect(stepD.getByRole('progressbar')).toBeVisible();
	await stepD.getByRole('button', { name: 'キャンセル' }).click();
	await expect(stepD.getByText('キャンセルしました。何も出力していません。')).toBeVisible();
	await expect(stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' })).toHaveCount(0);
});
