// Issue 12: memory across repeated conversions of one file in one page (an operator converting the
// same file again and again). After each run, garbage is collected on the page and the worker and
// the renderers' resident size (page + worker + their buffers) and both JS heaps are read; the
// figure is run 30 over run 1 (target ≤ 1.3).
import { stat } from 'node:fs/promises';
import { generatedFile } from '../generate.mjs';
import { settledReading } from '../memory.mjs';
import { openStepD } from '../steps/conversion.mjs';

/** Resolves once the worker answered a 'convert' command posted after `from` (page clock). */
function convertAnswered(page, from) {
	return page.waitForFunction(
		(since) => {
			const sent = window.__bench.messages.find((m) => m.dir === 'out' && m.type === 'convert' && m.t >= since);
			return sent && window.__bench.messages.some((m) => m.id === sent.id && m.dir === 'in' && m.type !== 'progress');
		},
		from,
		{ timeout: 10 * 60_000, polling: 100 }
	);
}

/** Converts the same file `runs` times in one /migration page; a reading after each run. */
export async function repeatedConversionsStage(browser, origin, rows, runs, log) {
	const file = await generatedFile('yamato-return', rows, 'utf-8');
	const { page, cdp, stepD } = await openStepD(browser, origin, file);
	const before = await settledReading(browser.profileDir, cdp);
	const readings = [];
	for (let run = 1; run <= runs; run++) {
		const from = await page.evaluate(() => performance.now());
		await stepD.getByRole('button', { name: '変換する', exact: true }).click();
		await convertAnswered(page, from);
		await stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' }).waitFor({ timeout: 60_000 });
		const reading = await settledReading(browser.profileDir, cdp);
		readings.push(reading);
		if (run === 1 || run % 5 === 0) log(`  run ${run}: renderers ${(reading.renderers / 1e6).toFixed(1)} MB, heaps page ${(reading.pageHeap / 1e6).toFixed(1)} MB / worker ${(reading.workerHeap / 1e6).toFixed(1)} MB`);
	}
	await cdp.detach();
	return { rows, size: (await stat(file)).size, runs, before, readings };
}
