// First-load JavaScript: every JS file the page itself fetches when `path` is opened in a fresh
// profile, each gzipped with zlib level 9 (what a static host would send compressed), split into
// what the first paint needs and what the page loads after it.
import { gzipSync } from 'node:zlib';
import { onlyPage } from '../browser.mjs';

// A static `import … from "./x.js"`, `import "./x.js"` or `export … from "./x.js"` of a built module
// (minified or not); `import("./x.js")` — a dynamic import — has a parenthesis and is not matched.
const staticImport = /\b(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/**
 * The files the first paint waits for: SvelteKit's entry (`/entry/`) and the route nodes it loads
 * for the page (`/nodes/`: layout, error page, the route), with every file they import statically.
 * Files fetched otherwise — dynamic imports made after the first paint — are the rest.
 */
function firstPaintPaths(files, sources) {
	const needed = new Set(files.filter((file) => /\/(entry|nodes)\//.test(file.path)).map((file) => file.path));
	const queue = [...needed];
	while (queue.length) {
		const path = queue.pop();
		for (const match of (sources.get(path) ?? '').matchAll(staticImport)) {
			const target = new URL(match[1], `http://site${path}`).pathname;
			if (!needed.has(target)) {
				needed.add(target);
				queue.push(target);
			}
		}
	}
	return needed;
}

const total = (files, key) => files.reduce((sum, file) => sum + file[key], 0);

/**
 * The JS a first visit of `path` loads: `files` (and `bytes`, `gzip`) are what the first paint needs;
 * `later` what the page fetched after it (lazy modules: the database, the bell's notices); the
 * scripts of dedicated workers it starts (`workerFiles`) and the service worker's are apart.
 */
export async function measureFirstLoad(browser, origin, path = '/') {
	const page = await onlyPage(browser.context);
	const responses = [];
	page.on('response', (response) => responses.push(response));
	await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
	await page.waitForTimeout(500);
	const all = [];
	const sources = new Map();
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
		else if (!all.some((file) => file.path === entry.path)) {
			all.push(entry);
			sources.set(entry.path, body.toString('utf8'));
		}
	}
	await page.close();
	all.sort((a, b) => b.gzip - a.gzip);
	const needed = firstPaintPaths(all, sources);
	const files = all.filter((file) => needed.has(file.path));
	const later = all.filter((file) => !needed.has(file.path));
	return {
		path,
		files,
		bytes: total(files, 'bytes'),
		gzip: total(files, 'gzip'),
		later,
		laterGzip: total(later, 'gzip'),
		workerFiles,
		workerGzip: total(workerFiles, 'gzip'),
		serviceWorker
	};
}
