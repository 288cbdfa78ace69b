import type { Page } from '@playwright/test';
import { chooseFile, downloadBytes } from './files';
import { expect, test } from './support';

// Issue 13 point 1: warnings are listed (row, column, message) beside errors, not only counted.

async function chooseText(page: Page, scope: ReturnType<Page['getByRole']>, button: string, name: string, text: string) {
	await chooseFile(page, scope, { name, mimeType: 'text/csv', buffer: Buffer.from(text) }, button);
}

const words = {
	ja: {
		menu: 'メインメニュー', migration: 'カード情報移行', customers: '顧客一覧', stepB: 'a・b. 顧客一覧を読み込む',
		fromFile: 'ファイル（ストアの顧客一覧）', choose: 'ファイルを指定する', load: '顧客一覧を読み込む', bell: '通知',
		warning: '3行目の顧客ID「US-00010001」には連携用IDがありません。', openEntry: 'list.csv の履歴を見る',
		detail: '履歴の詳細: list.csv', warnings: '警告', download: '問題の一覧をダウンロード', header: '行数,列,重要度,コード,内容',
		csvLine: '3,2,警告,no-linkage-id,', bulk: '一括登録', upload: 'データアップロード', failed: '失敗した行',
		uploadError: '3行目の連携用IDが空です。'
	},
	en: {
		menu: 'Main menu', migration: 'Card migration', customers: 'Customers', stepB: 'a-b. Load the customer list',
		fromFile: 'A file (the store\'s customer list)', choose: 'Choose file', load: 'Load customer list', bell: 'Notifications',
		warning: 'Row 3: customer ID "US-00010001" has no linkage ID.', openEntry: 'Open history of list.csv',
		detail: 'Entry details: list.csv', warnings: 'Warnings', download: 'Download the list of problems', header: 'Row,Column,Severity,Code,Message',
		csvLine: '3,2,Warning,no-linkage-id,', bulk: 'Bulk registration', upload: 'Upload data', failed: 'Failed rows',
		uploadError: 'Row 3: the linkage ID is empty.'
	}
} as const;

for (const language of ['ja', 'en'] as const) {
	const w = words[language];

	test(`${language}: a linkage warning is listed in the bell, the history detail and its download`, async ({ page }) => {
		await page.goto('/migration');
		if (language === 'en') await page.getByRole('combobox', { name: '表示言語' }).selectOption('en');
		const stepB = page.getByRole('region', { name: w.stepB });
		await stepB.getByRole('radio', { name: w.fromFile }).check();
		await chooseText(page, stepB, w.choose, 'list.csv', 'サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)\r\nUS-00010000,A1\r\nUS-00010001,\r\n');
		await stepB.getByRole('button', { name: w.load }).click();

		await page.getByRole('button', { name: w.bell, exact: true }).click();
		const listed = page.getByRole('dialog', { name: w.bell }).getByRole('group', { name: w.warnings });
		await expect(listed.getByRole('paragraph')).toHaveCount(1);
		await expect(listed).toContainText(w.warning);
		await page.getByRole('link', { name: w.openEntry }).click();

		const detail = page.getByRole('region', { name: w.detail });
		const warnings = detail.getByRole('region', { name: w.warnings, exact: true });
		await expect(warnings.getByRole('row')).toHaveCount(2);
		await expect(warnings.getByRole('row').nth(1).getByRole('cell')).toHaveText(['3', '2', new RegExp(`^${w.warning.replace(/[.()]/g, '\\$&')}`)]);
		const { bytes } = await downloadBytes(page, detail.getByRole('button', { name: w.download }));
		const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
		expect(text.split('\r\n')[0]).toBe(w.header);
		expect(text).toContain(w.csvLine);
	});

	test(`${language}: the upload result lists the failed rows with row, column and message`, async ({ page }) => {
		await page.goto('/customers');
		if (language === 'en') await page.getByRole('combobox', { name: '表示言語' }).selectOption('en');
		const bulk = page.getByRole('region', { name: w.bulk });
		await chooseText(page, bulk, w.choose, 'customers.csv', '旧カートの顧客番号,氏名\r\nC1,a\r\n,b\r\n');
		await bulk.getByRole('button', { name: w.upload }).click();
		const table = bulk.getByRole('table');
		await expect(table.getByRole('row')).toHaveCount(2);
		await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('3');
		await expect(table).toContainText(w.uploadError);
		await expect(bulk.getByRole('heading', { name: w.failed })).toBeVisible();
		await expect(bulk.getByRole('heading', { name: w.warnings, exact: true })).toBeVisible();
	});

	// A row number is a position: the table's cell writes it as the message beside it does
	// (「3002行目」 / "Row 3002"), never grouped like a count (行 「3,002」).
	test(`${language}: a failed row past 1,000 has the same number in its cell and in its message`, async ({ page }) => {
		await page.goto('/customers');
		if (language === 'en') await page.getByRole('combobox', { name: '表示言語' }).selectOption('en');
		const bulk = page.getByRole('region', { name: w.bulk });
		const good = Array.from({ length: 3000 }, (_, i) => `C${i + 1},a\r\n`).join('');
		await chooseText(page, bulk, w.choose, 'customers.csv', `旧カートの顧客番号,氏名\r\n${good},b\r\n`);
		await bulk.getByRole('button', { name: w.upload }).click();
		const table = bulk.getByRole('table');
		await expect(table.getByRole('row')).toHaveCount(2);
		await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('3002');
		await expect(table).toContainText(w.uploadError.replace('3', '3002'));
		await expect(table).not.toContainText('3,002');
	});
}
