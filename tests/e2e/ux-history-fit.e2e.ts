import type { Page } from '@playwright/test';
import { translate, type Language, type MessageKey } from '../../src/lib/i18n';
import { fixture } from './files';
import { expect, test } from './support';

/** 履歴 reads whole without a sideways scroll: at 1280 px its columns fit, at 390 px its rows stack. */
const viewports = [
	{ width: 1280, height: 900 },
	{ width: 390, height: 844 }
];
const languages: Language[] = ['ja', 'en'];

/** How far the history table runs past its box, and the page past the screen (0 when they fit). */
async function overflow(page: Page) {
	return page.evaluate(() => {
		const table = document.querySelector<HTMLElement>('table.history-table');
		const box = table?.closest<HTMLElement>('.table-wrap') ?? table;
		return {
			box: box ? Math.max(0, box.scrollWidth - box.clientWidth - 1) : -1,
			page: Math.max(0, document.documentElement.scrollWidth - window.innerWidth)
		};
	});
}

for (const language of languages) {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
	for (const viewport of viewports) {
		test(`${language} at ${viewport.width} px: 履歴 fits its box, every column in view`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
			await page.goto('/migration');
			const stepB = page.getByRole('region', { name: t('migration.stepB') });
			await stepB.getByRole('radio').first().check();
			await stepB.locator('input[type=file]').setInputFiles(fixture('store-customer-list.sjis.csv'));
			await stepB.getByRole('button', { name: t('migration.stepBAction') }).click();
			await expect(stepB.getByTestId('step-b-done')).toBeVisible();

			await page.goto('/history');
			const row = page.locator('table.history-table tbody tr').first();
			await expect(row).toContainText('store-customer-list.sjis.csv');
			expect(await overflow(page)).toEqual({ box: 0, page: 0 });
			// Every cell of the row, the status and the actions included, is on screen.
			const right = viewport.width;
			for (const cell of await row.locator('td, th').all()) {
				const rect = await cell.boundingBox();
				expect(rect && rect.x + rect.width).toBeLessThanOrEqual(right);
			}
			const details = row.getByRole('button', { name: t('history.detailsOf', { fileName: 'store-customer-list.sjis.csv' }) });
			await details.scrollIntoViewIfNeeded();
			await expect(details).toBeInViewport({ ratio: 1 });
			expect(await overflow(page)).toEqual({ box: 0, page: 0 });
		});
	}
}
