// 一括登録 and 顧客一覧(検索) on /customers, through the app's own worker and UI.
import { stat } from 'node:fs/promises';
import { openCdp } from '../cdp.mjs';
import { onlyPage } from '../browser.mjs';
import { sampleMemory } from '../memory.mjs';
import { memoryDumpTable, startMemoryDumps } from '../memory-dump.mjs';
import { longTasksIn, progressGaps, readInstruments, workerRoundTrip } from '../timeline.mjs';
import { chooseFile, lastClick, waitForCondition, waitUnlessFailed, whenChanged, whenNewText } from '../ui.mjs';

const resultPattern = '^[\\d,]+行を読み込み、[\\d,]+件を登録しました。';
const countPattern = '^[\\d,]+件（登録 [\\d,]+件）$';
// A search's first page while the registry still loads: its count, or the matches found so far.
const firstPagePattern = '^([\\d,]+件（登録 [\\d,]+件）$|これまでに[\\d,]+件が一致)';

/** Marks a region so in-page conditions can name it (`[data-bench="…"]`). */
async function tag(region, name) {
	await region.evaluate((element, value) => element.setAttribute('data-bench', value), name);
	return `[data-bench="${name}"]`;
}

/**
 * Opens /customers in a fresh page and waits until the registry is read and listed: `loadMs` is the
 * time from the page's start to the first list from the worker (which reads the stored registry).
 * `profile` records the worker from its first line to that list.
 */
export async function openCustomers(browser, origin, { profile = false } = {}) {
	const page = await onlyPage(browser.context);
	const cdp = await openCdp(browser.context, page, { profileWorkerFromStart: profile });
	await page.goto(`${origin}/customers`);
	// The worker answers every command with an 'answer' event carrying its request id.
	await page.waitForFunction(
		() => {
			const messages = window.__bench.messages;
			const asked = messages.find((m) => m.dir === 'out' && m.type === 'search');
			return Boolean(asked && messages.some((m) => m.dir === 'in' && m.type === 'answer' && m.id === asked.id));
		},
		null,
		{ timeout: 10 * 60_000, polling: 100 }
	);
	const records = await readInstruments(page);
	const asked = records.messages.find((m) => m.dir === 'out' && m.type === 'search');
	const firstSearch = records.messages.find((m) => m.dir === 'in' && m.type === 'answer' && m.id === asked.id);
	const loadProfile = profile ? await cdp.stopWorkerProfile() : null;
	return { page, cdp, loadMs: firstSearch?.t ?? null, loadProfile };
}

/**
 * One 一括登録 of `kind` ('顧客情報' | 'クレジットカード情報') with `file`, on an open /customers page:
 * time from the データアップロード click to the result text, memory, long tasks, progress.
 * `memoryDump`: also memory-infra dumps of the renderer while it runs (`memoryDump`: the table of
 * the peak dump by allocator; the dumps slow the upload down, so its time is not comparable).
 */
export async function measureUpload(browser, { page, cdp }, kind, file, { profile = false, memoryDump = false, settleList = false } = {}) {
	const bulk = page.getByRole('region', { name: '一括登録' });
	await bulk.getByRole('radio', { name: new RegExp(kind) }).check();
	await chooseFile(page, bulk, file);
	await page.waitForTimeout(500);
	const scope = await tag(bulk, 'bulk');
	await whenNewText(page, 'uploaded', `${scope} p`, resultPattern);
	await whenNewText(page, 'upload-failed', `${scope} [role="alert"]`, '.');
	const listedBefore = await registryListed(page);
	const waitedForList = settleList ? await waitForRegistryListed(page) : null;
	const memory = await sampleMemory(browser.profileDir, cdp);
	const listedAtIdle = await registryListed(page);
	const dumps = memoryDump ? await startMemoryDumps(cdp.session, browser.profileDir) : null;
	if (profile) await Promise.all([cdp.startWorkerProfile(), cdp.startPageProfile()]);
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	const done = await waitUnlessFailed(page, 'uploaded', 'upload-failed', `${scope} [role="alert"]`);
	const profiles = profile ? { worker: await cdp.stopWorkerProfile(), page: await cdp.stopPageProfile() } : null;
	const dumped = dumps ? memoryDumpTable(await dumps.stop()) : null;
	const mem = await memory.stop();
	const start = await lastClick(page, 'データアップロード');
	const records = await readInstruments(page);
	const result = await bulk.locator('p', { hasText: new RegExp(resultPattern) }).first().textContent();
	return {
		kind,
		file,
		size: (await stat(file)).size,
		ms: done - start,
		result: result?.trim() ?? '',
		memory: mem,
		longTasks: longTasksIn(records, start, done),
		progress: progressGaps(records, start, done),
		worker: workerRoundTrip(records, 'upload', start),
		profiles,
		memoryDump: dumped,
		listedAtIdle: { before: listedBefore, atIdle: listedAtIdle, waitedMs: waitedForList }
	};
}

/**
 * Whether 顧客一覧(検索) shows the loaded registry's answer: a final count and no row whose cards are
 * still being read (a page answered while the worker still loads the registry has one or the other).
 * Before it, the worker is still reading the registry from storage: memory sampled then as "idle"
 * leaves the registry's load inside the upload's peak.
 */
async function registryListed(page) {
	const list = page.getByRole('region', { name: '顧客一覧(検索)' });
	// No status at all with an empty registry (nothing to load).
	const statuses = await list.getByRole('status').allTextContents();
	const pending = await list.getByText('読み込み中…').count();
	return statuses.some((status) => new RegExp(countPattern).test(status.trim())) && pending === 0;
}

/** Waits (≤ 60 s) until `registryListed`; resolves with the ms waited. */
async function waitForRegistryListed(page) {
	const start = Date.now();
	while (!(await registryListed(page))) {
		if (Date.now() - start > 60_000) throw new Error('the registry was not listed within 60 s');
		await page.waitForTimeout(100);
	}
	return Date.now() - start;
}

/**
 * One search: picks the field, types the query, clicks 検索 and times until the list shows the new
 * result (the count text and rows changed since the click, after the worker answered the search the
 * click posted): `ms`; `firstPageMs` until its first page showed (while the
 * registry loads, a page may come before the count). Consecutive queries must give different lists.
 */
export async function measureSearch({ page, cdp }, field, query, { profile = false } = {}) {
	const list = page.getByRole('region', { name: '顧客一覧(検索)' });
	await list.getByLabel('検索する項目').selectOption({ label: field });
	await list.getByLabel('検索語').fill(query);
	const scope = await tag(list, 'search');
	// Armed by the click itself and held only after the worker answered the search it posted: a list
	// changed before the click (the previous search's cards arriving) once stamped a negative time.
	const after = { click: '検索', answerTo: 'search' };
	await whenChanged(page, 'searched', scope, '[role="status"]', countPattern, after);
	await whenChanged(page, 'first-page', scope, '[role="status"]', firstPagePattern, after);
	if (profile) await cdp.startWorkerProfile(100);
	await list.getByRole('button', { name: '検索', exact: true }).click();
	const done = await waitForCondition(page, 'searched', 60_000);
	const firstPage = await waitForCondition(page, 'first-page', 60_000);
	const workerProfile = profile ? await cdp.stopWorkerProfile() : null;
	const start = await lastClick(page, '検索');
	if (done < start || firstPage < start) throw new Error(`a search result was stamped before its click (${done - start} ms)`);
	const records = await readInstruments(page);
	const count = await list.getByRole('status').textContent();
	return {
		field,
		query,
		ms: done - start,
		firstPageMs: firstPage - start,
		workerMs: workerRoundTrip(records, 'search', start)?.ms ?? null,
		count: count?.trim() ?? '',
		longTasks: longTasksIn(records, start, done),
		profile: workerProfile
	};
}
