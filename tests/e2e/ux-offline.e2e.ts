import { expect, test } from './support';
import { waitForServiceWorker } from './ux-support';

const screens = [
	['/', 'クロネコwebコレクト移行ツール'],
	['/settings', '支払い方法設定 › クロネコwebコレクト'],
	['/customers', '顧客一覧'],
	['/migration', 'カード情報移行'],
	['/history', '顧客データ取り込み履歴'],
	['/report', '移行レポート']
] as const;

test('after the first visit every screen opens with no network, the worker included', async ({ page, context }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await context.setOffline(true);

	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'クロネコwebコレクト移行ツール' })).toBeVisible();
	for (const [route, title] of screens) {
		await page.goto(route);
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	}
	// The customer list is searched in the Web Worker: its script comes from the cache too.
	await page.goto('/customers');
	await expect(page.getByText('顧客はまだ登録されていません。一括登録で顧客情報を取り込んでください。')).toBeVisible();
	// A deep link only the fallback page can serve, and client-side navigation.
	await page.goto('/settings/?from=bookmark');
	await expect(page.getByRole('heading', { level: 1, name: screens[1][1] })).toBeVisible();
	await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'カード情報移行' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'カード情報移行' })).toBeVisible();
});

test('the app is installable: a manifest with name, start URL, theme colour and PNG icons', async ({ page }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#1d4f91');
	const response = await page.request.get(href!);
	expect(response.headers()['content-type']).toContain('application/manifest+json');
	const manifest = await response.json();
	expect(manifest).toMatchObject({ short_name: 'webcollect', display: 'standalone', theme_color: '#1d4f91' });
	expect(new URL(manifest.start_url, response.url()).pathname).toBe('/');
	for (const size of [192, 512]) {
		const icon = manifest.icons.find((i: { sizes: string; type: string }) => i.sizes === `${size}x${size}` && i.type === 'image/png');
		const png = await page.request.get(new URL(icon.src, response.url()).href);
		const bytes = await png.body();
		expect(bytes.readUInt32BE(16), `width of ${icon.src}`).toBe(size);
		expect(bytes.readUInt32BE(20), `height of ${icon.src}`).toBe(size);
	}
});

test('a waiting new version is offered; 再読み込み lets it take over and reloads the page', async ({ page }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	// A second script URL stands in for a new deployment: the browser installs it beside the active one.
	await page.evaluate(() => navigator.serviceWorker.register('/service-worker.js?next=1'));
	const banner = page.locator('[aria-live="polite"]').filter({ hasText: '新しいバージョンがあります。' });
	await expect(banner).toBeVisible();
	const reloaded = page.waitForEvent('load');
	await banner.getByRole('button', { name: '再読み込み' }).click();
	await reloaded;
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toContain('next=1');
});
