import type { ReconciliationCounts } from '../report/reconciliation-groups';
import type { HistoryStatus } from './history-entry';

/**
 * Why a step d run was not checked against the customer list of steps a・b (SPEC screen 3 d): no list
 * was loaded in the tab ('no-list': at start, after a reload or an erase; to check, load it again),
 * or one was loaded but 「読み込んだ顧客一覧と照合する」 was unticked ('off': to check, tick it).
 */
export const uncheckedReasons = ['no-list', 'off'] as const;
export type UncheckedReason = (typeof uncheckedReasons)[number];

/**
 * Whether a step d run checked the returned customer IDs against the customer list of steps a・b
 * (SPEC screen 3 d, "Rules": a customer ID not found in the list is an error only when a list is
 * loaded): `customers` is how many customers that list had, null when the run was recorded before
 * the history kept it; `reason` why it was not checked. An unchecked run writes IDs the store may
 * not hold.
 */
export type CustomerCheck = { isChecked: true; customers: number | null } | { isChecked: false; reason: UncheckedReason };

/**
 * What a step d record (history entry, conversion summary) keeps that tells whether it was checked,
 * and whether the run converted the file at all: a history entry by its status, a conversion summary
 * by `refused`.
 */
export type CustomerCheckFacts = {
	/** The list checked against (its customers), null when not checked; absent on older records. */
	customerList?: { customers: number } | null;
	/** Why it was not checked (with `customerList` null); absent on records stored before it was kept (read as 'no-list'). */
	uncheckedReason?: UncheckedReason;
	reconciliation?: ReconciliationCounts | null;
} & ({ status: HistoryStatus } | { refused: boolean });

/** True when the run converted the file to its end: a refused file, a running or interrupted run did not. */
function converted(record: CustomerCheckFacts): boolean {
	return 'status' in record ? record.status === 'done' || record.status === 'errors' : !record.refused;
}

/**
 * The customer-list check of a step d record. Null when the run did not convert the file (refused,
 * running, interrupted: nothing was written nor checked, whatever the record holds — entries of
 * refused files stored from 2026-11-30 to 2026-12-01 hold reconciliation numbers, and from 2026-12-01
 * a `customerList`), or when the record does not tell (a step d from before the history kept numbers).
 * Otherwise from `customerList` when recorded, with `uncheckedReason`; a record without the reason
 * (stored before it was kept) reads as 'no-list', the wording such runs were shown with. For an older
 * record, from its reconciliation (the groups that need a list are null without one): checked with
 * the count unknown, or not checked ('no-list').
 */
export function customerCheckOf(record: CustomerCheckFacts): CustomerCheck | null {
	if (!converted(record)) return null;
	if (record.customerList !== undefined) {
		return record.customerList === null ? { isChecked: false, reason: record.uncheckedReason ?? 'no-list' } : { isChecked: true, customers: record.customerList.customers };
	}
	if (!record.reconciliation) return null;
	return record.reconciliation['unknown-returned'] === null ? { isChecked: false, reason: 'no-list' } : { isChecked: true, customers: null };
}
