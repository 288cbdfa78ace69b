import { buildLinkageCsv, buildLinkageCsvFromRecords, sha256Hex, type LinkageReport } from '$lib/domain';
import { CustomerIdLookup } from '$lib/domain/rules/id-lookup';
import { runOutcome, type RunOutcome } from '$lib/domain/records/run-outcome';
import { linkageRecordsOf } from '$lib/registry/linkage-records';
import { conversionStart, conversionSummary } from './conversion-summary';
import type { ConversionReport, LinkageJob } from './conversion-types';
import type { JobPorts, JobResult } from './ports';
import { recordConversion } from './record-conversion';
import { readInput, stagedProgress } from './read-input';

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
	const bar = stagedProgress(ports.progress, [['read', size / 4], ['build', size]]);
	let built: { output: Uint8Array | null; report: LinkageReport };
	let bytes: Uint8Array = new Uint8Array(0);
	if (job.source === 'registry' || !file) {
		if (await ports.isCancelled()) return null;
		built = buildLinkageCsvFromRecords(linkageRecordsOf(await ports.store.registry()), job.options);
	} else {
		const read = await readInput(file, (done) => bar('read', done, size), ports.isCancelled);
		if (!read) return null;
		bytes = read;
		built = buildLinkageCsv(bytes, job.options);
	}
	bar('build', size, size);
	if (await ports.isCancelled()) return null;
	const { output, report } = built;
	const outcome = runOutcome({ kind: 'linkage', report, succeeded: report.written });
	const sha256 = await sha256Hex(bytes);
	const { historyId, historyFailure } = await recordConversion(ports.store, { start: conversionStart(job, report, size, sha256, startedAt), outcome });
	const customers = { total: report.customerIds.length, linked: report.linkedCustomerIds.length };
	const summary = conversionSummary(report, { job, size, sha256, outcome, elapsedMs: performance.now() - started, customers });
	summary.historyId = historyId;
	if (historyFailure) summary.historyFailure = historyFailure;
	const customerList = report.refused ? undefined : { ids: new CustomerIdLookup(report.customerIds), sent: report.linkedCustomerIds };
	return {
		output: output ? new Blob([output as BlobPart], { type: 'text/csv' }) : null,
		report: { summary, problems: report.problems, outputEncoding: job.options.outputEncoding, customerList },
		outcome
	};
}
