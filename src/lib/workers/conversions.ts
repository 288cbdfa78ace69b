import { buildLinkage } from '$lib/jobs/build-linkage';
import type { ConversionJob, ConversionReport } from '$lib/jobs/conversion-types';
import { convertReturnFile } from '$lib/jobs/convert-return-file';
import type { JobPorts } from '$lib/jobs/ports';

// Finished conversions of this page, by job id: the page asks for pages of problems and lists.
// Only the latest of each kind is kept (step d reads the latest step b run), so repeated runs of
// a large file do not pile up reports in the worker's memory.
const finished = new Map<string, ConversionReport>();
const kinds = new Map<string, ConversionJob['kind']>();

/** Drops every finished report (after 「すべてのデータを消去」: nothing of an erased run stays askable). */
export function forgetReports(): void {
	finished.clear();
	kinds.clear();
}

function forgetKind(kind: ConversionJob['kind']): void {
	for (const [jobId, known] of kinds) if (known === kind) (finished.delete(jobId), kinds.delete(jobId));
}

/** A finished conversion's report; throws for a job this worker did not run. */
export function finishedReport(jobId: string): ConversionReport {
	const report = finished.get(jobId);
	if (!report) throw new Error('unknown-job');
	return report;
}

/** Runs a conversion job; step d gets the customer list of the step b run its job names. */
export async function convert(job: ConversionJob, file: Blob | null, ports: JobPorts) {
	// The page dropped step d's last result when this run started: the worker drops its report now,
	// not after the new run, so two reports of a large file are never held at once. (Step b's last
	// list stays: a refused list leaves it in force for step d.)
	if (job.kind === 'yamato-return') forgetKind('yamato-return');
	const result =
		job.kind === 'linkage'
			? await buildLinkage(file, job, ports)
			: await convertReturnFile(
					{ file: file ?? new Blob([]), customerList: job.customerListJobId ? (finished.get(job.customerListJobId)?.customerList ?? null) : null },
					job,
					ports
				);
	if (!result) return null;
	// A refused list keeps the last list read, which step d still checks against.
	const replaces = job.kind === 'yamato-return' || !result.report.summary.refused;
	if (replaces) forgetKind(job.kind);
	finished.set(job.jobId, result.report);
	kinds.set(job.jobId, job.kind);
	return { summary: result.report.summary, output: result.output };
}
