import type { ReconciliationCounts } from '../report/reconciliation-groups';

/**
 * Whether a step d run checked the returned customer IDs against the customer list of steps a・b
 * (SPEC screen 3 d, "Rules": a customer ID not found in the list is an error only when a list is
 * loaded): `customers` is how many customers that list had, null when the run was recorded before
 * the history kept it. An unchecked run writes IDs the store may not hold.
 */
export type CustomerCheck = { isChecked: true; customers: number | null } | { isChecked: false };

/** What a step d record (history entry, conversion summary) keeps that tells whether it was checked. */
export interface CustomerCheckFacts {
	/** The list checked against (its customers), null when not checked; absent on older records. */
	customerList?: { customers: number } | null;
	reconciliation?: ReconciliationCounts | null;
}

/**
 * The customer-list check of a step d record: from `customerList` when recorded; for an older record,
 * from its reconciliation (the groups that need a list are null without one), the count unknown;
 * null when the record tells neither (a refused file, a step d from before the history kept numbers).
 */
export function customerCheckOf(record: CustomerCheckFacts): CustomerCheck | null {
	if (record.customerList !== undefined) return record.customerList === null ? { isChecked: false } : { isChecked: true, customers: record.customerList.customers };
	if (!record.reconciliation) return null;
	return record.reconciliation['unknown-returned'] === null ? { isChecked: false } : { isChecked: true, customers: null };
}
