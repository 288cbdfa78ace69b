// Serves the static build on localhost: unknown extension-less paths get the SPA fallback.
// SERVE_ROOT names another folder to serve (tests); PORT the port (4173).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve as resolvePath, sep } from 'node:path';

const root = resolvePath(process.env.SERVE_ROOT ?? new URL('../build/', import.meta.url).pathname) + sep;
const port = Number(process.env.PORT ?? 4173);
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain; charset=utf-8'
};
// Workers take their CSP from their own response, not from the page's meta tag. The service
// worker alone may fetch, and only its own origin: it caches the app for offline use.
const workerPolicy = "default-src 'none'; script-src 'self'; connect-src 'none'";
const serviceWorkerPolicy = "default-src 'none'; script-src 'self'; connect-src 'self'";
// A meta CSP cannot forbid framing: pages say it here (and X-Frame-Options for older browsers).
const pageHeaders = { 'content-security-policy': "frame-ancestors 'none'", 'x-frame-options': 'DENY' };
const maxPathLength = 2048;

/** The request's path as a relative file path, or null when it is malformed or leaves the root. */
function safePath(url) {
	if (typeof url !== 'string' || !url.startsWith('/') || url.length > maxPathLength) return null;
	const raw = url.split(/[?#]/, 1)[0];
	let path;
	try {
		path = decodeURIComponent(raw);
	} catch {
		return null;
	}
	if (/[\0\\]/.test(path) || path.startsWith('//') || path.includes('//')) return null;
	const segments = path.split('/').slice(1);
	if (segments.some((segment) => segment === '..' || segment === '.')) return null;
	return segments.join('/');
}

async function resolve(path) {
	const candidates = [path, join(path, 'index.html'), path.replace(/\/$/, '') + '.html'];
	for (const candidate of candidates) {
		const file = join(root, candidate);
		if (!file.startsWith(root)) continue;
		const info = await stat(file).catch(() => null);
		if (info?.isFile()) return file;
	}
	return extname(path) ? null : join(root, '200.html');
}

function answer(res, status, text) {
	res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end(text);
}

async function handle(req, res) {
	const path = safePath(req.url);
	if (path === null) return answer(res, 400, 'bad request');
	const file = await resolve(path);
	if (!file) return answer(res, 404, 'not found');
	const body = await readFile(file);
	const type = types[extname(file)] ?? 'application/octet-stream';
	const headers = { 'content-type': type, 'x-content-type-options': 'nosniff' };
	if (file.endsWith('.html')) Object.assign(headers, pageHeaders);
	if (file.endsWith('.js')) {
		headers['content-security-policy'] = file.endsWith(`${sep}service-worker.js`) ? serviceWorkerPolicy : workerPolicy;
	}
	res.writeHead(200, headers).end(body);
}

createServer((req, res) => {
	// One bad request never stops the server.
	handle(req, res).catch(() => {
		if (!res.headersSent) answer(res, 500, 'server error');
		else res.destroy();
	});
}).listen(port, '127.0.0.1', () => {
	console.log(`webcollect-workbench: http://localhost:${port}/`);
});
