import {
	createRowsCopier,
	createRowsLocator,
	failedRowsEncodingOf,
	headerRuleOf,
	type ExtractProblemCode,
	type FailedRowsEncoding
} from '$lib/domain';
import type { JobPorts, JobResult } from './ports';
import { stagedProgress, streamHashed, streamHashOf } from './read-input';

/** Failed rows of one history entry, from the file the operator gives back. */
export interface FailedRowsJob {
	kind: 'failed-rows';
	historyId: number;
}

/** How an extraction ended; only 'done' has an output. */
export type FailedRowsReport =
	| { status: 'done'; fileName: string; missing: number; encoding: FailedRowsEncoding }
	| { status: 'unknown-entry' | 'wrong-file' | 'unreadable' }
	| { status: 'refused'; code: ExtractProblemCode; row: number; column: number };

export type FailedRowsResult = JobResult<FailedRowsReport, null>;

/** `returns.csv` → `returns-failed-rows.csv`. */
export function failedRowsName(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	const stem = dot > 0 ? fileName.slice(0, dot) : fileName || 'history';
	const extension = dot > 0 ? fileName.slice(dot) : '.csv';
	return `${stem}-failed-rows${extension}`;
}

const ended = (report: FailedRowsReport): FailedRowsResult => ({ output: null, report, outcome: null });

/**
 * The failed rows of a history entry as they were in its file (SPEC screen 4), read with the
 * header rule of the entry's kind and the encoding it recorded. The file must be the entry's own
 * (same SHA-256). Records nothing; null when cancelled. The file is never whole in memory (issue
 * 14): a first read hashes it and finds the rows, a second copies their bytes and is hashed again
 * (a file changed on disk between the reads is 'unreadable', as one the browser refuses to read).
 */
export async function extractFailedRows(file: Blob, job: FailedRowsJob, ports: JobPorts): Promise<FailedRowsResult | null> {
	const entry = await ports.store.historyEntry(job.historyId);
	if (!entry) return ended({ status: 'unknown-entry' });
	const size = file.size;
	const bar = stagedProgress(ports.progress, [
		['read', size],
		['copy', size]
	]);
	const locator = createRowsLocator(entry.failedRows, { encoding: entry.encoding ?? 'auto', header: headerRuleOf(entry.kind) });
	const first = await readAll(file, ports, (slice) => locator.push(slice), (read) => bar('read', read, size));
	if (first === undefined) return ended({ status: 'unreadable' });
	if (first === null) return null;
	if (entry.sha256 === '' || first !== entry.sha256) return ended({ status: 'wrong-file' });
	const plan = locator.finish();
	if (!plan.ok) return ended({ status: 'refused', code: plan.code, row: plan.row, column: plan.column });
	const copier = createRowsCopier(plan);
	const again = await readAll(file, ports, (slice) => copier.push(slice), (read) => bar('copy', read, size));
	if (again === null) return null;
	if (again !== first) return ended({ status: 'unreadable' });
	const result = copier.finish();
	if (!result.ok) return ended({ status: 'refused', code: result.code, row: result.row, column: result.column });
	return {
		output: new Blob([result.output as BlobPart], { type: 'text/csv' }),
		report: { status: 'done', fileName: failedRowsName(entry.fileName), missing: result.missing.length, encoding: failedRowsEncodingOf(result) },
		outcome: null
	};
}

/** One read of the file, each slice to `take`: its SHA-256, null when cancelled, undefined when it cannot be read. */
async function readAll(
	file: Blob,
	ports: JobPorts,
	take: (slice: Uint8Array) => void,
	onRead: (read: number) => void
): Promise<string | null | undefined> {
	try {
		return await streamHashed(file, streamHashOf(ports), (slice, read) => (take(slice), onRead(read)), ports.isCancelled);
	} catch {
		return undefined;
	}
}
