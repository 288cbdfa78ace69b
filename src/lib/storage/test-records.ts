export { cardColumns, customerColumns, fingerprintOf, numberedCustomers } from '$lib/registry/test-records';
import type { NewHistoryEntry } from '$lib/domain/records/history-entry';
import { useDb, WorkbenchDb } from './db';

let counter = 0;

/** Test helper: points the storage at a fresh, empty database. */
export function useFreshDb(prefix: string): WorkbenchDb {
	const next = new WorkbenchDb(`${prefix}-${counter++}-${Date.now()}`);
	useDb(next);
	return next;
}

/** Test helper: a history entry as an upload or conversion begins it. */
export function newEntry(change: Partial<NewHistoryEntry> = {}): Omit<NewHistoryEntry, 'status'> {
	return {
		kind: 'customers',
		fileName: 'customers.csv',
		size: 100,
		sha256: 'f'.repeat(64),
		encoding: 'utf-8',
		startedAt: Date.UTC(2026, 10, 28, 3, 0),
		...change
	};
}
