import { translate, type MessageKey } from '../../src/lib/i18n';
import { failureText } from '../../src/lib/i18n/failures';
import { upgradeElsewhere } from './storage';
import { expect, test } from './support';

// A newer copy of the app opens the database at a higher version in another tab (upgradeElsewhere):
// this tab closes its connection, its banner asks for a reload, and every read from then on fails. Each screen opened afterwards says so where its content would be,
// never 読み込み中… for ever, and leaves no unhandled error (the fixture fails a test on any console error).

const cases = [
	{ language: 'ja', viewport: { width: 1280, height: 800 } },
	{ language: 'en', viewport: { width: 390, height: 844 } }
] as const;

for (const { language, viewport } of cases) {
	test(`${language} at ${viewport.width} px: after a newer copy's upgrade in another tab, each screen opened says to reload`, async ({ page, context }) => {
		const t = (key: MessageKey) => translate(language, key);
		const reason = failureText('database-closed', language);
		await context.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
		await page.setViewportSize(viewport);
		await page.goto('/history');
		// The history list was read: the app has its database open.
		await expect(page.getByText(t('history.list.empty'))).toBeVisible();

		await upgradeElsewhere(await context.newPage(), 'done');
		await expect(page.getByText(t('upgrade.banner'))).toBeVisible();

		const menu = page.getByRole('navigation', { name: t('nav.label') });
		const main = page.locator('main');
		const screens = [
			['nav.settings', 'settings.title'],
			['nav.customers', 'customers.title'],
			['nav.migration', 'migration.title']
		] as const;
		for (const [link, title] of screens) {
			await menu.getByRole('link', { name: t(link) }).click();
			await expect(page.getByRole('heading', { level: 1, name: t(title) })).toBeVisible();
			await expect(main.getByRole('alert').filter({ hasText: reason }).first()).toBeVisible();
			await expect(main.getByText(t('common.loading'), { exact: true })).toHaveCount(0);
		}
		// /settings offers no form of defaults to save over the settings it could not read.
		await menu.getByRole('link', { name: t('nav.settings') }).click();
		await expect(main.getByRole('alert').filter({ hasText: reason })).toBeVisible();
		await expect(page.getByRole('button', { name: t('common.save') })).toHaveCount(0);
	});
}
