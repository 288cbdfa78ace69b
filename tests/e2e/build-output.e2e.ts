import { test, expect } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

// XML namespace names are identifiers the DOM needs verbatim; nothing ever fetches them. A scheme
// without a host (zod checks IPv6 text with `http://[${text}]`) names no server and is not matched.
const inert = new Set(['http://www.w3.org/1999/xhtml', 'http://www.w3.org/2000/svg']);

async function* files(dir: string): AsyncGenerator<string> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* files(path);
		else yield path;
	}
}

test('the build names no external URL and every page carries a strict CSP', async () => {
	const found: string[] = [];
	let pages = 0;
	for await (const file of files('build')) {
		if (!/\.(html|js|css|svg|json|webmanifest)$/.test(file)) continue;
		const text = await readFile(file, 'utf8');
		for (const url of text.match(/https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s"'`)<>]*/gi) ?? []) {
			if (!inert.has(url)) found.push(`${file}: ${url}`);
		}
		if (file.endsWith('.html')) {
			pages++;
			const csp = /http-equiv="content-security-policy" content="([^"]+)"/.exec(text)?.[1] ?? '';
			expect(csp, file).toContain("default-src 'none'");
			expect(csp, file).toContain("connect-src 'none'");
			expect(csp, file).not.toContain('unsafe-eval');
		}
	}
	expect(pages).toBeGreaterThanOrEqual(5);
	expect(found).toEqual([]);
});
