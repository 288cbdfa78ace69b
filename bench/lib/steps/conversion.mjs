// Step d through the app's own worker and UI: /migration, 「d. インポート用データを作る」.
import { stat } from 'node:fs/promises';
import { openCdp } from '../cdp.mjs';
import { onlyPage } from '../browser.mjs';
import { sampleMemory } from '../memory.mjs';
import { memoryDumpTable, startMemoryDumps } from '../memory-dump.mjs';
import { afterNextFrame, longTasksIn, progressGaps, readInstruments, workerRoundTrip } from '../timeline.mjs';
import { chooseFile, lastClick, waitUnlessFailed, whenButtonEnabled, whenNewText } from '../ui.mjs';

const regionD = 'd. インポート用データを作る';
const downloadLabel = 'インポート用CSVをダウンロード';

/**
 * Opens /migration in the stage's one page, attaches CDP to it and its worker, and chooses `file`
 * in step d: the start of every step-d measurement. Returns `{ page, cdp, stepD }`.
 */
export async function openStepD(browser, origin, file) {
	const page = await onlyPage(browser.context);
	await page.goto(`${origin}/migration`);
	const cdp = await openCdp(browser.context, page);
	await cdp.worker();
	const stepD = page.getByRole('region', { name: regionD });
	await chooseFile(page, stepD, file);
	return { page, cdp, stepD };
}

/**
 * Converts `file` in a fresh /migration page: time from the 変換する click to the download button
 * enabled, memory above the idle page, long tasks and progress gaps. `profile` also records a CPU
 * profile of the worker (and of the page) while it runs; `memoryDump` also memory-infra dumps of
 * the renderer while it runs (`memoryDump`: the table of the peak dump by allocator; they perturb
 * the times they overlap, so such a run's times say little).
 */
export async function measureConversion(browser, origin, file, { profile = false, memoryDump = false } = {}) {
	const { page, cdp, stepD } = await openStepD(browser, origin, file);
	await page.waitForTimeout(500);
	await whenButtonEnabled(page, 'converted', downloadLabel);
	await stepD.evaluate((element) => element.setAttribute('data-bench', 'step-d'));
	await whenNewText(page, 'convert-failed', '[data-bench="step-d"] [role="alert"]', '.');
	const memory = await sampleMemory(browser.profileDir, cdp);
	if (profile) await Promise.all([cdp.startWorkerProfile(), cdp.startPageProfile()]);
	const dumps = memoryDump ? await startMemoryDumps(cdp.session, browser.profileDir) : null;
	await stepD.getByRole('button', { name: '変換する', exact: true }).click();
	const done = await waitUnlessFailed(page, 'converted', 'convert-failed', '[data-bench="step-d"] [role="alert"]', 180_000).catch(async (error) => {
		// A conversion that shows no result in 3 minutes (a million rows take seconds): say what the page shows.
		const shown = await stepD.innerText().catch(() => '(step d unreadable)');
		const bench = await page.evaluate(() => ({ messages: window.__bench.messages.slice(-8), clicks: window.__bench.clicks?.slice?.(-4) })).catch(() => null);
		throw new Error(`step d showed no result within 3 minutes of 変換する (${error.message}); step d reads:\n${shown.slice(0, 2000)}\nlast worker messages: ${JSON.stringify(bench)}`);
	});
	// Long tasks are counted until the result has been laid out and painted, not only until it is in the DOM.
	const painted = await afterNextFrame(page);
	const profiles = profile ? { worker: await cdp.stopWorkerProfile(), page: await cdp.stopPageProfile() } : null;
	const dumped = dumps ? memoryDumpTable(await dumps.stop()) : null;
	const mem = await memory.stop();
	const start = await lastClick(page, '変換する');
	const records = await readInstruments(page);
	const summary = await stepD.locator('p', { hasText: /行を読み込み/ }).first().textContent();
	const meta = (await stepD.locator('p', { hasText: /処理時間/ }).first().textContent().catch(() => '')) ?? '';
	const seconds = /処理時間：([\d.]+)秒/.exec(meta)?.[1];
	await cdp.detach();
	return {
		file,
		size: (await stat(file)).size,
		ms: done - start,
		summary: summary?.trim() ?? '',
		/** The worker's own elapsed time as the screen shows it (処理時間), when it does. */
		workerElapsedMs: seconds ? Number(seconds) * 1000 : null,
		memory: mem,
		longTasks: longTasksIn(records, start, painted),
		progress: progressGaps(records, start, done),
		worker: workerRoundTrip(records, 'convert', start),
		profiles,
		memoryDump: dumped
	};
}
