import { translate, type Language, type MessageKey } from '../../src/lib/i18n';
import { downloadBytes } from './files';
import { expect, test } from './support';

// Issue 13, point 3: step d's lists for people never write `?` in Shift_JIS; the operator is told
// which row and column, and offered UTF-8 with BOM.
const header = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';
const returned = `${header}\r\nUS-00010000,111,VISA𠮷,2912,AbCdEf0123456789xyZ1\r\nUS-00010001,222,JCB,2912,QwErTy9876543210abC2\r\n`;

for (const language of ['ja', 'en'] as Language[]) {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);

	test(`${language}: a problem list Shift_JIS cannot hold is named, then written as UTF-8 with BOM`, async ({ page }) => {
		await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
		await page.goto('/migration');
		const stepD = page.getByRole('region', { name: t('migration.stepD') });
		await stepD.locator('input[type=file]').setInputFiles({ name: 'odd-brand.csv', mimeType: 'text/csv', buffer: Buffer.from(returned) });
		await stepD.getByRole('button', { name: t('migration.convert') }).click();
		await expect(stepD.getByRole('heading', { name: t('migration.result') })).toBeFocused();

		let downloads = 0;
		page.on('download', () => downloads++);
		await stepD.getByRole('button', { name: t('problems.download') }).click();
		const notice = stepD.getByRole('alert').filter({ hasText: t('unencodable.lead', { count: 1 }) });
		await expect(notice).toBeVisible();
		await expect(notice.getByRole('listitem')).toHaveText([language === 'ja' ? /^内容の「𠮷」は、Shift_JISで書き出せません（2行目・5列目）。/ : /^The message "𠮷" cannot be written in Shift_JIS \(row 2, column 5\)\./]);
		expect(downloads).toBe(0);

		const { bytes } = await downloadBytes(page, notice.getByRole('button', { name: t('unencodable.download') }));
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(bytes.toString('utf8')).toContain('𠮷');
		await expect(notice).toBeHidden();
	});
}
