import { describe, expect, it } from 'vitest';
import { historyStatuses, type HistoryStatus } from '$lib/domain/records/history-entry';
import { translate } from '$lib/i18n';
import { knownRows, unknownRowsKey } from './labels';

// 履歴's 行数: an interrupted or running entry stores 0 rows, which must not read as an empty file.
describe('knownRows', () => {
	it.each([
		['interrupted', 0, null],
		['running', 0, null],
		['interrupted', 12, 12],
		['done', 0, 0],
		['errors', 0, 0],
		['refused', 0, 0],
		['done', 1_000_000, 1_000_000]
	] as [HistoryStatus, number, number | null][])('%s with %i rows → %s', (status, rows, shown) => {
		expect(knownRows({ status, rows })).toBe(shown);
	});

	it.each(historyStatuses.flatMap((status) => (['ja', 'en'] as const).map((language) => [status, language] as const)))(
		'an unknown count under %s has a note in %s',
		(status, language) => {
			const note = translate(language, unknownRowsKey(status));
			expect(note).not.toBe(unknownRowsKey(status));
			expect(note.length).toBeGreaterThan(0);
		}
	);
});
