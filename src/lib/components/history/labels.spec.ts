import { describe, expect, it } from 'vitest';
import { historyStatuses, type HistoryStatus } from '$lib/domain/records/history-entry';
import { translate } from '$lib/i18n';
import { completionReportOf } from '$lib/domain/records/run-outcome';
import { registryListName } from '$lib/domain/records/list-source';
import { fileNameText, hasFile, knownRows, reportKey, unknownRowsKey } from './labels';

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

// The bell's report of a run: an interrupted run (中断) says so instead of "Read 0 rows · registered 0".
describe('reportKey', () => {
	const kinds = ['customers', 'cards', 'linkage', 'card-file'] as const;
	it.each(historyStatuses.flatMap((status) => kinds.flatMap((kind) => (['ja', 'en'] as const).map((language) => [status, kind, language] as const))))(
		'a %s %s run reads in %s',
		(status, kind, language) => {
			const report = completionReportOf({ rows: 0, succeeded: 0, skipped: 0, failed: 0, warnings: 0, status });
			const { interrupted: _interrupted, listedWarnings: _listed, ...counts } = report;
			const text = translate(language, reportKey({ kind, report }), counts);
			const interrupted = language === 'ja' ? '中断' : 'Interrupted';
			expect(text.includes(interrupted)).toBe(status === 'interrupted');
			if (status === 'interrupted') expect(text).not.toMatch(/\d/);
			else expect(text).toMatch(language === 'ja' ? /読み込み 0行/ : /Read 0 rows/);
		}
	);

	it('an older notice, stored without the mark, keeps its counts', () => {
		expect(reportKey({ kind: 'customers', report: {} })).toBe('bell.report');
	});
});

// A list from the registry is named in the language of the moment, whatever an older entry stored.
describe('fileNameText and hasFile', () => {
	it.each([
		['linkage', registryListName, 'ja', '登録済みの顧客', false],
		['linkage', registryListName, 'en', 'Registered customers', false],
		['linkage', '登録済みの顧客', 'en', 'Registered customers', false],
		['linkage', 'Registered customers', 'ja', '登録済みの顧客', false],
		['linkage', 'list.csv', 'en', 'list.csv', true],
		['customers', '登録済みの顧客', 'en', '登録済みの顧客', true]
	] as const)('%s %j in %s reads %j (has a file: %s)', (kind, fileName, language, shown, withFile) => {
		expect(fileNameText({ kind, fileName }, (key) => translate(language, key))).toBe(shown);
		expect(hasFile({ kind, fileName })).toBe(withFile);
	});
});
