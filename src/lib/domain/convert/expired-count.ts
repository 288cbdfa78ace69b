import type { Reconciliation } from './yamato-return-converter';

/**
 * The expired cards behind each reconciliation the converter's `finish` made (kept in columns,
 * `ExpiredCards`), for their count. Apart from the converter so that the page, which counts them
 * (migration report, step d's panel), does not load the converter and its encoder (issue 14: first
 * load of /migration and /report ≤ 100 KB).
 */
export const expiredCountOf = new WeakMap<object, { readonly length: number }>();

/** How many expired cards `reconciliation` lists, without making them into objects when it can. */
export function expiredCardCount(reconciliation: Reconciliation): number {
	return expiredCountOf.get(reconciliation)?.length ?? reconciliation.expiredCards.length;
}
