// The figures of one run as a table (console and Markdown), each beside its target of issue 14
// (the second round of issue 7's scale targets).

// JS sizes in KB of 1024 bytes (the stricter reading of "120 KB"); files and memory in MB of 10^6
// bytes, as issue 7 quotes file sizes (58.6 MB for a million rows).
const KB = 1024;
const MB = 1e6;

export const ms = (value) =>
	value === null || value === undefined ? 'n/a' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
const mb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;
const median = (values) => {
	const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
	if (sorted.length === 0) return null;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const max = (values) => Math.max(...values.filter((v) => v !== null && v !== undefined));
const verdict = (isMet) => (isMet === null ? '—' : isMet ? 'met' : 'NOT MET');

/** Rows of figures: { group, short, figure, value, target, met }; `group` is { name, short }. */
function row(rows, group, figure, value, target = '—', isMet = null) {
	rows.push({ group: group.name, short: group.short, figure, value, target, met: verdict(isMet) });
}
const groupOf = (name, short) => ({ name, short });
const count = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1000}k`);

/** The worst (largest) memory growth over runs: renderer RSS above the idle page, and JS heaps. */
function memoryGrowth(runs) {
	let worst = null;
	for (const run of runs) {
		const { idle, peak } = run.memory;
		const heaps = (reading) => (reading.pageHeap ?? 0) + (reading.workerHeap ?? 0);
		const growth = {
			renderers: peak.renderers - idle.renderers,
			browser: peak.browser - idle.browser,
			heaps: heaps(peak) - heaps(idle),
			settledHeaps: run.memory.settled ? heaps(run.memory.settled) - heaps(idle) : null
		};
		if (!worst || growth.renderers > worst.renderers) worst = growth;
	}
	return worst;
}

function responsiveness(rows, group, runs, isTargeted) {
	const worst = runs.reduce((found, run) => (!found || run.longTasks.longest > found.longest ? run.longTasks : found), null);
	const longest = worst.longest;
	const tasks = runs.reduce((sum, run) => sum + (run.longTasks.count ?? 0), 0);
	const at = worst.longestAt === null ? '' : `, began ${ms(Math.max(0, worst.longestAt))} after the click`;
	row(rows, group, 'longest main-thread task (PerformanceObserver longtask)', longest > 0 ? `${ms(longest)} (${tasks} over 50 ms in ${runs.length} run${runs.length > 1 ? 's' : ''}${at})` : 'none over 50 ms', '≤ 100 ms', isTargeted ? longest <= 100 : null);
	progressRow(rows, group, runs, isTargeted);
}

/**
 * The longest wait between visible progress updates over `runs`, where it began, and the 1-min load
 * average when that run started (`run.load`, when measured): a gap on a busy machine says less.
 */
function progressRow(rows, group, runs, isTargeted) {
	const worst = runs.reduce((found, run) => (!found || run.progress.maxGap > found.progress.maxGap ? run : found), null);
	const gap = worst.progress;
	const where = gap.maxGapAt < 1 ? 'from the click' : `from ${ms(gap.maxGapAt)} after the click`;
	const load = worst.load === undefined ? '' : `; load average ${worst.load}`;
	row(rows, group, 'longest wait between visible progress updates', `${ms(gap.maxGap)} (${where}; ${gap.updates} updates${load})`, '≤ 250 ms', isTargeted ? gap.maxGap <= 250 : null);
	if (gap.longest?.length) {
		const waits = gap.longest.map((wait) => `${ms(wait.ms)} at ${ms(wait.at)} (${wait.from} → ${wait.to})`).join(', ');
		row(rows, group, '… the longest waits (when each began after the click; the bar at its two ends)', waits);
	}
}

/** CPU time the step used, by thread kind (median over runs): what it cost whatever the machine's load. */
function cpuRow(rows, group, runs) {
	const part = (key) => median(runs.map((run) => run.memory.cpu?.[key] ?? null));
	if (part('worker') === null) return;
	row(rows, group, 'CPU time used: worker thread / page main thread / other renderer threads (GC…) / browser side (IndexedDB, blobs)', `${ms(part('worker'))} / ${ms(part('page'))} / ${ms(part('rendererOther'))} / ${ms(part('browserSide'))}`);
}

function memoryRow(rows, group, runs, size, isTargeted, limit) {
	const growth = memoryGrowth(runs);
	const ratio = growth.renderers / size;
	const settled = growth.settledHeaps === null ? '' : `; JS heaps +${mb(growth.settledHeaps)} once done and collected`;
	row(
		rows,
		group,
		'peak page memory above the idle page (renderer RSS: page + worker)',
		`${mb(growth.renderers)} = ${ratio.toFixed(2)} × file (JS heaps +${mb(growth.heaps)} at peak${settled}; browser process +${mb(growth.browser)})`,
		`≤ ${limit} × file`,
		isTargeted ? ratio <= limit : null
	);
}

function conversionRows(rows, conversion) {
	const group = groupOf(`Conversion, step d: ${conversion.label} (${mb(conversion.size)})`, `Conversion ${conversion.label}`);
	const isTargeted = conversion.rows >= 1e6;
	const times = conversion.runs.map((run) => run.ms);
	const time = median(times);
	const runsNote = times.length > 1 ? ` (median of ${times.length}: ${times.map(ms).join(', ')})` : '';
	row(rows, group, 'time from 変換する to 「インポート用CSVをダウンロード」 enabled', `${ms(time)}${runsNote}`);
	const worker = median(conversion.runs.map((run) => run.workerElapsedMs));
	if (worker !== null) row(rows, group, '… of which the worker reports (summary 処理時間)', ms(worker));
	const papa = { ...conversion.papa };
	if (papa.parses?.length) papa.parseMs = median(papa.parses);
	const parses = papa.parses?.length > 1 ? `median of ${papa.parses.length}: ${papa.parses.map(ms).join(', ')}; ` : '';
	row(rows, group, 'plain Papa.parse of the same text, same browser', `${ms(papa.parseMs)} (${parses}read ${ms(papa.readMs)} and decode ${ms(papa.decodeMs)} not included)`);
	const ratio = time / papa.parseMs;
	row(rows, group, 'ratio conversion / Papa.parse', `${ratio.toFixed(2)} (${ms(time)} / ${ms(papa.parseMs)})`, isTargeted ? '≤ 0.5' : '— (target is for 1M rows)', isTargeted ? ratio <= 0.5 : null);
	cpuRow(rows, group, conversion.runs);
	memoryRow(rows, group, conversion.runs, conversion.size, isTargeted, 1);
	responsiveness(rows, group, conversion.runs, isTargeted);
	row(rows, group, 'result shown', conversion.runs[0].summary);
}

/** Issue 14: the app's stream SHA-256 against @noble/hashes on the same bytes, same page, alternated. */
function hashRows(rows, hash) {
	const group = groupOf(`SHA-256 of the file (step d's stream hash): ${hash.label} (${mb(hash.size)})`, `SHA-256 ${hash.label}`);
	const ours = median(hash.times.ours);
	const noble = median(hash.times.noble);
	const ratio = ours / noble;
	const slices = `${(hash.sliceBytes / 2 ** 20).toFixed(0)} MiB slices`;
	row(
		rows,
		group,
		`SHA-256 of the file, in the page, ${slices}, median of ${hash.reps} each, alternated: ours / @noble/hashes 2.4.0`,
		`ours ${ms(ours)}, @noble/hashes ${ms(noble)}, ratio ${ratio.toFixed(2)} (ours ${(noble / ours).toFixed(2)} × as fast; load ${hash.load.before} → ${hash.load.after})`,
		'ours < @noble/hashes (else use it)',
		hash.agree && ratio < 1
	);
	row(rows, group, '… every run', `ours ${hash.times.ours.map(ms).join(', ')}; @noble/hashes ${hash.times.noble.map(ms).join(', ')}`);
	row(rows, group, '… throughput', `ours ${(hash.size / MB / (ours / 1000)).toFixed(0)} MB/s, @noble/hashes ${(hash.size / MB / (noble / 1000)).toFixed(0)} MB/s`);
	row(rows, group, '… digests', hash.agree ? `both equal node:crypto's (${hash.expected.slice(0, 16)}…)` : "DIFFER from node:crypto's");
}

function uploadRows(rows, group, upload, isTargeted) {
	row(rows, group, 'time from データアップロード to the result', ms(upload.ms), isTargeted ? '≤ 5 s' : '—', isTargeted ? upload.ms <= 5_000 : null);
	if (upload.worker?.lastProgressToAnswer !== null && upload.worker?.lastProgressToAnswer !== undefined) {
		row(rows, group, '… of which after the last progress update (storing, indexing)', ms(upload.worker.lastProgressToAnswer));
	}
	cpuRow(rows, group, [upload]);
	memoryRow(rows, group, [upload], upload.size, isTargeted, 3);
	responsiveness(rows, group, [upload], isTargeted);
	row(rows, group, 'result shown', upload.result);
}

function searchRows(rows, registry) {
	const group = groupOf(`Search, 顧客一覧(検索) on ${registry.customers.toLocaleString()} customers`, `Search (${count(registry.customers)})`);
	const kinds = [
		['by 顧客ID, later searches', registry.searches.id, 50],
		['by 連携用ID', registry.searches.linkage, 50],
		['by 氏名, later name searches', registry.searches.name, 300]
	];
	const first = registry.searches.firstAfterOpen;
	if (first) row(rows, group, 'by 顧客ID, the first search, as soon as the opened screen lists the customers', `${ms(first.ms)} (worker ${ms(first.workerMs)})`, '≤ 50 ms', first.ms <= 50);
	const cold = registry.searches.nameCold;
	row(rows, group, 'by 氏名, the first name search after opening the screen', `${ms(cold.ms)} (worker ${ms(cold.workerMs)}; ${cold.count})`, '≤ 300 ms', cold.ms <= 300);
	const firstPages = [first, ...registry.searches.id, ...registry.searches.linkage, cold, ...registry.searches.name].filter(Boolean);
	const slowest = firstPages.reduce((a, b) => (b.firstPageMs > a.firstPageMs ? b : a), firstPages[0]);
	if (slowest?.firstPageMs !== undefined) {
		row(rows, group, 'any search, click → its first page shown (while the registry loads, before its count)', `max ${ms(slowest.firstPageMs)} (${slowest.field} 「${slowest.query}」; count at ${ms(slowest.ms)})`);
	}
	for (const [label, list, limit] of kinds) {
		const times = list.map((search) => search.ms);
		const worker = median(list.map((search) => search.workerMs));
		row(rows, group, `${label} (median of ${times.length}, click → count shown)`, `${ms(median(times))} (max ${ms(max(times))}; worker ${ms(worker)})`, `≤ ${limit} ms`, max(times) <= limit);
	}
}

/** Every figure of a run, in the order of issue 7 (targets of issue 14). */
export function tableRows(results) {
	const rows = [];
	for (const conversion of results.conversions ?? []) conversionRows(rows, conversion);
	for (const conversion of results.shapes ?? []) conversionRows(rows, conversion);
	if (results.hash) hashRows(rows, results.hash);
	const registry = results.registry;
	if (registry) {
		const n = registry.customers.toLocaleString();
		const c = count(registry.customers);
		uploadRows(rows, groupOf(`Registry: 一括登録 › 顧客情報, ${n} customers (${mb(registry.register.size)})`, `Register ${c} customers`), registry.register, registry.customers >= 1e6);
		uploadRows(rows, groupOf(`Registry: 一括登録 › クレジットカード情報, ${n} cards (${mb(registry.cards.size)})`, `Import ${c} cards`), registry.cards, registry.customers >= 1e6);
		const group = groupOf('Registry: opening /customers (the worker reads the stored registry)', 'Open /customers');
		row(rows, group, `page start → first list, ${n} customers`, ms(registry.loadAfterCustomers));
		const opened = registry.customers >= 1e6;
		row(rows, group, `page start → first list, ${n} customers + ${n} cards`, ms(registry.loadAfterCards), opened ? '≤ 1.5 s' : '—', opened ? registry.loadAfterCards <= 1_500 : null);
		searchRows(rows, registry);
		for (const linkage of registry.linkage ?? []) {
			const from = linkage.source === 'file' ? `the store's list file, ${n} customers` : `the registry, ${n} customers`;
			const linkGroup = groupOf(`Steps b/c: linkage CSV (連携用CSV) from ${from}`, `Linkage from the ${linkage.source} (${c})`);
			row(rows, linkGroup, 'time from the click to 「連携用CSVをダウンロード」 enabled', ms(linkage.ms));
			progressRow(rows, linkGroup, [linkage], registry.customers >= 1e6);
		}
	}
	if (results.firstLoad) {
		const home = results.firstLoad.home;
		const group = groupOf('First load', 'First load');
		// Older results.json have no `later`: everything they fetched counted as the first load.
		const after = (load) =>
			load.later ? `; then ${(load.laterGzip / KB).toFixed(1)} KB in ${load.later.length} files loaded after the first paint (database, bell)` : '';
		const worker = (load) => (load.workerGzip ? `; the worker's script ${(load.workerGzip / KB).toFixed(1)} KB, started on load` : '');
		row(rows, group, `JavaScript the first paint of the home page needs, gzip -9 (${home.files.length} files; 1 KB = 1024 B)`, `${(home.gzip / KB).toFixed(1)} KB (${(home.bytes / KB).toFixed(1)} KB raw${after(home)})`, '≤ 100 KB', home.gzip <= 100 * KB);
		for (const other of results.firstLoad.others ?? []) {
			row(rows, group, `JavaScript the first paint of a first visit of ${other.path} needs, gzip -9`, `${(other.gzip / KB).toFixed(1)} KB (${other.files.length} files${after(other)}${worker(other)})`, '≤ 100 KB', other.gzip <= 100 * KB);
		}
		if (home.serviceWorker) row(rows, group, 'service worker script (installed in the background), gzip -9', `${(home.serviceWorker.gzip / KB).toFixed(1)} KB`);
	}
	const rehearsal = results.rehearsal;
	if (rehearsal) {
		const group = groupOf(`Rehearsal, one scripted run (${rehearsal.customers.toLocaleString()} customers)`, `Rehearsal (${count(rehearsal.customers)})`);
		const isTargeted = rehearsal.customers >= 1e6;
		row(rows, group, 'total: first データアップロード → card import result', ms(rehearsal.totalMs), isTargeted ? '≤ 20 s' : '—', isTargeted ? rehearsal.totalMs <= 20_000 : null);
		for (const step of rehearsal.steps) {
			const cpu = step.cpu ? ` (CPU: worker ${ms(step.cpu.worker)}, page ${ms(step.cpu.page)}, GC/other ${ms(step.cpu.rendererOther)}, browser side ${ms(step.cpu.browserSide)})` : '';
			row(rows, group, `… ${step.name}`, `${ms(step.ms)}${cpu}`);
		}
		row(rows, group, '… scripted clicks, navigation and file choosing between steps', ms(rehearsal.operatorMs));
		row(rows, group, 'longest main-thread task during the whole run', rehearsal.longTasks.longest > 0 ? ms(rehearsal.longTasks.longest) : 'none over 50 ms', '≤ 100 ms', isTargeted ? rehearsal.longTasks.longest <= 100 : null);
		if (rehearsal.memory) {
			const { idle, peak } = rehearsal.memory;
			row(rows, group, 'peak memory during the run, above the idle page', `renderers +${mb(peak.renderers - idle.renderers)}, worker JS heap ${mb(peak.workerHeap ?? 0)} at its peak`);
		}
	}
	for (const wide of results.wide ?? []) {
		const group = groupOf(`Wide header: a return file of ${wide.columns.toLocaleString()} columns chosen and converted (step d)`, `Wide header (${wide.columns.toLocaleString()} columns)`);
		const longest = wide.longTasks.longest;
		const at = wide.longTasks.longestAt === null ? '' : `, began ${ms(Math.max(0, wide.longTasks.longestAt))} after choosing the file`;
		row(rows, group, 'longest main-thread task, from choosing the file to the result shown', longest > 0 ? `${ms(longest)} (${wide.longTasks.count} over 50 ms${at})` : 'none over 50 ms', '≤ 100 ms', longest === null ? null : longest <= 100);
		row(rows, group, 'time from choosing the file to the result shown', `${ms(wide.ms)} (column-mapping options rendered: ${wide.options.toLocaleString()})`);
		row(rows, group, 'result shown', wide.shown);
	}
	const repeated = results.repeated;
	if (repeated) {
		const group = groupOf(`Memory across ${repeated.runs} conversions of the same file, one page (${repeated.rows.toLocaleString()} rows, ${mb(repeated.size)})`, 'Repeated conversions');
		const first = repeated.readings[0];
		const last = repeated.readings[repeated.readings.length - 1];
		const ratio = last.renderers / first.renderers;
		const heaps = (reading) => (reading.pageHeap ?? 0) + (reading.workerHeap ?? 0);
		row(rows, group, `page memory after run ${repeated.runs} / after run 1 (renderer RSS: page + worker, after GC)`, `${ratio.toFixed(2)} (${mb(last.renderers)} / ${mb(first.renderers)}; before the first run ${mb(repeated.before.renderers)})`, '≤ 1.3', ratio <= 1.3);
		row(rows, group, `JS heaps (page + worker) after run ${repeated.runs} / after run 1`, `${(heaps(last) / heaps(first)).toFixed(2)} (${mb(heaps(last))} / ${mb(heaps(first))})`);
		row(rows, group, 'renderer RSS after runs 1, 5, 10, 15, 20, 25, 30', [1, 5, 10, 15, 20, 25, 30].filter((n) => n <= repeated.readings.length).map((n) => mb(repeated.readings[n - 1].renderers)).join(', '));
	}
	if (results.huge) {
		const group = groupOf(`Beyond one string: ${results.huge.label} (${mb(results.huge.size)})`, 'Beyond one string');
		const growth = results.huge.growthBytes;
		row(rows, group, 'conversion through the app: peak renderer memory above the idle page', results.huge.outcome, '≤ 300 MB', growth === null || growth === undefined ? false : growth <= 300 * MB);
		row(rows, group, 'plain TextDecoder + Papa.parse of the same file', results.huge.papaOutcome);
	}
	return rows;
}

function describe(machine, load) {
	return [
		`Date: ${machine.date}`,
		`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, ${machine.os}`,
		`Browser: ${machine.chromium} (/usr/bin/chromium, headless, flags of playwright.config.ts); Node ${machine.node}`,
		`App: working tree at ${machine.commit}, built by the benchmark (vite build, minified)`,
		`Machine load (1-min load average; 2 would keep both cores busy): ${load.start} at the start, ${Object.entries(load.stages ?? {})
			.map(([stage, value]) => `${value} at ${stage}`)
			.join(', ')}, ${load.end} at the end; other Chromium browsers running at the start: ${load.otherBrowsers}`
	];
}

/** The figures that have a target of issue 14, each with its group named. */
function targetRows(rows) {
	return rows.filter((r) => r.met !== '—').map((r) => ({ ...r, figure: `${r.short}: ${r.figure}` }));
}

/** The table as plain text for the console: the targets first, then every figure by group. */
export function consoleTable(results) {
	const all = tableRows(results);
	const rows = [...targetRows(all).map((r) => ({ ...r, group: 'TARGETS OF ISSUE 14' })), ...all];
	const width = (key, cap) => Math.min(cap, Math.max(...rows.map((r) => String(r[key]).length)));
	const wf = width('figure', 70);
	const wv = width('value', 60);
	const wt = width('target', 26);
	const lines = [...describe(results.machine, results.load), ''];
	let group = null;
	for (const r of rows) {
		if (r.group !== group) {
			group = r.group;
			lines.push('', group);
		}
		lines.push(`  ${r.figure.padEnd(wf)}  ${String(r.value).padEnd(wv)}  ${r.target.padEnd(wt)}  ${r.met}`);
	}
	return lines.join('\n');
}

/** The table as Markdown (bench/README.md): the targets first, then every figure by group. */
export function markdownTable(results) {
	const all = tableRows(results);
	const rows = [...targetRows(all).map((r) => ({ ...r, group: 'Targets of issue 14' })), ...all];
	const lines = describe(results.machine, results.load).map((line) => `- ${line}`);
	let group = null;
	for (const r of rows) {
		if (r.group !== group) {
			group = r.group;
			lines.push('', `**${group}**`, '', '| figure | measured | target | |', '|---|---|---|---|');
		}
		const cell = (text) => String(text).replaceAll('|', '\\|');
		lines.push(`| ${cell(r.figure)} | ${cell(r.value)} | ${cell(r.target)} | ${r.met} |`);
	}
	return lines.join('\n');
}
