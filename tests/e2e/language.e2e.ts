import { expect, test } from './support';
import { chooseFile } from './files';

test('the language switch turns the app to English, problems included, and is remembered', async ({ page }) => {
	await page.goto('/migration');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('カード情報移行');
	await page.getByRole('combobox', { name: '表示言語' }).selectOption('en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Card migration');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Payment settings' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Notifications' })).toBeVisible();

	const text = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー\r\nUS-00010001,042,JCB,2813,QwErTy9876543210abC2\r\n';
	const stepD = page.getByRole('region', { name: 'd. Make the import file' });
	await chooseFile(page, stepD, { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(text) }, 'Choose file');
	await stepD.getByRole('button', { name: 'Convert', exact: true }).click();
	await expect(stepD.getByText('Row 2: expiry "2813" has month 13. Enter it as YYMM (e.g. 2912).')).toBeVisible();

	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Card migration');
	await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('カード情報移行');
});

test.describe('in a browser set to another locale (de-DE writes 12.345 and 1,5)', () => {
	test.use({ locale: 'de-DE' });

	test("numbers on screen follow the app's one format, not the browser's", async ({ page }) => {
		await page.goto('/customers');
		const bulk = page.getByRole('region', { name: '一括登録' });
		await chooseFile(page, bulk, { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from('x'.repeat(12345)) });
		await expect(bulk.getByText('12,345 バイト')).toBeVisible();
		await page.goto('/settings');
		await expect(page.getByTestId('storage-usage')).toHaveText(/^使用量：\d{1,3}(,\d{3})*(\.\d)? MB \/ 上限 \d{1,3}(,\d{3})*(\.\d)? MB$/);
	});
});
