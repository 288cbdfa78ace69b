import { expiredCardCount } from '../convert/expired-count';
import type { Reconciliation } from '../convert/yamato-return-converter';

/** Groups of step d's reconciliation (SPEC "Reconciliation"), each downloadable as a list. */
export const reconciliationGroups = [
	'sent-not-returned',
	'unknown-returned',
	'multi-card',
	'expired',
	'written'
] as const;
export type ReconciliationGroup = (typeof reconciliationGroups)[number];

/** How many customers (or rows) fall in each group; null for the groups that need a customer list. */
export type ReconciliationCounts = Record<ReconciliationGroup, number | null>;

/**
 * The numbers of step d's reconciliation (SPEC "Reconciliation"): customers sent but not returned
 * and returned IDs unknown to the store (null when no customer list was checked against), customers
 * with several cards, expired cards, rows written. Counts only: what the history keeps of it.
 */
export function reconciliationCounts(groups: Reconciliation, hasList: boolean, written: number): ReconciliationCounts {
	return {
		'sent-not-returned': hasList ? (groups.notReturnedCustomerIds?.length ?? 0) : null,
		'unknown-returned': hasList ? groups.unknownCustomerIds.length : null,
		'multi-card': groups.multiCardCustomers.length,
		expired: expiredCardCount(groups),
		written
	};
}
