import { toPeopleCsv, type WriteOptions } from '../csv/write-csv';
import type { Problem } from '../problems/problem';
import type { CustomerRows } from '../rules/customer-tally';

const severityLabels = { error: 'エラー', warning: '警告' } as const;

/** The problems of a report as a CSV for people: 行数, 列, 重要度, コード, 内容. */
export function problemsCsv(problems: readonly Problem[], options: WriteOptions = {}): Uint8Array {
	const rows = problems.map((p) => [
		p.row === 0 ? 'ファイル全体' : String(p.row),
		p.column === 0 ? '' : String(p.column),
		severityLabels[p.severity],
		p.code,
		p.message
	]);
	return toPeopleCsv([['行数', '列', '重要度', 'コード', '内容'], ...rows], options);
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
