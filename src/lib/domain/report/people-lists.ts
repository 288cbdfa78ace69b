import { toPeopleCsv, type WriteOptions } from '../csv/write-csv';
import type { Problem } from '../problems/problem';
import type { CustomerRows } from '../rules/customer-tally';

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

/** The problems of a report as a CSV for people: 行数, 列, 重要度, コード, 内容 (or the words given). */
export function problemsCsv<P extends ListedProblem = Problem>(problems: readonly P[], options: ProblemListOptions<P> = {}): Uint8Array {
	const words = options.words ?? problemListWordsJa;
	const text = options.text ?? ((problem: P) => (problem as unknown as Problem).message);
	const rows = problems.map((p) => [
		p.row === 0 ? words.wholeFile : String(p.row),
		p.column === 0 ? '' : String(p.column),
		words[p.severity],
		p.code,
		text(p)
	]);
	return toPeopleCsv([words.header, ...rows], options);
}

/** Customers with several cards, one line per card row, for the store's support (source: 複数枚のカード). */
export function multiCardListCsv(customers: readonly CustomerRows[], options: WriteOptions = {}): Uint8Array {
	const rows = customers.flatMap(({ customerId, rows: cardRows }) =>
		cardRows.map((row) => [customerId, String(cardRows.length), String(row)])
	);
	return toPeopleCsv([['サブスクストアの顧客ID', 'カード枚数', '行数'], ...rows], options);
}

/** Expired cards of a conversion: 行数, 顧客ID, 有効期限. */
export function expiredCardsCsv(
	cards: readonly { row: number; customerId: string; expiry: string }[],
	options: WriteOptions = {}
): Uint8Array {
	const rows = cards.map((card) => [String(card.row), card.customerId, card.expiry]);
	return toPeopleCsv([['行数', 'サブスクストアの顧客ID', '有効期限'], ...rows], options);
}

/** A list of customer IDs (e.g. sent but not returned, or unknown to the store) under one header. */
export function customerIdListCsv(ids: readonly string[], options: WriteOptions = {}): Uint8Array {
	return toPeopleCsv([['サブスクストアの顧客ID'], ...ids.map((id) => [id])], options);
}
