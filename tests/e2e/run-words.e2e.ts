import { translate, type MessageKey } from '../../src/lib/i18n';
import { expect, test } from './support';
import { chooseFile } from './files';

const languages = ['ja', 'en'] as const;
const widths = [1280, 390] as const;

// Operator trial: after steps a・b refused a file (a no-break space after values), step c said "This
// file is refused…" and directly below "Loaded 0 customers (0 to be written to the linkage CSV).".
// A refused file's box says the refusal and no count beside it (held for every result box by
// result-notes.spec.ts); whole at the width shown.
for (const language of languages) {
	for (const width of widths) {
		test(`${language} at ${width} px: a customer list refused in steps a・b gets no "Loaded" line in step c`, async ({ page, context }) => {
			const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
			await context.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
			await page.setViewportSize({ width, height: 844 });
			await page.goto('/migration');
			const stepB = page.getByRole('region', { name: t('migration.stepB') });
			await stepB.getByRole('radio', { name: t('migration.source.file') }).check();
			await chooseFile(page, stepB, 'tests/fixtures/real-world/nbsp-trailing-values.utf8.csv', t('upload.choose'));
			await stepB.getByRole('button', { name: t('migration.stepBAction') }).click();
			await expect(stepB.getByTestId('step-b-done')).toBeVisible();

			const stepC = page.getByRole('region', { name: t('migration.stepC'), exact: true });
			const refusal = stepC.getByRole('alert').filter({ hasText: t('migration.refused') });
			await expect(refusal).toBeVisible();
			// The sentence with any counts (but one customer, a plural of its own in English).
			const escaped = t('migration.customersLoaded', { total: 987, linked: 654 }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			await expect(stepC).not.toContainText(new RegExp(escaped.replace('987', '[\\d,]+').replace('654', '[\\d,]+')));
			await expect(stepC.getByRole('button', { name: t('migration.downloadLinkage') })).toBeDisabled();
			const fits = await refusal.evaluate((box) => box.getBoundingClientRect().right <= document.documentElement.clientWidth && document.documentElement.scrollWidth <= innerWidth);
			expect(fits).toBe(true);
		});
	}
}
