import type { ProblemList } from '../problems/problem-list';
import { shownCustomerId } from '../problems/display-value';
import { formatRows, type CustomerRows } from '../rules/customer-tally';

/** Adds the several-cards warning on every row of every customer that has more than one card. */
export function addMultiCardWarnings(
	repeated: CustomerRows[],
	problems: ProblemList,
	column: number
): void {
	for (const { customerId, rows } of repeated) {
		// Only IDs of the pattern are tallied; one of the default shape or short is shown whole.
		const value = shownCustomerId(customerId);
		const params = { field: 'customerId', value, count: rows.length, rows: formatRows(rows) };
		for (const row of rows) problems.add('multiple-cards', row, column, params);
	}
}
