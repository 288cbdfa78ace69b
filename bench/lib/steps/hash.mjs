// Issue 14: step d hashes the file as it streams with the app's own SHA-256 compression
// (src/lib/domain/hash/sha256-blocks.ts) instead of @noble/hashes, and may only while ours is the
// faster. Both run here on the same file's bytes in the same page, fed the same ~1 MiB slices,
// alternated, several times: the ratio of their medians is the figure.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { onlyPage } from '../browser.mjs';
import { loadAverage } from '../machine.mjs';

const require = createRequire(import.meta.url);
const noblePath = require.resolve('@noble/hashes/sha2.js');
const streamPath = new URL('../../../src/lib/domain/hash/sha256-stream.ts', import.meta.url).pathname;
const entryId = '\0hash-bench-entry';

/**
 * The app's stream hash and noble's sha256 in one script for the page, built and minified by the
 * app's own bundler (vite), as the shipped app has its hash. Sets `window.__hashBench`.
 */
async function hashScript() {
	const entry = {
		name: 'hash-bench-entry',
		resolveId: (id) => (id === entryId ? id : null),
		load: (id) =>
			id === entryId
				? `import { sha256 } from ${JSON.stringify(noblePath)};
import { createSha256Stream } from ${JSON.stringify(streamPath)};
window.__hashBench = { noble: () => sha256.create(), ours: createSha256Stream };`
				: null
	};
	// A tsconfig of its own: the repository's extends .svelte-kit's, which only a SvelteKit sync makes.
	const dir = await mkdtemp(join(tmpdir(), 'webcollect-bench-hash-'));
	const tsconfig = join(dir, 'tsconfig.json');
	await writeFile(tsconfig, JSON.stringify({ compilerOptions: { target: 'es2022', module: 'esnext', strict: true } }));
	let output;
	try {
		output = await build({
			configFile: false,
			logLevel: 'warn',
			root: dir,
			tsconfig,
			plugins: [entry],
			build: { write: false, minify: true, rollupOptions: { input: entryId, output: { format: 'iife' } } }
		});
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
	const outputs = Array.isArray(output) ? output : [output];
	return outputs.flatMap((o) => o.output).find((chunk) => chunk.type === 'chunk').code;
}

/**
 * Hashes `file` `reps` times with each of the two hashes, alternated (ours first in even runs,
 * noble first in odd ones), in an about:blank page: the file read once into memory, then each hash
 * fed slices of `sliceBytes`, timed on the page's clock. Every digest is checked against node:crypto's
 * of the file (the page is about:blank, not a secure context: no Web Crypto there).
 * Returns the times in ms per hash, the digests' agreement and the 1-min load average before and after.
 */
export async function measureHash(browser, file, reps = 5, sliceBytes = 1 << 20) {
	const script = await hashScript();
	const page = await onlyPage(browser.context);
	await page.goto('about:blank');
	await page.setContent('<input type="file" id="file">');
	await page.addScriptTag({ content: script });
	await page.setInputFiles('#file', file);
	const loadBefore = loadAverage();
	const result = await page.evaluate(
		async ({ reps, sliceBytes }) => {
			const bytes = new Uint8Array(await document.getElementById('file').files[0].arrayBuffer());
			const hex = (digest) => Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
			const runs = {
				ours: () => {
					const hash = window.__hashBench.ours();
					for (let at = 0; at < bytes.length; at += sliceBytes) hash.update(bytes.subarray(at, at + sliceBytes));
					return hash.hex();
				},
				noble: () => {
					const hash = window.__hashBench.noble();
					for (let at = 0; at < bytes.length; at += sliceBytes) hash.update(bytes.subarray(at, at + sliceBytes));
					return hex(hash.digest());
				}
			};
			const times = { ours: [], noble: [] };
			const digests = { ours: new Set(), noble: new Set() };
			for (let rep = 0; rep < reps; rep++) {
				for (const name of rep % 2 === 0 ? ['ours', 'noble'] : ['noble', 'ours']) {
					const t = performance.now();
					digests[name].add(runs[name]());
					times[name].push(performance.now() - t);
				}
			}
			return { times, digests: [...digests.ours, ...digests.noble] };
		},
		{ reps, sliceBytes }
	);
	const loadAfter = loadAverage();
	await page.close();
	const expected = createHash('sha256').update(await readFile(file)).digest('hex');
	const agree = result.digests.every((digest) => digest === expected);
	const load = { before: loadBefore, after: loadAfter };
	return { file, size: (await stat(file)).size, sliceBytes, reps, times: result.times, agree, expected, load };
}
