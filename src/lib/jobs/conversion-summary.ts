import type { FileReport } from '$lib/domain';
import type { YamatoReturnReport } from '$lib/domain/convert/yamato-return-converter';
import type { MappingSource } from '$lib/domain/convert/choose-return-mapping';
import type { DetectedEncoding } from '$lib/domain/encoding/detect-encoding';
import { fileProblemCodes } from '$lib/domain/problems/problem';
import { listedProblemsOf } from '$lib/domain/report/report';
import type { ProblemRecord } from '$lib/domain/records/problem-record';
import type { RunOutcome, RunStart } from '$lib/domain/records/run-outcome';
import type { ConversionJob, ConversionSummary } from './conversion-types';

const wholeFileCodes = new Set<string>(fileProblemCodes);

/** What a conversion's summary is made of besides its report. */
export interface SummaryFacts {
	job: ConversionJob;
	size: number;
	sha256: string;
	outcome: RunOutcome;
	elapsedMs: number;
	returnFile?: Pick<YamatoReturnReport, 'columnCount' | 'headerCells' | 'headerSignature'> & { mappingSource: MappingSource };
	customers?: { total: number; linked: number };
}

/** What the page keeps of a finished conversion: counts and whole-file problems, never rows. */
export function conversionSummary(report: FileReport & { suggestedExpiryOrder?: 'MMYY' }, facts: SummaryFacts): ConversionSummary {
	const { job, outcome } = facts;
	const summary: ConversionSummary = {
		jobId: job.jobId,
		kind: job.kind,
		fileName: job.fileName,
		size: facts.size,
		sha256: facts.sha256,
		encoding: report.encoding as DetectedEncoding,
		hasHeader: report.hasHeader,
		mapping: { ...report.mapping },
		rows: report.rows,
		written: report.written,
		failed: report.failed,
		errors: outcome.errors,
		warnings: outcome.warnings,
		refused: report.refused,
		problemCounts: report.problemCounts,
		fileProblems: fileProblemsOf(report),
		suggestedExpiryOrder: report.suggestedExpiryOrder,
		elapsedMs: facts.elapsedMs,
		...facts.returnFile,
		...(facts.customers ? { customers: facts.customers } : {})
	};
	// Step d: the reconciliation's numbers, as its outcome (and so the history) keeps them.
	if (outcome.reconciliation) summary.reconciliation = outcome.reconciliation;
	if (outcome.customerList !== undefined) summary.customerList = outcome.customerList;
	if (outcome.uncheckedReason) summary.uncheckedReason = outcome.uncheckedReason;
	return summary;
}

// The first 20 whole-file problems as records, read from the listed ones in columns (no object for the others).
function fileProblemsOf(report: FileReport): ProblemRecord[] {
	const listed = listedProblemsOf(report);
	const found: ProblemRecord[] = [];
	for (let i = 0; i < listed.length && found.length < 20; i++) if (wholeFileCodes.has(listed.code(i))) found.push(listed.record(i));
	return found;
}

/** The start of a conversion's history entry (a refused file with no rows has no encoding). */
export function conversionStart(job: ConversionJob, report: FileReport, size: number, sha256: string, startedAt: number): RunStart {
	const encoding = report.refused && report.rows === 0 ? null : (report.encoding as DetectedEncoding);
	return { kind: job.kind === 'linkage' ? 'linkage' : 'card-file', fileName: job.fileName, size, sha256, encoding, startedAt };
}
