// The yardstick of issue 7: a plain Papa.parse of the same file's text, in the same browser.
// It runs in an about:blank page of the same context: that page has no CSP, so papaparse can be
// injected as it is (the app's pages would refuse an injected script; bypassCSP is not needed).
import { createRequire } from 'node:module';
import { stat } from 'node:fs/promises';
import { onlyPage } from '../browser.mjs';

const require = createRequire(import.meta.url);
const papaPath = require.resolve('papaparse/papaparse.min.js');

/**
 * Reads `file` in the page, decodes it (`encoding` as TextDecoder names it) and parses the text
 * with Papa.parse and default options; each phase timed apart. `runs` parses, the median kept (as
 * for the conversions).
 */
export async function measurePapa(browser, file, encoding, runs = 1) {
	const page = await onlyPage(browser.context);
	await page.goto('about:blank');
	await page.setContent('<input type="file" id="file">');
	await page.addScriptTag({ path: papaPath });
	await page.setInputFiles('#file', file);
	const result = await page.evaluate(
		async ([label, times]) => {
			const chosen = document.getElementById('file').files[0];
			let t = performance.now();
			const buffer = await chosen.arrayBuffer();
			const readMs = performance.now() - t;
			t = performance.now();
			let text = new TextDecoder(label).decode(buffer);
			const decodeMs = performance.now() - t;
			const parses = [];
			let rows = 0;
			for (let i = 0; i < times; i++) {
				t = performance.now();
				const parsed = Papa.parse(text);
				parses.push(performance.now() - t);
				rows = parsed.data.length;
			}
			text = null;
			const sorted = [...parses].sort((a, b) => a - b);
			const mid = Math.floor(sorted.length / 2);
			const parseMs = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
			return { readMs, decodeMs, parseMs, parses, rows };
		},
		[encoding, runs]
	);
	await page.close();
	return { file, size: (await stat(file)).size, encoding, ...result };
}
