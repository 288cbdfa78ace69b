import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support';
import { chooseFile, downloadBytes, fixture } from './files';
import { axeFindings } from './ux-support';

// The fixture's three cards under headers the app does not know, in a shuffled order.
const header = '期限,キー,会員番号,種別,下3桁';
const rows = [
	'2912,AbCdEf0123456789xyZ1,US-00010000,VISA,111',
	'2803,QwErTy9876543210abC2,US-00010001,JCB,042',
	'3001,ZxCvBn1122334455dfG3,US-00010002,AMEX,300'
];
const returnFile = (name: string) => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(`${[header, ...rows].join('\r\n')}\r\n`)
});
const picks = [
	['顧客ID', '列3：会員番号'],
	['カード番号下3桁', '列5：下3桁'],
	['カードブランド', '列4：種別'],
	['有効期限', '列1：期限'],
	['認証キー', '列2：キー']
] as const;
const savedNotice = '前回と同じ見出しです。保存した列の対応を使いました。';

const stepOf = (page: Page) => page.getByRole('region', { name: 'd. インポート用データを作る' });

async function convert(page: Page, name: string): Promise<Locator> {
	const stepD = stepOf(page);
	await chooseFile(page, stepD, returnFile(name));
	await stepD.getByRole('button', { name: '変換する' }).click();
	return stepD;
}

async function expectExpectedOutput(page: Page, stepD: Locator) {
	await expect(stepD.getByText('3行を読み込み、3行を書き出しました。エラー 0件、警告 0件。')).toBeVisible();
	const output = await downloadBytes(page, stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' }));
	expect(output.bytes.equals(await readFile(fixture('yamato-return.card-import.expected.sjis.csv')))).toBe(true);
}

test('unknown headers: the operator picks the columns once, and the mapping comes back for the same headers', async ({ page }) => {
	await page.goto('/migration');
	let stepD = await convert(page, 'return-1.csv');
	await expect(stepD.getByText(/^4行を読み込み、0行を書き出しました。/)).toBeVisible();
	await expect(stepD.getByText(savedNotice)).toHaveCount(0);

	await expect(stepD.getByLabel('顧客ID', { exact: true })).toHaveValue('1');
	await expect(stepD.getByLabel('1行目は見出し行')).toBeChecked();
	for (const [field, column] of picks) await stepD.getByLabel(field, { exact: true }).selectOption({ label: column });
	await stepD.getByRole('button', { name: 'この列の対応で変換し直す' }).click();
	await expectExpectedOutput(page, stepD);
	await expect(stepD.getByText('列の対応を保存しました。')).toBeVisible();
	await expect(stepD.getByLabel('有効期限', { exact: true })).toHaveValue('1');

	// A second file with the same headers: the saved mapping is used without asking.
	stepD = await convert(page, 'return-2.csv');
	await expectExpectedOutput(page, stepD);
	await expect(stepD.getByText(savedNotice)).toBeVisible();
	const serious = (await axeFindings(page, 'step d with a saved mapping')).filter((f) => f.impact === 'serious' || f.impact === 'critical');
	expect(serious).toEqual([]);

	// After a reload too: the mapping lives in IndexedDB.
	await page.reload();
	stepD = await convert(page, 'return-3.csv');
	await expectExpectedOutput(page, stepD);
	await expect(stepD.getByText(savedNotice)).toBeVisible();

	// 「自動判定に戻す」 drops it: the file reads as before, and stays so after a reload.
	await stepD.getByRole('button', { name: '自動判定に戻す' }).click();
	await expect(stepD.getByText(/^4行を読み込み、0行を書き出しました。/)).toBeVisible();
	await expect(stepD.getByText(savedNotice)).toHaveCount(0);
	await page.reload();
	stepD = await convert(page, 'return-4.csv');
	await expect(stepD.getByText(/^4行を読み込み、0行を書き出しました。/)).toBeVisible();
	await expect(stepD.getByText(savedNotice)).toHaveCount(0);
});

test('a field set to なし cannot be converted again, and says why', async ({ page }) => {
	await page.goto('/migration');
	const stepD = await convert(page, 'return.csv');
	await expect(stepD.getByText(/^4行を読み込み、0行を書き出しました。/)).toBeVisible();
	await stepD.getByLabel('カードブランド', { exact: true }).selectOption({ label: 'なし' });
	await expect(stepD.getByText('「なし」の項目があると変換できません。')).toBeVisible();
	await expect(stepD.getByRole('button', { name: 'この列の対応で変換し直す' })).toBeDisabled();
});

test('the mapping speaks English too', async ({ page }) => {
	await page.goto('/migration');
	await page.getByLabel('表示言語').selectOption('en');
	const stepD = page.getByRole('region', { name: 'd. Make the import file', exact: true });
	await chooseFile(page, stepD, returnFile('return.csv'), 'Choose file');
	await stepD.getByRole('button', { name: 'Convert', exact: true }).click();
	await stepD.getByLabel('customer ID', { exact: true }).selectOption({ label: 'Column 3: 会員番号' });
	await expect(stepD.getByLabel('Row 1 is a header row')).toBeChecked();
	await expect(stepD.getByRole('button', { name: 'Convert again with this mapping' })).toBeEnabled();
});

// Operator trial: at 390 px the dropdowns cut their column names ("Column 1: サブスクスト…"), so the
// operator could not read which column a field takes. There each choice is written out whole under
// its dropdown; at 1280 px the dropdown shows it whole and the line is not there.
for (const [language, width] of [['ja', 390], ['en', 390], ['ja', 1280]] as const) {
	test(`${language} at ${width} px: each field's chosen column is readable whole`, async ({ page }) => {
		await page.setViewportSize({ width, height: 844 });
		await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
		await page.goto('/migration');
		const stepD = page.getByRole('region', { name: language === 'ja' ? 'd. インポート用データを作る' : 'd. Make the import file', exact: true });
		// Yamato's own header: known names are shown whole (an unknown long one is masked).
		await chooseFile(page, stepD, { name: 'return.csv', mimeType: 'text/csv', buffer: await readFile(fixture('yamato-return.sjis.csv')) }, language === 'ja' ? 'ファイルを指定する' : 'Choose file');
		await stepD.getByRole('button', { name: language === 'ja' ? '変換する' : 'Convert', exact: true }).click();
		const names = stepD.locator('.chosen-name');
		await expect(names).toHaveCount(5);
		if (width > 720) return await expect(names.first()).toBeHidden();
		const label = language === 'ja' ? '認証キー' : 'auth key';
		const line = stepD.locator('tr').filter({ has: page.getByLabel(label, { exact: true }) }).locator('.chosen-name');
		await expect(line).toHaveText(language === 'ja' ? '列5：クロネコwebコレクトカード認証キー' : 'Column 5: クロネコwebコレクトカード認証キー');
		// Whole: nothing cut, and inside the screen.
		expect(await line.evaluate((element) => element.scrollWidth <= element.clientWidth && element.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
	});
}

// Operator trial: headers in words the app does not know were all masked ("列1：****…須項目）"), so the
// columns could not be told apart. A name of no token's shape is shown (one of a token's shape stays
// masked: tests/unit/mapping.spec.ts).
test('unknown headers in words are shown whole in the column choices', async ({ page }) => {
	await page.goto('/migration');
	const stepD = stepOf(page);
	const prose = 'お客様を識別するための顧客番号（必須項目）';
	const header = `${prose},下三桁の数字,種別,期限,ヤマト運輸が返した認証用の文字列`;
	await chooseFile(page, stepD, { name: 'prose.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\r\n${rows[0]}\r\n`) });
	await stepD.getByRole('button', { name: '変換する' }).click();
	const choice = stepD.getByLabel('顧客ID', { exact: true });
	await expect(choice.locator('option', { hasText: `列1：${prose}` })).toHaveCount(1);
	await expect(choice.locator('option', { hasText: '列5：ヤマト運輸が返した認証用の文字列' })).toHaveCount(1);
});
