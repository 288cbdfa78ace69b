import { buildLinkage } from '$lib/jobs/build-linkage';
import type { ConversionJob, ConversionReport } from '$lib/jobs/conversion-types';
import { convertReturnFile } from '$lib/jobs/convert-return-file';
import type { JobPorts } from '$lib/jobs/ports';

// Finished conversions of this page, by job id: the page asks for pages of problems and lists.
const finished = new Map<string, ConversionReport>();

/** A finished conversion's report; throws for a job this worker did not run. */
export function finishedReport(jobId: string): ConversionReport {
	const report = finished.get(jobId);
	if (!report) throw new Error('unknown-job');
	return report;
}

/** Runs a conversion job; step d gets the customer list of the step b run its job names. */
export async function convert(job: ConversionJob, file: Blob | null, ports: JobPorts) {
	const result =
		job.kind === 'linkage'
			? await buildLinkage(file, job, ports)
			: await convertReturnFile(
					{ file: file ?? new Blob([]), customerList: job.customerListJobId ? (finished.get(job.customerListJobId)?.customerList ?? null) : null },
					job,
					ports
				);
	if (!result) return null;
	finished.set(job.jobId, result.report);
	return { summary: result.report.summary, output: result.output };
}
