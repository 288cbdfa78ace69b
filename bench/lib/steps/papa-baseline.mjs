// The yardstick of issue 7: a plain Papa.parse of the same file's text, in the same browser.
// It runs in an about:blank page of the same context: that page has no CSP, so papaparse can be
// injected as it is (the app's pages would refuse an injected script; bypassCSP is not needed).
import { createRequire } from 'node:module';
import { stat } from 'node:fs/promises';
import { onlyPage } from '../browser.mjs';

const require = createRequire(import.meta.url);
const papaPath = require.resolve('papaparse/papaparse.min.js');

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One read, decode and parse in a fresh page (a fresh heap, as each conversion gets). */
async function parseOnce(browser, file, encoding) {
	const page = await onlyPage(browser.context);
	await page.goto('about:blank');
	await page.setContent('<input type="file" id="file">');
	await page.addScriptTag({ path: papaPath });
	await page.setInputFiles('#file', file);
	const result = await page.evaluate(async (label) => {
		const chosen = document.getElementById('file').files[0];
		let t = performance.now();
		const buffer = await chosen.arrayBuffer();
		const readMs = performance.now() - t;
		t = performance.now();
		const text = new TextDecoder(label).decode(buffer);
		const decodeMs = performance.now() - t;
		t = performance.now();
		const rows = Papa.parse(text).data.length;
		return { readMs, decodeMs, parseMs: performance.now() - t, rows };
	}, encoding);
	await page.close();
	return result;
}

/**
 * Reads `file`, decodes it (`encoding` as TextDecoder names it) and parses the text with Papa.parse
 * and default options, each phase timed apart; `runs` times, each in a fresh page, medians kept.
 */
export async function measurePapa(browser, file, encoding, runs = 1) {
	const all = [];
	for (let i = 0; i < runs; i++) all.push(await parseOnce(browser, file, encoding));
	return {
		file,
		size: (await stat(file)).size,
		encoding,
		readMs: median(all.map((r) => r.readMs)),
		decodeMs: median(all.map((r) => r.decodeMs)),
		parseMs: median(all.map((r) => r.parseMs)),
		parses: all.map((r) => r.parseMs),
		rows: all[0].rows
	};
}
