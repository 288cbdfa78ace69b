import { describe, expect, it } from 'vitest';
import { historyStatuses, type HistoryStatus } from '$lib/domain/records/history-entry';
import { translate } from '$lib/i18n';
import { completionReportOf } from '$lib/domain/records/run-outcome';
import { registryListName } from '$lib/domain/records/list-source';
import { fileNameText, hasFile, knownRows, moreProblemsMessage, reportKey, unknownRowsKey } from './labels';

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
			const report = completionReportOf({ rows: 0, succeeded: 0, skipped: 0, failed: 0, errors: 0, warnings: 0, status });
			const { interrupted: _interrupted, listedWarnings: _listed, listedProblems: _problems, errorProblems: _errorProblems, ...counts } = report;
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

// The line under the problems a notice quotes: what it left to the history, by severity, in both languages.
describe('moreProblemsMessage', () => {
	it.each([
		['ja', 0, 0, null],
		['ja', 2, 0, 'ほかにエラーが2件あります。履歴で確認できます。'],
		['ja', 0, 1, 'ほかに警告が1件あります。履歴で確認できます。'],
		['ja', 1, 7, 'ほかにエラーが1件、警告が7件あります。履歴で確認できます。'],
		['en', 0, 0, null],
		['en', 1, 0, '1 more error in the history.'],
		['en', 0, 2, '2 more warnings in the history.'],
		['en', 1, 1, '1 more error and 1 warning in the history.'],
		['en', 3, 1200, '3 more errors and 1,200 warnings in the history.']
	] as const)('%s: %i errors and %i warnings left out → %s', (language, moreErrors, moreWarnings, text) => {
		const message = moreProblemsMessage({ moreErrors, moreWarnings });
		expect(message && translate(language, message.key, message.params)).toBe(text);
	});
});
