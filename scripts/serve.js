// Serves the static build on localhost: unknown extension-less paths get the SPA fallback.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const root = new URL('../build/', import.meta.url).pathname;
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

async function resolve(pathname) {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const candidates = [clean, join(clean, 'index.html'), clean.replace(/\/$/, '') + '.html'];
	for (const candidate of candidates) {
		const file = join(root, candidate);
		if (!file.startsWith(root)) continue;
		const info = await stat(file).catch(() => null);
		if (info?.isFile()) return file;
	}
	return extname(clean) ? null : join(root, '200.html');
}

createServer(async (req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	const file = await resolve(url.pathname);
	if (!file) {
		res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
		return;
	}
	const body = await readFile(file);
	const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
	if (file.endsWith('.js')) {
		headers['content-security-policy'] = file.endsWith('/service-worker.js') ? serviceWorkerPolicy : workerPolicy;
	}
	res.writeHead(200, headers).end(body);
}).listen(port, '127.0.0.1', () => {
	console.log(`webcollect-workbench: http://localhost:${port}/`);
});
