import { expect, test } from './support';
import { chooseFile, downloadBytes } from './files';
import { demoFiles } from './ux-support';

const upload = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/csv', buffer });

test('デモデータを作成, then the whole migration with its three files shows every promised problem', async ({ page }) => {
	const { expected } = demoFiles();
	const warnings = Object.entries(expected.returnProblems)
		.filter(([code]) => !['unknown-customer', 'bad-token', 'bad-month'].includes(code))
		.reduce((sum, [, count]) => sum + count, 0);
	const errors = expected.returnRows - expected.written;

	await page.goto('/');
	await page.getByRole('button', { name: 'デモデータを作成' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'デモデータを作成しました。' })).toBeVisible();
	const demo = page.getByRole('region', { name: 'デモで試す' });
	const oldCart = await downloadBytes(page, demo.getByRole('button', { name: '旧カートの顧客ファイルをダウンロード' }));
	const customerList = await downloadBytes(page, demo.getByRole('button', { name: 'ストアの顧客一覧をダウンロード' }));
	const yamatoReturn = await downloadBytes(page, demo.getByRole('button', { name: '返却ファイルをダウンロード' }));
	expect(oldCart.download.suggestedFilename()).toBe('demo-oldcart-customers.csv');
	expect([...oldCart.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

	// 1. 顧客一覧で一括登録 › 顧客情報
	await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '顧客一覧' }).click();
	const bulk = page.getByRole('region', { name: '一括登録' });
	await chooseFile(page, bulk, upload('demo-oldcart-customers.csv', oldCart.bytes));
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	await expect(bulk.getByText(`${expected.customers}行を読み込み、${expected.customers}件を登録しました。`)).toBeVisible();
	await expect(bulk.getByText('付けた顧客IDは US-00010000〜US-00010029 です。')).toBeVisible();

	// 2. カード情報移行で顧客一覧を読み込み、連携用CSVを作る
	await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'カード情報移行' }).click();
	const stepB = page.getByRole('region', { name: 'a・b. 顧客一覧を読み込む' });
	await expect(stepB.getByRole('radio', { name: /このアプリの顧客一覧/ })).toBeChecked();
	await stepB.getByRole('radio', { name: 'ファイル（ストアの顧客一覧）' }).check();
	await chooseFile(page, stepB, upload('demo-store-customer-list.csv', customerList.bytes));
	await stepB.getByRole('button', { name: '顧客一覧を読み込む' }).click();
	const stepC = page.getByRole('region', { name: 'c. 連携用CSVを作る' });
	await expect(stepC.getByText(`顧客 ${expected.storeCustomers}件を読み込みました（連携用CSVに書き出す顧客 ${expected.linked}件）。`)).toBeVisible();
	await expect(stepC.getByRole('cell', { name: /には連携用IDがありません。/ })).toHaveCount(2);
	const linkage = await downloadBytes(page, stepC.getByRole('button', { name: '連携用CSVをダウンロード' }));
	const linkageLines = new TextDecoder('shift_jis').decode(linkage.bytes).split('\r\n');
	expect(linkageLines.slice(0, 2)).toEqual(['旧カートの顧客番号(連携用ID),サブスクストアの顧客ID', '001001,US-00010000']);
	expect(linkageLines).toHaveLength(expected.linked + 2);

	// 3. 返却ファイルを変換
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseFile(page, stepD, upload('demo-yamato-return.csv', yamatoReturn.bytes));
	await stepD.getByRole('button', { name: '変換する' }).click();
	await expect(
		stepD.getByText(`${expected.returnRows}行を読み込み、${expected.written}行を書き出しました。エラー ${errors}件、警告 ${warnings}件。`)
	).toBeVisible();
	// Every promised problem, counted by its code in the problems CSV (the screen shows the words only).
	const report = await downloadBytes(page, stepD.getByRole('button', { name: '問題の一覧をダウンロード' }));
	const reportCodes = new TextDecoder('shift_jis').decode(report.bytes).split('\r\n').slice(1).map((line) => line.split(',')[3]);
	for (const [code, count] of Object.entries(expected.returnProblems)) {
		expect(reportCodes.filter((c) => c === code), code).toHaveLength(count);
	}
	await expect(stepD.getByText('複数枚のカードを持つ顧客が 1人います。')).toBeVisible();
	await expect(stepD.getByTestId('recon-sent-not-returned')).toHaveText(String(expected.notReturned));
	await expect(stepD.getByTestId('recon-unknown-returned')).toHaveText('1');
	await expect(stepD.getByTestId('recon-multi-card')).toHaveText('1');
	await expect(stepD.getByTestId('recon-expired')).toHaveText('1');
	await expect(stepD.getByTestId('recon-written')).toHaveText(String(expected.written));
	const cardImport = await downloadBytes(page, stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' }));

	// 4. インポート用CSVを一括登録 › クレジットカード情報
	await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '顧客一覧' }).click();
	await bulk.getByRole('radio', { name: /クレジットカード情報/ }).check();
	await chooseFile(page, bulk, upload(cardImport.download.suggestedFilename(), cardImport.bytes));
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	await expect(bulk.getByText(`${expected.written}行を読み込み、${expected.written}件を登録しました。`)).toBeVisible();
	const list = page.getByRole('region', { name: '顧客一覧(検索)' });
	const cards = list.getByRole('row', { name: /^US-00010000 / }).getByRole('cell').last();
	await expect(cards).toHaveText(/^\s*(VISA|MASTER|JCB|AMEX|DINERS) ・・・\d{3} \d{2}\/\d{2} \*{4}\w{4}$/);
});
