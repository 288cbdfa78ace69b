import type { Page } from '@playwright/test';
import { translate, type Language, type MessageKey } from '../../src/lib/i18n';
import { chooseFile } from './files';
import { expect, test } from './support';
import { returnHeader } from './wizard';

/**
 * The bell (SPEC §5) after a step d run with both errors and warnings: the notice quotes the errors
 * first (an operator trial saw a warning quoted while the run had an error), each marked with its
 * severity, and counts what it left to the history.
 */
const viewports = [
	{ width: 1280, height: 900 },
	{ width: 390, height: 844 }
];

// Row 2: a brand alias (warning); rows 3 and 4: month 13 (errors); row 5: a tail padded (warning).
const returnFile =
	[
		returnHeader,
		'US-00010000,111,Visa,2912,AbCdEf0123456789xyZ1',
		'US-00010001,222,JCB,2913,QwErTy9876543210abC2',
		'US-00010002,333,JCB,2913,ZxCvBn0123456789qwE3',
		'US-00010003,11,VISA,2912,PoIuYt0123456789lkJ4'
	].join('\r\n') + '\r\n';

for (const language of ['ja', 'en'] as Language[]) {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);

	async function convert(page: Page) {
		await page.goto('/migration');
		const stepD = page.getByRole('region', { name: t('migration.stepD') });
		await chooseFile(page, stepD, { name: 'mixed.csv', mimeType: 'text/csv', buffer: Buffer.from(returnFile) }, t('upload.choose'));
		await stepD.getByRole('button', { name: t('migration.convert') }).click();
		await expect(stepD.getByText(t('migration.summary', { rows: 4, written: 2, errors: 2, warnings: 2 }))).toBeVisible();
	}

	for (const viewport of viewports) {
		test(`${language} at ${viewport.width} px: the bell quotes a run's errors before its warnings`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
			await convert(page);
			// SPEC's name for the bell, exactly; the unread count is its description (read after the name).
			const bell = page.getByRole('button', { name: t('bell.label'), exact: true });
			await expect(bell).toHaveAccessibleDescription(t('bell.unread', { count: 1 }));
			await bell.click();
			const notice = page.getByRole('dialog', { name: t('bell.label') }).getByRole('listitem').first();
			const listed = notice.getByRole('group', { name: t('bell.listed') });
			await expect(listed).toBeVisible();
			const quoted = listed.locator('p:not(.meta)');
			await expect(quoted).toHaveCount(3);
			// Errors first, by row (rows 3 and 4, month 13), then the first warning (row 2).
			await expect(quoted.locator('.tag')).toHaveText([t('problems.severityError'), t('problems.severityError'), t('problems.severityWarning')]);
			await expect(quoted.nth(0)).toContainText('2913');
			await expect(quoted.nth(0)).toContainText(language === 'ja' ? '3行目' : 'Row 3');
			await expect(quoted.nth(1)).toContainText(language === 'ja' ? '4行目' : 'Row 4');
			await expect(quoted.nth(2)).toContainText(language === 'ja' ? '2行目' : 'Row 2');
			await expect(listed.locator('p.meta')).toHaveText(t('bell.moreWarnings', { count: 1 }));
			const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
			expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
		});
	}
}
