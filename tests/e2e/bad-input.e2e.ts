import { expect, test } from './support';
import { chooseFile } from './files';

const header = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';
const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\r\nUS-00010000,111,VISA,2912,AbCd1234\r\n`, 'utf16le')]);
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const xlsx = Buffer.concat([Buffer.from('504b0304140006000800000021', 'hex'), Buffer.from('[Content_Types].xml')]);
const garbage = Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 256));

// Each file is refused as a whole with a message that says what it is and what to do.
const refused: [string, Buffer, string][] = [
	['an empty file', Buffer.alloc(0), 'ファイルにデータの行がありません'],
	['a header only', Buffer.from(`${header}\r\n`), 'ファイルには見出し行しかありません'],
	['a UTF-16 file', utf16, 'UTF-16で保存されています'],
	['a PNG named .csv', png, '画像（PNG）です'],
	['an xlsx named .csv', xlsx, 'Excelブック（xlsx）'],
	['binary garbage', garbage, 'テキストのCSVファイルではありません']
];

for (const [name, bytes, message] of refused) {
	test(`step d refuses ${name} with a clear message`, async ({ page }) => {
		await page.goto('/migration');
		const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
		await chooseFile(page, stepD, { name: 'input.csv', mimeType: 'text/csv', buffer: bytes });
		await stepD.getByRole('button', { name: '変換する' }).click();
		await expect(stepD.getByRole('alert')).toContainText(message);
		await expect(stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' })).toBeDisabled();
	});
}

test('ragged rows and a lone quote fail row by row, and the good rows still convert', async ({ page }) => {
	const text = [
		header,
		'US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1',
		'US-00010001,042',
		'US-00010002,300,AMEX,3001,Zx"Cv',
		'"US-00010003,123,JCB,2912,QwErTy98',
		'US-00010004,555,JCB,2812,PoIuYt5566778899hjK4'
	].join('\r\n');
	await page.goto('/migration');
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseFile(page, stepD, { name: 'ragged.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
	await stepD.getByRole('button', { name: '変換する' }).click();
	await expect(stepD.getByText(/5行を読み込み、2行を書き出しました。/)).toBeVisible();
	const table = stepD.getByRole('table').last();
	// A ragged row is one problem of its own, not one per column it lacks.
	await expect(table).toContainText('3行目は5列のうち2列しかありません。値が抜けているか、列が左にずれている可能性があるため、この行は読み込みませんでした。');
	await expect(table).not.toContainText('3行目のカードブランドが空です。');
	await expect(table).toContainText('4行目5列目の値の途中に引用符（"）があります。');
	await expect(table).toContainText('5行目1列目の引用符（"）が閉じられていません。');
});
