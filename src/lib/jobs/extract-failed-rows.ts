import { extractRows, headerRuleOf, sha256Hex, type ExtractProblemCode } from '$lib/domain';
import type { JobPorts, JobResult } from './ports';
import { readInput, stagedProgress } from './read-input';

/** Failed rows of one history entry, from the file the operator gives back. */
export interface FailedRowsJob {
	kind: 'failed-rows';
	historyId: number;
}

/** How an extraction ended; only 'done' has an output. */
export type FailedRowsReport =
	| { status: 'done'; fileName: string; missing: number }
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
 * (same SHA-256). Records nothing; null when cancelled.
 */
export async function extractFailedRows(file: Blob, job: FailedRowsJob, ports: JobPorts): Promise<FailedRowsResult | null> {
	const entry = await ports.store.historyEntry(job.historyId);
	if (!entry) return ended({ status: 'unknown-entry' });
	const bar = stagedProgress(ports.progress, [['read', file.size]]);
	const input = await readInput(file, (read) => bar('read', read, file.size), ports.isCancelled).catch(() => undefined);
	if (input === undefined) return ended({ status: 'unreadable' });
	if (input === null) return null;
	if (entry.sha256 === '' || (await sha256Hex(input)) !== entry.sha256) return ended({ status: 'wrong-file' });
	const result = extractRows(input, entry.failedRows, { encoding: entry.encoding ?? 'auto', header: headerRuleOf(entry.kind) });
	if (!result.ok) return ended({ status: 'refused', code: result.code, row: result.row, column: result.column });
	return {
		output: new Blob([result.output as BlobPart], { type: 'text/csv' }),
		report: { status: 'done', fileName: failedRowsName(entry.fileName), missing: result.missing.length },
		outcome: null
	};
}
