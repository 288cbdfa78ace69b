import type { ProblemList } from '../problems/problem-list';
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
		const params = { field: 'customerId', value, count, rows: formatRows(rows) };
		if (registered === 0) for (const row of rows) problems.add('multiple-cards', row, column, params);
		else for (const row of rows) problems.add('multiple-cards-registered', row, column, { ...params, registered });
	}
}
