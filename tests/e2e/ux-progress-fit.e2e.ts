import { translate, type Language, type MessageKey } from '../../src/lib/i18n';
import { expect, test } from './support';
import { bigReturnFile, chooseFile } from './files';
import { holdStore } from './storage';

// Every job shows its progress through one ProgressBar (label, bar, percent, キャンセル and its note):
// at 390 px, in either language, that row wraps inside the screen — no sideways scroll, キャンセル whole.
// A trial found an upload's row 410 px wide at 390 px, キャンセル cut off.
const languages: Language[] = ['ja', 'en'];

for (const language of languages) {
	const t = (key: MessageKey) => translate(language, key);
	test(`${language} at 390 px: a running job's progress row stays on the screen, キャンセル whole`, async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
		await page.goto('/migration');
		const stepD = page.getByRole('region', { name: t('migration.stepD') });
		await chooseFile(page, stepD, { name: 'return.csv', mimeType: 'text/csv', buffer: Buffer.from(bigReturnFile(20)) }, t('upload.choose'));
		// The conversion is kept running, however fast the machine, by another connection holding the
		// store of saved column mappings, which step d reads once it has started (a 1,500,000-row file
		// was over before キャンセル could be pressed once the row's start-up scroll moved it).
		const letGo = await holdStore(page, 'meta');
		await stepD.getByRole('button', { name: t('migration.convert') }).click();
		const cancel = stepD.getByRole('button', { name: t('common.cancel') });
		await expect(stepD.getByRole('progressbar')).toBeVisible();
		await expect(cancel).toBeEnabled();
		const fit = await page.evaluate(() => {
			const row = document.querySelector<HTMLElement>('.progress');
			const button = row?.querySelector('button');
			return {
				row: row ? Math.round(row.getBoundingClientRect().right - window.innerWidth) : 999,
				button: button ? Math.round(button.getBoundingClientRect().right - window.innerWidth) : 999,
				page: document.documentElement.scrollWidth - window.innerWidth
			};
		});
		expect(fit.row).toBeLessThanOrEqual(0);
		expect(fit.button).toBeLessThanOrEqual(0);
		expect(fit.page).toBeLessThanOrEqual(0);
		await cancel.click();
		await letGo();
		await expect(stepD.getByText(t('migration.cancelled'))).toBeVisible();
	});
}

// The bar of a job shows below the button that started it; on a phone an upload's bar, and its
// キャンセル, came below the fold (一括登録 at 390 × 844: the operator could neither see the bar run
// nor stop the upload without scrolling). The job is kept running by another
// connection holding the history store, which the upload writes before it reads the file.
for (const language of languages) {
	const t = (key: MessageKey) => translate(language, key);
	test(`${language} at 390 px: a running upload's キャンセル is on the screen without scrolling`, async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
		await page.goto('/customers');
		const bulk = page.getByRole('region', { name: t('bulk.title') });
		await chooseFile(page, bulk, { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from('旧カートの顧客番号,氏名,メールアドレス\r\nC0001,山田太郎,taro@example.com\r\n') }, t('upload.choose'));
		const letGo = await holdStore(page, 'history');
		await bulk.getByRole('button', { name: t('upload.upload') }).click();
		await expect(bulk.getByRole('progressbar')).toBeVisible();
		const cancel = bulk.getByRole('button', { name: t('common.cancel') });
		await expect(cancel).toBeEnabled();
		await expect(cancel).toBeInViewport({ ratio: 1 });
		await expect(bulk.getByRole('progressbar')).toBeInViewport({ ratio: 1 });
		await cancel.click();
		await letGo();
		await expect(bulk.getByRole('progressbar')).toHaveCount(0);
	});
}

// A conversion asks for no cancel once it records its history entry: キャンセル did nothing then and
// said nothing (an upload's is disabled and says why). Each step's conversion is held in that final
// write by another connection holding the history store, which it writes last.
const steps = [
	['b', 'migration.stepB', 'store-customer-list.sjis.csv', 'migration.stepBAction'],
	['d', 'migration.stepD', 'return.csv', 'migration.convert']
] as const;
for (const language of languages) {
	for (const [step, region, file, action] of steps) {
		const t = (key: MessageKey) => translate(language, key);
		test(`${language}: step ${step}'s キャンセル is disabled and says why during the conversion's final write`, async ({ page }) => {
			await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
			await page.goto('/migration');
			const scope = page.getByRole('region', { name: t(region) });
			const chosen = file === 'return.csv' ? { name: file, mimeType: 'text/csv', buffer: Buffer.from(bigReturnFile(20)) } : `tests/fixtures/${file}`;
			await chooseFile(page, scope, chosen, t('upload.choose'));
			const letGo = await holdStore(page, 'history');
			await scope.getByRole('button', { name: t(action) }).click();
			const cancel = scope.getByRole('button', { name: t('common.cancel') });
			await expect(cancel).toBeDisabled();
			await expect(scope.getByText(t('progress.cannotCancel'))).toBeVisible();
			await expect(cancel).toHaveAccessibleDescription(t('progress.cannotCancel'));
			await letGo();
			await expect(scope.getByRole('progressbar')).toHaveCount(0);
			await expect(scope.getByText(t('migration.cancelled'))).toHaveCount(0);
		});
	}
}
