/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

// Offline install: precaches the whole app on install and answers same-origin GETs from the cache.
// It never fetches off-origin: such requests are not intercepted, so the page's CSP still blocks them.
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const cacheName = `webcollect-workbench-${version}`;
/** The SPA fallback page (adapter-static `fallback`), answered for any navigation the cache lacks. */
const fallbackPage = `${base}/200.html`;
const precache = [...new Set([...build, ...files, ...prerendered, fallbackPage])];

/**
 * Workers that a worker starts (step d's hash worker, started by the workbench worker) are emitted by
 * the worker's own build and missing from `build`: their URLs are read from the cached worker
 * scripts and cached too, so step d runs offline after the first visit like everything else.
 */
async function precacheNestedWorkers(cache: Cache): Promise<void> {
	const folder = `${base}/_app/immutable/workers/`;
	const nested = new Set<string>();
	for (const url of build) {
		if (!url.startsWith(folder)) continue;
		const script = await cache.match(url);
		if (!script) continue;
		for (const [path] of (await script.text()).matchAll(/\/_app\/immutable\/workers\/[\w.-]+\.js/g)) {
			if (!precache.includes(base + path)) nested.add(base + path);
		}
	}
	await cache.addAll([...nested]);
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches.open(cacheName).then(async (cache) => {
			await cache.addAll(precache);
			await precacheNestedWorkers(cache);
		})
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== cacheName) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

// The update prompt asks a waiting worker to take over; the page reloads on `controllerchange`.
sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') sw.skipWaiting();
});

async function respond(request: Request): Promise<Response> {
	const cache = await caches.open(cacheName);
	const isNavigation = request.mode === 'navigate';
	const cached = await cache.match(request, { ignoreSearch: isNavigation });
	if (cached) return cached;
	try {
		const response = await fetch(request);
		if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
		return response;
	} catch (error) {
		const fallback = isNavigation ? await cache.match(fallbackPage) : undefined;
		if (fallback) return fallback;
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET' || request.headers.has('range')) return;
	if (new URL(request.url).origin !== sw.location.origin) return;
	event.respondWith(respond(request));
});
