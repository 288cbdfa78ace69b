import { toPeopleCsv, type WriteOptions } from '../csv/write-csv';
import type { Problem } from '../problems/problem';
import type { CustomerRows } from '../rules/customer-tally';
import { findUnencodableCells, type UnencodableCells } from './unencodable-cells';

/** The words of a problems report in one language: the header row, a whole-file row, severities. */
export interface ProblemListWords {
	header: readonly [string, string, string, string, string];
	wholeFile: string;
	error: string;
	warning: string;
}

/** The Japanese words of a problems report. */
export const problemListWordsJa: ProblemListWords = {
	header: ['行数', '列', '重要度', 'コード', '内容'],
	wholeFile: 'ファイル全体',
	error: 'エラー',
	warning: '警告'
};

// Stored problem records (code as a string) are listed as well as fresh problems.
type ListedProblem = Pick<Problem, 'row' | 'column' | 'severity'> & { code: string };

/** How a problems report is written: its words and each problem's text (default: Japanese). */
export interface ProblemListOptions<P extends ListedProblem> extends WriteOptions {
	words?: ProblemListWords;
	text?: (problem: P) => string;
}

/**
 * A list for people before it is written: its rows (the header first) and the field key of each
 * column (a `fieldLabel` key), so a cell Shift_JIS cannot hold can be named by row and column.
 */
export interface PeopleTable {
	rows: string[][];
	fields: readonly string[];
}

/** The problems of a report as a table for people: 行数, 列, 重要度, コード, 内容 (or the words given). */
export function problemsTable<P extends ListedProblem = Problem>(problems: readonly P[], options: ProblemListOptions<P> = {}): PeopleTable {
	const words = options.words ?? problemListWordsJa;
	const text = options.text ?? ((problem: P) => (problem as unknown as Problem).message);
	const rows = problems.map((p) => [
		p.row === 0 ? words.wholeFile : String(p.row),
		p.column === 0 ? '' : String(p.column),
		words[p.severity],
		p.code,
		text(p)
	]);
	return { rows: [[...words.header], ...rows], fields: ['row', 'column', 'severity', 'code', 'message'] };
}

/** The problems of a report as a CSV for people: 行数, 列, 重要度, コード, 内容 (or the words given). */
export function problemsCsv<P extends ListedProblem = Problem>(problems: readonly P[], options: ProblemListOptions<P> = {}): Uint8Array {
	return toPeopleCsv(problemsTable(problems, options).rows, options);
}

/** Customers with several cards, one line per card row, for the store's support (source: 複数枚のカード). */
export function multiCardTable(customers: readonly CustomerRows[]): PeopleTable {
	const rows = customers.flatMap(({ customerId, rows: cardRows }) =>
		cardRows.map((row) => [customerId, String(cardRows.length), String(row)])
	);
	return { rows: [['サブスクストアの顧客ID', 'カード枚数', '行数'], ...rows], fields: ['customerId', 'cards', 'row'] };
}

/** Customers with several cards as a CSV for people (see `multiCardTable`). */
export function multiCardListCsv(customers: readonly CustomerRows[], options: WriteOptions = {}): Uint8Array {
	return toPeopleCsv(multiCardTable(customers).rows, options);
}

/** Expired cards of a conversion: 行数, 顧客ID, 有効期限. */
export function expiredCardsTable(cards: readonly { row: number; customerId: string; expiry: string }[]): PeopleTable {
	const rows = cards.map((card) => [String(card.row), card.customerId, card.expiry]);
	return { rows: [['行数', 'サブスクストアの顧客ID', '有効期限'], ...rows], fields: ['row', 'customerId', 'expiry'] };
}

/** Expired cards of a conversion as a CSV for people (see `expiredCardsTable`). */
export function expiredCardsCsv(
	cards: readonly { row: number; customerId: string; expiry: string }[],
	options: WriteOptions = {}
): Uint8Array {
	return toPeopleCsv(expiredCardsTable(cards).rows, options);
}

/** A list of customer IDs (e.g. sent but not returned, or unknown to the store) under one header. */
export function customerIdTable(ids: readonly string[]): PeopleTable {
	return { rows: [['サブスクストアの顧客ID'], ...ids.map((id) => [id])], fields: ['customerId'] };
}

/** A list of customer IDs as a CSV for people (see `customerIdTable`). */
export function customerIdListCsv(ids: readonly string[], options: WriteOptions = {}): Uint8Array {
	return toPeopleCsv(customerIdTable(ids).rows, options);
}

/** A list for people as written, or the cells Shift_JIS cannot hold (then nothing is written: no `?`). */
export type PeopleListBytes = { bytes: Uint8Array; unencodable: null } | { bytes: null; unencodable: UnencodableCells };

/**
 * Writes a list for people (formulas neutralised) in `encoding` (default Shift_JIS). SPEC "Files for
 * people written in Shift_JIS never replace a character silently": when a cell holds a character
 * Shift_JIS lacks, nothing is written and the cells are given back (`findUnencodableCells`, rows
 * counted from 2 under the header), for the operator to be told and offered UTF-8 with BOM.
 */
export function peopleListBytes(table: PeopleTable, options: WriteOptions = {}): PeopleListBytes {
	const encoding = options.encoding ?? 'shift_jis';
	if (encoding === 'shift_jis') {
		const cells = findUnencodableCells(table.rows.slice(1), { fields: table.fields, firstRow: 2 });
		if (cells.count > 0) return { bytes: null, unencodable: cells };
	}
	return { bytes: toPeopleCsv(table.rows, { encoding }), unencodable: null };
}
