// First-load JavaScript: every JS file the page itself fetches when `path` is opened in a fresh
// profile, each gzipped with zlib level 9 (what a static host would send compressed).
import { gzipSync } from 'node:zlib';
import { onlyPage } from '../browser.mjs';

/**
 * The JS a first visit of `path` loads: the page's own files; the scripts of dedicated workers it
 * starts (`workerFiles`) and the service worker's (`serviceWorker`) are counted apart.
 */
export async function measureFirstLoad(browser, origin, path = '/') {
	const page = await onlyPage(browser.context);
	const responses = [];
	page.on('response', (response) => responses.push(response));
	await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
	await page.waitForTimeout(500);
	const files = [];
	const workerFiles = [];
	let serviceWorker = null;
	for (const response of responses) {
		const url = new URL(response.url());
		const type = response.headers()['content-type'] ?? '';
		if (url.origin !== origin || !(type.includes('javascript') || url.pathname.endsWith('.js'))) continue;
		const body = await response.body().catch(() => null);
		if (!body) continue;
		const entry = { path: url.pathname, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
		if (url.pathname.endsWith('/service-worker.js')) serviceWorker = entry;
		else if (url.pathname.includes('/workers/')) workerFiles.push(entry);
		else if (!files.some((file) => file.path === entry.path)) files.push(entry);
	}
	await page.close();
	files.sort((a, b) => b.gzip - a.gzip);
	return {
		path,
		files,
		bytes: files.reduce((sum, file) => sum + file.bytes, 0),
		gzip: files.reduce((sum, file) => sum + file.gzip, 0),
		workerFiles,
		workerGzip: workerFiles.reduce((sum, file) => sum + file.gzip, 0),
		serviceWorker
	};
}
