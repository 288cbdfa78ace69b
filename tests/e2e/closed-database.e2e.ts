import { translate, type MessageKey } from '../../src/lib/i18n';
import { failureText } from '../../src/lib/i18n/failures';
import { chooseFile, fixture } from './files';
import { upgradeElsewhere } from './storage';
import { expect, test } from './support';

// A newer copy of the app opens the database at a higher version in another tab (upgradeElsewhere):
// this tab closes its connection, its banner asks for a reload, and every read from then on fails.
// Each screen says so where its content would be — one opened afterwards, never 読み込み中… for ever;
// one following the database as it closes (the history list, an opened entry, the bell's notices),
// never what it read before as if current — and leaves no unhandled error (the fixture fails a test
// on any console error).

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
			['nav.migration', 'migration.title'],
			['nav.history', 'history.title']
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

for (const { language, viewport } of cases) {
	test(`${language} at ${viewport.width} px: the screens following the database as a newer copy upgrades it say to reload, and so do 履歴 and 移行レポート opened afterwards`, async ({ page, context }) => {
		const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
		const reason = failureText('database-closed', language);
		await context.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
		await page.setViewportSize(viewport);
		const file = 'oldcart-customers.utf8bom.csv';
		const bell = page.getByRole('button', { name: t('bell.label'), exact: true });
		// One upload: the history has its entry, the bell its notice.
		await page.goto('/customers');
		const bulk = page.getByRole('region', { name: t('bulk.title') });
		await chooseFile(page, bulk, fixture(file), t('upload.choose'));
		await bulk.getByRole('button', { name: t('upload.upload') }).click();
		await expect(bell).toHaveAccessibleDescription(t('bell.unread', { count: 1 }));

		// 履歴 shows the list and the opened entry, both followed.
		const menu = page.getByRole('navigation', { name: t('nav.label') });
		const main = page.locator('main');
		await menu.getByRole('link', { name: t('nav.history') }).click();
		const details = page.getByRole('button', { name: t('history.detailsOf', { fileName: file }) });
		await details.click();
		const entry = page.getByRole('region', { name: new RegExp(t('history.entry.title')) });
		await expect(entry.getByRole('heading', { level: 2 })).toContainText(file);
		await expect(entry.getByRole('term')).not.toHaveCount(0);

		await upgradeElsewhere(await context.newPage(), 'done');
		await expect(page.getByText(t('upgrade.banner'))).toBeVisible();
		// The list and the entry say why in place of what they showed.
		const list = page.getByRole('region', { name: t('history.list.title') });
		await expect(list.getByRole('alert').filter({ hasText: reason })).toBeVisible();
		await expect(details).toHaveCount(0);
		await expect(entry.getByRole('alert').filter({ hasText: reason })).toBeVisible();
		await expect(entry.getByRole('term')).toHaveCount(0);
		// The bell's panel says so too, and closes without an error.
		await bell.click();
		const panel = page.getByRole('dialog', { name: t('bell.label') });
		await expect(panel.getByRole('alert').filter({ hasText: reason })).toBeVisible();
		// Nothing to change in notices that could not be read: the tools are off.
		await expect(panel.getByRole('button', { name: t('bell.markAllRead') })).toBeDisabled();
		await expect(panel.getByRole('checkbox', { name: t('bell.starredOnly') })).toBeDisabled();
		await page.keyboard.press('Escape');
		await expect(page.getByRole('dialog', { name: t('bell.label') })).toHaveCount(0);

		// 移行レポート and 履歴 opened afterwards.
		await main.getByRole('link', { name: t('report.open') }).click();
		await expect(page.getByRole('heading', { level: 1, name: t('report.title') })).toBeVisible();
		await expect(main.getByRole('alert').filter({ hasText: reason })).toBeVisible();
		await expect(main.getByText(t('common.loading'), { exact: true })).toHaveCount(0);
		await menu.getByRole('link', { name: t('nav.history') }).click();
		await expect(page.getByRole('heading', { level: 1, name: t('history.title') })).toBeVisible();
		await expect(list.getByRole('alert').filter({ hasText: reason })).toBeVisible();
		await expect(main.getByText(t('common.loading'), { exact: true })).toHaveCount(0);
	});
}

// Operator trial: 顧客一覧 kept its rows ("4 found (4 registered)") and an enabled 「データダウンロード」
// that gave nothing, after a newer copy upgraded the database in another tab. The list is dropped and
// the reason said in its place at once, as 履歴 does.
for (const { language, viewport } of cases) {
	test(`${language} at ${viewport.width} px: 顧客一覧 showing customers says to reload as a newer copy upgrades the database`, async ({ page, context }) => {
		const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
		const reason = failureText('database-closed', language);
		await context.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
		await page.setViewportSize(viewport);
		await page.goto('/customers');
		const bulk = page.getByRole('region', { name: t('bulk.title') });
		await chooseFile(page, bulk, fixture('oldcart-customers.utf8bom.csv'), t('upload.choose'));
		await bulk.getByRole('button', { name: t('upload.upload') }).click();
		const list = page.getByRole('region', { name: t('search.title') });
		await expect(list.getByText('US-00010003')).toBeVisible();

		await upgradeElsewhere(await context.newPage(), 'done');
		await page.bringToFront();
		await expect(list.getByRole('alert').filter({ hasText: reason })).toBeVisible();
		await expect(list.getByText('US-00010003')).toHaveCount(0);
		await expect(list.getByRole('button', { name: t('search.download') })).toHaveCount(0);
	});
}
