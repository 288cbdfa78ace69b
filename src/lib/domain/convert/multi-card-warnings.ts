import type { ProblemInput, ProblemList } from '../problems/problem-list';
import { shownCustomerId } from '../problems/display-value';
import { formatRows, type CustomerRows } from '../rules/customer-tally';

/**
 * Adds the several-cards warning on every row of every customer that has more than one card (SPEC
 * "Warnings": 複数枚のカード): `multiple-cards`, or `multiple-cards-registered` when some of the
 * customer's cards are registered already (`registered`), its `count` then being all of them.
 */
export function addMultiCardWarnings(
	repeated: CustomerRows[],
	problems: ProblemList,
	column: number
): void {
	for (const customer of repeated) {
		const { customerId, rows } = customer;
		// Only IDs of the pattern are tallied; one of the default shape or short is shown whole.
		const value = shownCustomerId(customerId);
		const registered = customer.registered ?? 0;
		const count = rows.length + registered;
		// One params object per customer, shared by its rows (`ProblemList.add` copies what it lists).
		const params: ProblemInput = { field: 'customerId', value, count, rows: formatRows(rows) };
		if (registered > 0) params.registered = registered;
		const code = registered === 0 ? 'multiple-cards' : 'multiple-cards-registered';
		for (const row of rows) problems.add(code, row, column, params);
	}
}
