// A return file larger than one JS string can hold (V8: 2^29 − 24 characters): through the app it
// must still convert (it never makes one string of the file); a plain decode cannot even start.
import { createRequire } from 'node:module';
import { stat } from 'node:fs/promises';
import { onlyPage } from '../browser.mjs';
import { measureConversion } from './conversion.mjs';
import { ms } from '../report.mjs';

const require = createRequire(import.meta.url);
const papaPath = require.resolve('papaparse/papaparse.min.js');

async function plainParse(browser, file) {
	const page = await onlyPage(browser.context);
	await page.goto('about:blank');
	await page.setContent('<input type="file" id="file">');
	await page.addScriptTag({ path: papaPath });
	await page.setInputFiles('#file', file);
	try {
		return await page.evaluate(async () => {
			const buffer = await document.getElementById('file').files[0].arrayBuffer();
			let text;
			try {
				text = new TextDecoder('utf-8').decode(buffer);
			} catch (error) {
				return `TextDecoder.decode threw ${error.name}: ${error.message}`;
			}
			const bytes = buffer.byteLength.toLocaleString();
			if (text.length === 0) return `TextDecoder.decode of ${bytes} bytes returned an empty string, without an error (over V8's 2^29 − 24 characters), so Papa.parse has nothing to read`;
			const t = performance.now();
			const rows = Papa.parse(text).data.length;
			return `decoded ${bytes} bytes to ${text.length.toLocaleString()} characters and parsed ${rows.toLocaleString()} rows in ${Math.round(performance.now() - t)} ms`;
		});
	} catch (error) {
		return `the page failed: ${String(error.message).split('\n')[0]}`;
	} finally {
		await page.close().catch(() => null);
	}
}

/** Converts `file` through the UI (one run) and tries the plain road on it. */
export async function measureHuge(browser, origin, file) {
	const size = (await stat(file)).size;
	let outcome;
	let growthBytes = null;
	try {
		const run = await measureConversion(browser, origin, file);
		const growth = run.memory.peak.renderers - run.memory.idle.renderers;
		growthBytes = growth;
		outcome = `${run.summary} in ${ms(run.ms)}; renderer memory +${(growth / 1e6).toFixed(0)} MB (${(growth / size).toFixed(2)} × file)`;
	} catch (error) {
		outcome = `failed: ${String(error.message).split('\n')[0]}`;
	}
	const papaOutcome = await plainParse(browser, file);
	return { size, outcome, papaOutcome, growthBytes };
}
