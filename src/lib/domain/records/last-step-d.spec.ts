import { describe, expect, it } from 'vitest';
import { historyStatuses, type HistoryKind, type HistoryStatus } from './history-entry';
import { lastFinishedStepD } from './last-step-d';

type Entry = { id: number; kind: HistoryKind; status: HistoryStatus };
const entry = (id: number, kind: HistoryKind, status: HistoryStatus): Entry => ({ id, kind, status });

describe('lastFinishedStepD', () => {
	// A finished step d (done or with errors) sits under a newer step d of every other status.
	it.each(historyStatuses.map((status) => [status, status === 'done' || status === 'errors' ? 3 : 1] as const))(
		'a newer step d that is %s is reported as entry %i',
		(status, id) => {
			const entries = [entry(1, 'card-file', 'done'), entry(2, 'linkage', 'done'), entry(3, 'card-file', status), entry(4, 'cards', 'errors')];
			expect(lastFinishedStepD(entries)?.id).toBe(id);
		}
	);

	it.each([
		['no entries', []],
		['only other kinds', [entry(1, 'customers', 'done'), entry(2, 'linkage', 'errors')]],
		['only unfinished step d runs', [entry(1, 'card-file', 'refused'), entry(2, 'card-file', 'interrupted'), entry(3, 'card-file', 'running')]]
	])('gives null for %s', (_, entries) => {
		expect(lastFinishedStepD(entries)).toBeNull();
	});
});
