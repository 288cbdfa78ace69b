import { buildLinkageCsvFromRecords, createLinkageBuilder, type LinkagePhase, type LinkageReport } from '$lib/domain';
import { CustomerIdLookup } from '$lib/domain/rules/id-lookup';
import { listedProblemsOf } from '$lib/domain/report/report';
import { runOutcome, type RunOutcome } from '$lib/domain/records/run-outcome';
import { linkageRecordsOf } from '$lib/registry/linkage-records';
import { conversionStart, conversionSummary } from './conversion-summary';
import type { ConversionReport, LinkageJob } from './conversion-types';
import type { JobPorts, JobResult } from './ports';
import { recordConversion } from './record-conversion';
import { stagedProgress, streamHashed, streamHashOf } from './read-input';

// The phases of a linkage build on its bar: reading and parsing the list file, one stretch across
// 'file' and 'parse' as the file streams into the parse (from the registry: loading it, when this
// worker has not loaded it yet, then taking its customers), checking the rows, writing the CSV,
// then recording the run. Each phase's share of the bar follows its share of the time (1M
// customers, Node: from a list file 26 / 26 / 17 / 23 / 5 %, from the registry loaded – / 42 / 28 /
// 21 / 8 %): the page shows whole percents, and writing the CSV, a fifth of the time with 1/12 of
// the bar, moved it once every 400 ms at load 18 (issue 14: progress visible every 250 ms).
export const linkageStages = [
	['file', 1 / 4],
	['parse', 1 / 2],
	['link', 1 / 4],
	['write', 3 / 8],
	['record', 1 / 8]
] as const;

/**
 * Steps b/c: builds the linkage CSV (SPEC step c) from the store's customer list — a file, or this
 * app's registry when `job.source` is 'registry' (then `file` is not read) — and records the run
 * once. Null when cancelled (before, while reading, or before the record): nothing is recorded.
 */
export async function buildLinkage(
	file: Blob | null,
	job: LinkageJob,
	ports: JobPorts
): Promise<JobResult<ConversionReport, RunOutcome> | null> {
	const started = performance.now();
	const startedAt = Date.now();
	const size = job.source === 'file' && file ? file.size : 0;
	// Every phase moves the bar, the build's own included (issue 14: progress visible every 250 ms);
	// from the registry, the bar counts in its customers, who are known once it is loaded.
	let units = size;
	const bar = stagedProgress((done, total) => ports.progress(done * units, total * units), linkageStages);
	const onProgress = (phase: LinkagePhase, done: number, of: number) => bar(phase === 'read' ? 'parse' : phase, done, of);
	let built: { output: Uint8Array | null; report: LinkageReport };
	let digest: string | null = null;
	if (job.source === 'registry' || !file) {
		if (await ports.isCancelled()) return null;
		units = 1;
		const index = await ports.store.registry((done, of) => bar('file', done, of));
		units = Math.max(1, index.customerCount);
		bar('file', 1, 1);
		// From the registry, 'parse' is taking its customers' records, then reading them.
		const records = linkageRecordsOf(index, (done, of) => bar('parse', done, 2 * of));
		built = buildLinkageCsvFromRecords(records, {
			...job.options,
			onProgress: (phase, done, of) => (phase === 'read' ? bar('parse', of + done, 2 * of) : onProgress(phase, done, of))
		});
	} else {
		// The list is read as a stream into the build, hashed slice by slice beside it (on another
		// core when there is one): never whole in memory (issue 14). Reading and parsing run together,
		// so the bar crosses their two phases as the bytes come.
		const builder = createLinkageBuilder({ ...job.options, onProgress });
		const readAndParse = spanOf(bar, 'file', 'parse');
		const sha256 = await streamHashed(
			file,
			streamHashOf(ports),
			(slice, read) => {
				for (let at = 0, end = read - slice.length; at < slice.length; at += readPiece) {
					const piece = slice.subarray(at, at + readPiece);
					builder.push(piece);
					end += piece.length;
					readAndParse(end, size);
				}
			},
			ports.isCancelled
		);
		if (sha256 === null) return null;
		digest = sha256;
		built = builder.finish();
	}
	bar('write', 1, 1);
	if (await ports.isCancelled()) return null;
	// The last cancel asked: from here the job records its entry and finishes whatever is pressed.
	ports.finalWrite?.();
	const { output, report } = built;
	const outcome = runOutcome({ kind: 'linkage', report, succeeded: report.written });
	// A list from the registry has no file: no bytes to hash, no encoding read (not those of empty input).
	const fromFile = job.source === 'file' && file !== null;
	const sha256 = digest ?? '';
	bar('record', 1, 3);
	const start = conversionStart(job, report, size, sha256, startedAt);
	if (!fromFile) start.encoding = null;
	const { historyId, historyFailure } = await recordConversion(ports.store, { start, outcome });
	bar('record', 2, 3);
	const customers = { total: report.customerIds.length, linked: report.linkedCustomerIds.length };
	const summary = conversionSummary(report, { job, size, sha256, outcome, elapsedMs: performance.now() - started, customers });
	summary.historyId = historyId;
	if (historyFailure) summary.historyFailure = historyFailure;
	// Step d's lookup of the list's customers: a pass over a million IDs, then two over their keys
	// (the last third of the record's part of the bar).
	const ids = report.customerIds;
	const lookup = (done: number) => bar('record', 2 + done / (3 * Math.max(1, ids.length)), 3);
	const customerList = report.refused
		? undefined
		: { ids: new CustomerIdLookup(stepped(ids, lookup), undefined, (done, of) => lookup(ids.length + (2 * ids.length * done) / Math.max(1, of))), sent: report.linkedCustomerIds, customers: ids.length };
	bar('record', 3, 3);
	return {
		output: output ? new Blob([output as BlobPart], { type: 'text/csv' }) : null,
		report: { summary, problems: listedProblemsOf(report), outputEncoding: job.options.outputEncoding, customerList },
		outcome
	};
}

// Bytes of the list given to the build between two progress calls.
const readPiece = 1 << 16;

/** Reports `done / of` of two adjacent phases `from` and `to` as one stretch of the bar. */
function spanOf<Stage extends string>(bar: (stage: Stage, done: number, of: number) => void, from: Stage, to: Stage) {
	const weights = new Map<string, number>(linkageStages);
	const first = weights.get(from) ?? 0;
	const whole = first + (weights.get(to) ?? 0);
	return (done: number, of: number) => {
		const at = of > 0 ? (whole * Math.min(done, of)) / of : whole;
		if (at < first) bar(from, at, first);
		else bar(to, at - first, whole - first);
	};
}

// Items between two progress calls of a pass over a list, minus one (a mask).
const passStride = 0xffff;

/** The items of `list` in order, calling `progress(items given)` every 65,536 of them. */
function* stepped<T>(list: readonly T[], progress: (done: number) => void): Generator<T> {
	for (let i = 0; i < list.length; i++) {
		if ((i & passStride) === 0) progress(i);
		yield list[i];
	}
}
