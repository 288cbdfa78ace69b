import { customerIdListCsv, expiredCardsCsv, multiCardListCsv, problemListWordsJa, problemsCsv } from '$lib/domain';
import { toProblemRecord } from '$lib/domain/records/problem-record';
import type { Language } from '$lib/i18n';
import { problemText } from '$lib/i18n/problem-text';
import { problemListWordsEn } from '$lib/i18n/problems.en';
import type { ConversionReport, JobDownload, ProblemFilter, ProblemPage } from './conversion-types';

/** One page of a finished conversion's problems, filtered by severity, as records (no rendered text). */
export function problemPage(report: ConversionReport, filter: ProblemFilter, offset: number, limit: number): ProblemPage {
	const all = report.problems;
	const matching = filter === 'all' ? all : all.filter((problem) => problem.severity === filter);
	return { total: matching.length, offset, problems: matching.slice(offset, offset + limit).map(toProblemRecord) };
}

/**
 * A list for people from a finished conversion (problems in `language`, reconciliation groups),
 * as a CSV in the conversion's output encoding; formulas neutralised (SPEC "CSV formula injection").
 */
export function conversionList(report: ConversionReport, what: JobDownload, language: Language): Blob {
	const options = { encoding: report.outputEncoding };
	const recon = report.reconciliation;
	let bytes: Uint8Array;
	if (what === 'problems') {
		const words = language === 'ja' ? problemListWordsJa : problemListWordsEn;
		bytes = problemsCsv(report.problems, { ...options, words, text: (problem) => problemText(toProblemRecord(problem), language) });
	} else if (what === 'multi-card' && recon) bytes = multiCardListCsv(recon.multiCardCustomers, options);
	else if (what === 'expired' && recon) bytes = expiredCardsCsv(recon.expiredCards, options);
	else if (what === 'unknown-returned' && recon) {
		bytes = customerIdListCsv(recon.unknownCustomerIds.map((customer) => customer.customerId), options);
	} else if (what === 'sent-not-returned' && recon && report.sent) {
		bytes = customerIdListCsv(recon.notReturnedCustomerIds ?? [], options);
	} else throw new Error(`no-list-${what}`);
	return new Blob([bytes as BlobPart], { type: 'text/csv' });
}
