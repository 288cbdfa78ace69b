import { expect, test } from './support';

const routes = ['/', '/settings', '/customers', '/migration', '/history', '/report'];

test('every route loads with no foreign request, CSP violation or console error', async ({ page, watch }) => {
	for (const route of routes) {
		await page.goto(route);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('button', { name: '通知' })).toBeVisible();
	}
	// A deep link that only the fallback page can serve still boots the app.
	await page.goto('/settings/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(watch.foreignRequests).toEqual([]);
});

test('the navigation reaches every screen', async ({ page }) => {
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'メインメニュー' });
	for (const [name, path] of [
		['支払い方法設定', '/settings'],
		['顧客一覧', '/customers'],
		['カード情報移行', '/migration'],
		['顧客データ取り込み履歴', '/history']
	]) {
		await nav.getByRole('link', { name, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`${path}$`));
	}
});
