import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run serve` (scripts/serve.js) on a temporary build folder: bad URLs get 400 or 404 and the
// server keeps serving; pages forbid framing (SPEC privacy; issue 12).

let server: ChildProcess;
let port = 0;
let root = '';

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

// Raw request: the path goes on the wire exactly as written (fetch would normalise it).
function get(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
		});
		req.on('error', reject);
		req.end();
	});
}

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'serve-'));
	mkdirSync(join(root, 'customers'));
	writeFileSync(join(root, 'index.html'), '<p>home</p>');
	writeFileSync(join(root, '200.html'), '<p>fallback</p>');
	writeFileSync(join(root, 'customers.html'), '<p>customers</p>');
	writeFileSync(join(root, 'app.js'), 'export {}');
	writeFileSync(join(root, 'service-worker.js'), 'export {}');
	port = await freePort();
	server = spawn(process.execPath, ['scripts/serve.js'], { env: { ...process.env, PORT: String(port), SERVE_ROOT: root } });
	await new Promise<void>((resolve, reject) => {
		server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('http://') && resolve());
		server.on('exit', (code) => reject(new Error(`serve.js exited with ${code}`)));
	});
});

afterAll(() => {
	server.kill();
	rmSync(root, { recursive: true, force: true });
});

describe('scripts/serve.js', () => {
	it.each([
		['/%E0', 400],
		['/%', 400],
		['/%%', 400],
		['/%zz', 400],
		['/%00', 400],
		['/a%00.html', 400],
		['/..%2f..%2fetc/passwd', 400],
		['/../../etc/passwd', 400],
		['/%2e%2e/%2e%2e/etc/passwd', 400],
		['/customers/..%5c..%5cetc', 400],
		['//', 400],
		['//example.com/x', 400],
		['/x'.repeat(3000), 400],
		['/missing.js', 404],
		['/customers/missing.png', 404]
	])('answers %s with %i and keeps serving', async (path, status) => {
		expect((await get(path)).status).toBe(status);
		expect(server.exitCode).toBeNull();
		const home = await get('/');
		expect(home.status).toBe(200);
		expect(home.body).toContain('home');
	});

	it('sends anti-framing headers with pages, nosniff with everything', async () => {
		for (const path of ['/', '/customers', '/unknown-route', '/index.html']) {
			const { status, headers } = await get(path);
			expect(status).toBe(200);
			expect(headers['content-security-policy']).toBe("frame-ancestors 'none'");
			expect(headers['x-frame-options']).toBe('DENY');
			expect(headers['x-content-type-options']).toBe('nosniff');
		}
		const script = await get('/app.js');
		expect(script.headers['content-security-policy']).toContain("connect-src 'none'");
		expect(script.headers['x-content-type-options']).toBe('nosniff');
		expect((await get('/service-worker.js')).headers['content-security-policy']).toContain("connect-src 'self'");
		expect((await get('/%E0')).headers['x-content-type-options']).toBe('nosniff');
	});

	it('serves the SPA fallback for unknown routes and pages by name', async () => {
		expect((await get('/unknown-route')).body).toContain('fallback');
		expect((await get('/customers')).body).toContain('customers');
		expect((await get('/customers?x=%E0')).body).toContain('customers');
	});
});
