import type { Page } from '@playwright/test';
import { expect, test } from './support';
import { chooseFile } from './files';
import { returnHeader } from './wizard';

// Past the cap on listed problems (100,000) the list keeps the first 100,000 by row and column — the
// several-cards warnings, added after every row is read, included — and the cap's note stands apart
// from the pages: the pager counts the file's problems only, and the note's counts are grouped.
const rows = 101_500;
const file = () => {
	const lines = [returnHeader];
	// Rows 2 and 3: one customer with two cards; every row: a tail of two digits (a warning).
	for (let i = 0; i < rows; i++) lines.push(`US-${String(10_000 + Math.max(0, i - 1)).padStart(8, '0')},11,VISA,2912,AbCdEf0123456789xyZ1`);
	return { name: 'return.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n') };
};

async function convert(page: Page, region: string, choose: string, button: string) {
	const stepD = page.getByRole('region', { name: region });
	await chooseFile(page, stepD, file(), choose);
	await stepD.getByRole('button', { name: button, exact: true }).click();
	return stepD;
}

test.describe('the cap on listed problems', () => {
	test.setTimeout(240_000);

	test('Japanese: the note apart, grouped counts, the pager counts the listed problems', async ({ page }) => {
		await page.goto('/migration');
		const stepD = await convert(page, 'd. インポート用データを作る', 'ファイルを指定する', '変換する');
		// 101,500 tail warnings + 2 several-cards warnings, 100,000 listed: 1,502 left out.
		await expect(stepD.getByRole('note').filter({ hasText: 'ほかに' })).toHaveText('ほかに1,502件の問題があります。一覧にあるのは最初の100,000件です。', { timeout: 180_000 });
		const pager = stepD.getByRole('navigation', { name: /問題の一覧/ });
		await expect(pager).toContainText(/全100,?000件/);
		// The first row of the first page: the several-cards warning of row 2 (added last, listed first).
		await expect(stepD.getByRole('row').filter({ hasText: '行目の顧客ID' }).first()).toHaveAccessibleName(/^2 1 警告 2行目の顧客ID「US-00010000」には2枚のカードがあります/);
		await expect(stepD.getByRole('row', { name: /ほかに/ })).toHaveCount(0);
		// Only warnings were left out: under エラー the note is gone and the table says there are no errors.
		await stepD.getByRole('radio', { name: 'エラー' }).check();
		await expect(stepD.getByText('エラーはありません。')).toBeVisible();
		await expect(stepD.getByRole('note').filter({ hasText: 'ほかに' })).toHaveCount(0);
		await stepD.getByRole('radio', { name: '警告' }).check();
		await expect(stepD.getByRole('note').filter({ hasText: 'ほかに' })).toHaveText('ほかに1,502件の問題があります。一覧にあるのは最初の100,000件です。');
	});

	test('English: the same note in English', async ({ page }) => {
		await page.goto('/migration');
		await page.getByRole('combobox', { name: '表示言語' }).selectOption('en');
		const stepD = await convert(page, 'd. Make the import file', 'Choose file', 'Convert');
		await expect(stepD.getByRole('note').filter({ hasText: 'more problems' })).toHaveText('1,502 more problems were found. The list shows the first 100,000.', { timeout: 180_000 });
		await expect(stepD.getByRole('navigation', { name: /Problems/ })).toContainText(/of 100,?000/);
		await stepD.getByRole('radio', { name: 'Errors' }).check();
		await expect(stepD.getByText('No errors.')).toBeVisible();
		await expect(stepD.getByRole('note').filter({ hasText: 'more problems' })).toHaveCount(0);
	});
});
