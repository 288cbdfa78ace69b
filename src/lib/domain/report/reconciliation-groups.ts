/** Groups of step d's reconciliation (SPEC "Reconciliation"), each downloadable as a list. */
export const reconciliationGroups = [
	'sent-not-returned',
	'unknown-returned',
	'multi-card',
	'expired',
	'written'
] as const;
export type ReconciliationGroup = (typeof reconciliationGroups)[number];
