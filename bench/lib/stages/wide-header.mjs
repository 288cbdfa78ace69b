// Issue 12: a return file whose header has 100,000 columns (and one of exactly the 1,000-column
// limit) chosen and converted in step d: the longest main-thread task from choosing the file to the
// result shown. The 100,000-column file is refused with one problem; the 1,000-column one is read,
// and its column-mapping editor offers each of the five fields all 1,000 columns.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onlyPage } from '../browser.mjs';
import { filesDir } from '../generate.mjs';
import { afterNextFrame, longTasksIn, readInstruments } from '../timeline.mjs';
import { startTrace } from '../trace.mjs';
import { chooseFile, waitForCondition, whenNewText } from '../ui.mjs';

const known = ['サブスクストアの顧客ID', 'カード番号下3桁', 'カードブランド', '有効期限', 'クロネコwebコレクトカード認証キー'];

async function wideFile(columns) {
	const header = [...known, ...Array.from({ length: columns - known.length }, (_, i) => `c${i}`)];
	const rows = Array.from({ length: 20 }, (_, i) => [`US-${String(10000 + i).padStart(8, '0')}`, '111', 'VISA', '2912', `Tok${i}abcdefghij0123456789`, ...Array(columns - known.length).fill('')]);
	const path = join(filesDir, `yamato-return-${columns}-columns.utf8.csv`);
	await writeFile(path, [header, ...rows].map((cells) => cells.join(',')).join('\r\n') + '\r\n');
	return path;
}

/**
 * One wide file chosen and converted in a fresh /migration page. `trace`: a DevTools trace of the
 * page from choosing the file to the result (`events`), to see what its long tasks held.
 */
export async function measureWide(browser, origin, columns, { trace = false } = {}) {
	const path = await wideFile(columns);
	const page = await onlyPage(browser.context);
	await page.goto(`${origin}/migration`);
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await stepD.evaluate((element) => element.setAttribute('data-bench', 'step-d'));
	await whenNewText(page, 'wide-done', '[data-bench="step-d"] p, [data-bench="step-d"] [role="alert"]', '行を読み込み|列が多すぎます');
	const session = trace ? await browser.context.newCDPSession(page) : null;
	const tracing = session ? await startTrace(session) : null;
	const start = await page.evaluate(() => performance.now());
	await chooseFile(page, stepD, path);
	await stepD.getByRole('button', { name: '変換する', exact: true }).click();
	const done = await waitForCondition(page, 'wide-done', 5 * 60_000);
	// Long tasks are counted until the result has been laid out and painted, not only until it is in the DOM.
	const painted = await afterNextFrame(page);
	const events = tracing ? await tracing.stop() : null;
	await session?.detach();
	const records = await readInstruments(page);
	const shown = await stepD.locator('p, [role="alert"]').filter({ hasText: /行を読み込み|列が多すぎます/ }).first().textContent();
	const options = await stepD.locator('select option').count();
	return { columns, ms: done - start, longTasks: longTasksIn(records, start, painted), shown: shown?.trim() ?? '', options, ...(events && { events }) };
}

/** Both wide files, each in a fresh page. */
export async function wideHeaderStage(browser, origin, log) {
	const runs = [];
	for (const columns of [100_000, 1_000]) {
		const run = await measureWide(browser, origin, columns);
		const at = run.longTasks.longestAt === null ? '' : ` (began ${Math.round(run.longTasks.longestAt)} ms after choosing the file)`;
		log(`  ${columns.toLocaleString()} columns: longest task ${Math.round(run.longTasks.longest ?? 0)} ms${at}; ${run.options} options; ${run.shown.slice(0, 80)}`);
		runs.push(run);
	}
	return runs;
}
