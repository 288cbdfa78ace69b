import { customerIdTable, expiredCardsTable, multiCardTable, peopleListBytes, problemListWordsJa, problemsTable, type PeopleTable } from '$lib/domain';
import type { OutputEncoding } from '$lib/domain/encoding/encode-text';
import type { UnencodableCells } from '$lib/domain/report/unencodable-cells';
import { toProblemRecord, type ProblemRecord } from '$lib/domain/records/problem-record';
import type { Language } from '$lib/i18n';
import { problemText } from '$lib/i18n/problem-text';
import { problemListWordsEn } from '$lib/i18n/problems.en';
import type { ConversionReport, JobDownload, ProblemFilter, ProblemPage } from './conversion-types';

/** One page of a finished conversion's problems, filtered by severity, as records (no rendered text). */
export function problemPage(report: ConversionReport, filter: ProblemFilter, offset: number, limit: number): ProblemPage {
	const all = report.problems;
	// The cap's note leads the list when there is one (`ProblemList.sorted`).
	const note = all.length > 0 && all.code(0) === 'too-many-problems' ? all.record(0) : null;
	const skip = note ? 1 : 0;
	// The problems of the page become records; the others are read in columns only.
	const page: ProblemRecord[] = [];
	let total = 0;
	for (let i = skip; i < all.length; i++) {
		if (filter !== 'all' && all.severity(i) !== filter) continue;
		if (total >= offset && total < offset + limit) page.push(all.record(i));
		total++;
	}
	return { total, offset, problems: page, note: note && noteOf(note, filter, total) };
}

/**
 * The cap's note as a filter shows it: whole under 「すべて」; under errors or warnings it counts only
 * those left out (its `errors` / `warnings` params, `ProblemList.sorted`) and says the list shows the
 * first `listed` of them (the filter's table), and is gone when none were left out — so the note
 * never contradicts the table under it. A note stored before it counted by severity is shown whole.
 */
export function noteOf(note: ProblemRecord, filter: ProblemFilter, listed: number): ProblemRecord | null {
	if (filter === 'all') return note;
	const count = note.params[filter === 'error' ? 'errors' : 'warnings'];
	if (typeof count !== 'number') return note;
	return count === 0 ? null : { ...note, params: { ...note.params, count, limit: listed } };
}

/** A list for people as written, or the cells Shift_JIS cannot hold (then nothing is written: no `?`). */
export type PeopleListFile = { file: Blob; unencodable: null } | { file: null; unencodable: UnencodableCells };

function tableOf(report: ConversionReport, what: JobDownload, language: Language): PeopleTable {
	const recon = report.reconciliation;
	if (what === 'problems') {
		const words = language === 'ja' ? problemListWordsJa : problemListWordsEn;
		return problemsTable(report.problems.toArray(), { words, text: (problem) => problemText(toProblemRecord(problem), language) });
	}
	if (what === 'multi-card' && recon) return multiCardTable(recon.multiCardCustomers);
	if (what === 'expired' && recon) return expiredCardsTable(recon.expiredCards);
	if (what === 'unknown-returned' && recon) return customerIdTable(recon.unknownCustomerIds.map((customer) => customer.customerId));
	if (what === 'sent-not-returned' && recon && report.sent) return customerIdTable(recon.notReturnedCustomerIds ?? []);
	throw new Error(`no-list-${what}`);
}

/**
 * A list for people from a finished conversion (problems in `language`, reconciliation groups), as
 * a CSV in `encoding` (default: the conversion's output encoding); formulas neutralised (SPEC "CSV
 * formula injection"). In Shift_JIS, a cell it cannot hold gives no file but the cells (SPEC "Files
 * for people written in Shift_JIS never replace a character silently").
 */
export function conversionList(report: ConversionReport, what: JobDownload, language: Language, encoding: OutputEncoding = report.outputEncoding): PeopleListFile {
	const written = peopleListBytes(tableOf(report, what, language), { encoding });
	if (written.bytes === null) return { file: null, unencodable: written.unencodable };
	return { file: new Blob([written.bytes as BlobPart], { type: 'text/csv' }), unencodable: null };
}
