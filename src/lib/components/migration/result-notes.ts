import type { ConversionSummary } from '$lib/jobs/conversion-types';
import { customerCheckOf, type CustomerCheck } from '$lib/domain/records/customer-check';

/** What a finished conversion's box says below its summary line (steps c and d). */
export interface ResultNotes {
	/** Step c: 「N件の顧客を読み込みました（連携用CSVに M件）」, the list's counts. */
	customersLoaded: { total: number; linked: number } | null;
	/** Step d: whether the returned IDs were checked against the list of a・b (`customerCheckOf`). */
	customerCheck: CustomerCheck | null;
	/**
	 * Step d: the expiry column read as MMYY ('active', with its undo: a setting of the next run too,
	 * so said with a refused file as well), or the offer to read it so ('offer': a file read whole only).
	 */
	expiry: 'active' | 'offer' | null;
}

/**
 * The notes a conversion's result box shows beside its summary, from the run's `summary` and the
 * expiry order it ran with. A refused file (SPEC screen 3 "Rules": refused as a whole) was not read,
 * converted, counted nor checked, so it gets none of them (but the expiry order chosen for the next run): the refusal is the box's one word, never
 * beside a count or a success sentence that contradicts it (operator trial: step c said "This file
 * is refused…" and "Loaded 0 customers (0 to be written to the linkage CSV)." below it).
 */
export function resultNotes(summary: ConversionSummary, expiryOrder: 'YYMM' | 'MMYY'): ResultNotes {
	if (summary.refused) return { customersLoaded: null, customerCheck: null, expiry: expiryOrder === 'MMYY' ? 'active' : null };
	return {
		customersLoaded: summary.customers ?? null,
		customerCheck: customerCheckOf(summary),
		expiry: expiryOrder === 'MMYY' ? 'active' : summary.suggestedExpiryOrder === 'MMYY' ? 'offer' : null
	};
}
