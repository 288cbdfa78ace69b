import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { supportMessage } from '$lib/i18n/support-message';
import type { ReconciliationCounts } from './reconciliation-groups';
import { fallbackHistoryEntry, type HistoryEntry } from '../records/history-entry';
import { lastFinishedCardImport, lastFinishedStepD } from '../records/last-step-d';
import { dateTimeText } from '$lib/i18n/plural';
import { cardsFromRun, reportFigures, type CardImportFacts, type RegisteredFindings, type StepDFacts } from './report-figures';

const counts = (multi: number, expired: number, hasList = false): ReconciliationCounts => ({
	'sent-not-returned': hasList ? 0 : null,
	'unknown-returned': hasList ? 0 : null,
	'multi-card': multi,
	expired,
	written: 10
});
const run = { status: 'done' as const, fileName: 'return.csv', startedAt: Date.UTC(2026, 10, 30, 3, 0, 0), succeeded: 10 };
/** A step d entry as the history keeps it: its file, its numbers, the multi-card IDs, the list checked against. */
const stepD = (multi: number, expired: number, ids: string[] = [], customers: number | null = null): StepDFacts => ({
	...run,
	reconciliation: counts(multi, expired, customers !== null),
	multiCardIds: ids,
	customerList: customers === null ? null : { customers },
	...(customers === null && { uncheckedReason: 'no-list' as const })
});
const named = { stepDRun: { fileName: run.fileName, startedAt: run.startedAt } };
const registered = (cards: number, ids: string[], expired: number): RegisteredFindings => ({
	cards,
	multiCardCount: ids.length,
	multiCard: ids.map((id) => ({ id })),
	expiredCount: expired
});

// The lines of the message that name a group, and what they must say for a count (SPEC §6).
const says = {
	ja: { multi: (n: number) => `顧客が ${n}人います`, multiNone: '顧客はいません', expired: (n: number) => `有効期限切れのカードが ${n}枚` },
	en: { multi: (n: number) => `${n} customer`, multiNone: 'no customer has several cards', expired: (n: number) => `${n} card` }
} as const;

describe('reportFigures: one source for the report tables and its message', () => {
	// The report states the operator meets: nothing yet, only step d, only cards imported, both.
	it.each([
		['none', undefined, null, { source: 'none', multiCardCount: 0, multiCardIds: [], expiredCount: 0, stepDCheck: null, stepDRun: null, cardsFrom: null }],
		['none (registry read, empty)', null, registered(0, [], 0), { source: 'none', multiCardCount: 0, multiCardIds: [], expiredCount: 0, stepDCheck: null, stepDRun: null, cardsFrom: null }],
		['only step d (demo a・b, then d)', stepD(1, 1, ['US-00010004'], 30), registered(0, [], 0), { source: 'step-d', multiCardCount: 1, multiCardIds: ['US-00010004'], expiredCount: 1, stepDCheck: { isChecked: true, customers: 30 }, ...named, cardsFrom: null }],
		['only step d, unchecked (after a reload)', stepD(1, 0, ['US-00010004']), registered(0, [], 0), { source: 'step-d', multiCardCount: 1, multiCardIds: ['US-00010004'], expiredCount: 0, stepDCheck: { isChecked: false, reason: 'no-list' }, ...named, cardsFrom: null }],
		['only step d, recorded before the IDs were kept', { ...run, reconciliation: counts(2, 0, true) }, null, { source: 'step-d', multiCardCount: 2, multiCardIds: [], expiredCount: 0, stepDCheck: { isChecked: true, customers: null }, ...named, cardsFrom: null }],
		['only cards imported', undefined, registered(5, ['US-00010004'], 2), { source: 'cards', multiCardCount: 1, multiCardIds: ['US-00010004'], expiredCount: 2, stepDCheck: null, stepDRun: null, cardsFrom: null }],
		['both, no import recorded after step d', stepD(3, 0, ['US-7', 'US-8', 'US-9'], 4), registered(4, ['US-1'], 1), { source: 'cards', multiCardCount: 1, multiCardIds: ['US-1'], expiredCount: 1, stepDCheck: { isChecked: true, customers: 4 }, ...named, cardsFrom: { is: 'before-run' } }]
	] as const)('%s', (_, record, found, figures) => {
		expect(reportFigures(record, found)).toEqual(figures);
	});

	it('the message states each group as the shown figure, in both languages, in every state', () => {
		const ids = fc.uniqueArray(fc.integer({ min: 1, max: 99_999_999 }).map((n) => `US-${String(n).padStart(8, '0')}`), { maxLength: 4 });
		fc.assert(
			fc.property(
				fc.option(fc.tuple(ids, fc.nat(50), fc.option(fc.nat(5000), { nil: null })), { nil: undefined }),
				fc.option(fc.tuple(fc.nat(20), ids, fc.nat(20)), { nil: null }),
				fc.constantFrom('ja' as const, 'en' as const),
				// The last card import: started before or after the run finished, of its rows or not, of its output's size or not.
				fc.option(fc.record({ after: fc.boolean(), rows: fc.oneof(fc.constant(10), fc.integer({ min: 0, max: 30 })), sizeSame: fc.boolean(), outputRecorded: fc.boolean() }), { nil: null }),
				fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
				(d, r, language, i, startedAt) => {
					// A step d keeps every multi-card ID up to its cap: here one more customer than it named.
					const made = d && stepD(d[0].length === 0 ? 0 : d[0].length + 1, d[1], d[0], d[2]);
					const record = made && { ...made, startedAt, finishedAt: startedAt + 5000, ...(i?.outputRecorded ? { outputSize: 2048 } : {}) };
					const counts = record?.reconciliation;
					const found = r && registered(r[1].length > 0 ? Math.max(r[0], r[1].length * 2) : r[0], r[1], r[2]);
					const imported: CardImportFacts | null = i && { fileName: 'import.csv', startedAt: startedAt + (i.after ? 6000 : 1000), rows: i.rows, size: i.sizeSame ? 2048 : 4096 };
					const figures = reportFigures(record, found, imported);
					// The figures are those of the section the page shows for the source.
					const shown = found && found.cards > 0 ? found : counts ? { multiCardCount: counts['multi-card'], expiredCount: counts.expired } : null;
					expect(figures.multiCardCount).toBe(shown?.multiCardCount ?? 0);
					expect(figures.expiredCount).toBe(shown?.expiredCount ?? 0);
					const message = supportMessage(language, figures);
					// Nothing rehearsed (no step d recorded, no card registered): no message to send, never one
					// that reads as a clean rehearsal asking to go ahead (operator trial).
					expect(message === null).toBe(figures.source === 'none');
					if (message === null) return;
					const text = message;
					const say = says[language];
					if (figures.multiCardCount > 0) {
						expect(text).toContain(say.multi(figures.multiCardCount));
						expect(text.toLowerCase()).not.toContain(say.multiNone);
					} else expect(text.toLowerCase()).toContain(say.multiNone);
					if (figures.expiredCount > 0) expect(text).toContain(say.expired(figures.expiredCount));
					else expect(text).not.toMatch(/expired|有効期限切れ/);
					// A figure from step d says so, and names no customer it cannot know.
					expect(text.includes(language === 'ja' ? 'ステップdで変換した' : 'converted at step d')).toBe(figures.source === 'step-d');
					for (const id of figures.multiCardIds) expect(text).toContain(id);
					// Step d's multi-card customers are named by ID (what it kept; the one more is counted).
					if (figures.source === 'step-d') {
						expect(figures.multiCardIds).toEqual(d![0]);
						if (figures.multiCardCount > 0) expect(text).toContain(language === 'ja' ? 'ほか 1人' : '1 more');
					}
					// Whatever the source, the message says whether the last step d was checked, and against how many.
					const checked = language === 'ja' ? 'a・bの顧客一覧（顧客 ' : 'against the customer list of steps a-b (';
					const unchecked = language === 'ja' ? '照合せずに変換しました' : 'did not check the return file';
					expect(text.includes(checked)).toBe(d !== undefined && d[2] !== null);
					if (d && d[2] !== null) expect(text).toContain(`${checked}${d[2].toLocaleString('en')}`);
					expect(text.includes(unchecked)).toBe(d !== undefined && d[2] === null);
					// With a step d, the message names the run it speaks for: its file and its time in the language.
					const runLine = language === 'ja' ? `ここで言うステップdは、${dateTimeText('ja', startedAt)}（日本時間）に返却ファイル「return.csv」` : `conversion of the return file “return.csv” on ${dateTimeText('en', startedAt)}`;
					expect(text.includes(runLine)).toBe(record !== undefined);
					// With registered cards and a step d, it says when those cards are not from the run's output.
					expect(figures.cardsFrom !== null).toBe(record !== undefined && figures.source === 'cards');
					const from = figures.cardsFrom;
					if (from?.is === 'this-run') {
						expect(imported!.startedAt).toBeGreaterThanOrEqual(record!.finishedAt);
						expect(imported!.rows).toBe(counts!.written);
						if (record!.outputSize !== undefined) expect(imported!.size).toBe(record!.outputSize);
					}
					if (from && from.is !== 'this-run') {
						const isFromRun = imported !== null && imported.startedAt >= record!.finishedAt && imported.rows === counts!.written && (record!.outputSize === undefined || imported.size === record!.outputSize);
						expect(isFromRun).toBe(false);
					}
					const notFromRun = language === 'ja' ? '登録済みのカードは、このステップdが書き出したファイル' : 'The registered cards were not registered from the file this step d wrote';
					expect(text.includes(notFromRun)).toBe(from !== null && from.is !== 'this-run');
					if (from?.is === 'other-rows' || from?.is === 'other-file') expect(text).toContain(language === 'ja' ? '「import.csv」' : '“import.csv”');
					if (from?.is === 'other-rows') expect(text).toContain(language === 'ja' ? `（${from.written}行）` : `(${from.written} ${from.written === 1 ? 'row' : 'rows'})`);
				}
			)
		);
	});

	// Where the registered cards come from, against the step d run the report speaks for (finished at t + 5 s, 10 rows written).
	const t = Date.UTC(2026, 10, 30, 3, 0, 0);
	const ran: StepDFacts = { ...stepD(0, 0), startedAt: t, finishedAt: t + 5000, outputSize: 2048 };
	const card = (startedAt: number, rows: number, size: number): CardImportFacts => ({ fileName: 'import.csv', startedAt, rows, size });
	it.each([
		['no import recorded', ran, null, 'before-run'],
		['imported before the run finished', ran, card(t + 4000, 10, 2048), 'before-run'],
		['imported after it, its rows and size', ran, card(t + 6000, 10, 2048), 'this-run'],
		['imported after it, other rows', ran, card(t + 6000, 9, 2048), 'other-rows'],
		['imported after it, its rows, another size', ran, card(t + 6000, 10, 2050), 'other-file'],
		['a run recorded before its output size was kept: rows decide', { ...ran, outputSize: undefined }, card(t + 6000, 10, 2050), 'this-run'],
		['a run without reconciliation numbers: rows written decide', { status: 'done' as const, fileName: 'old.csv', startedAt: t, succeeded: 7 }, card(t + 6000, 7, 1), 'this-run']
	] as const)('cardsFromRun: %s', (_, record, imported, is) => {
		expect(cardsFromRun(record, imported).is).toBe(is);
	});

	// The operator's case: a checked run (23 written), an unchecked run of the same file (24 written),
	// then the first run's CSV registered (23 rows). The report speaks for the second run and says the
	// registered cards are not its output, naming the file registered and both counts.
	it.each(['ja', 'en'] as const)('names the run and the file registered when they differ (%s)', (language) => {
		const entry = (id: number, kind: 'card-file' | 'cards', at: number, facts: Partial<HistoryEntry>): HistoryEntry => ({ ...fallbackHistoryEntry, id, kind, status: 'done', startedAt: at, finishedAt: at + 2000, ...facts });
		const history = [
			entry(1, 'card-file', t, { fileName: 'yamato.csv', succeeded: 23, reconciliation: { ...counts(0, 0, true), written: 23 }, customerList: { customers: 30 }, outputSize: 1900 }),
			entry(2, 'card-file', t + 60_000, { fileName: 'yamato.csv', succeeded: 24, reconciliation: { ...counts(0, 0), written: 24 }, customerList: null, outputSize: 1980 }),
			entry(3, 'cards', t + 120_000, { fileName: 'import_first.csv', rows: 23, size: 1900, succeeded: 23 })
		];
		const figures = reportFigures(lastFinishedStepD(history), registered(23, [], 0), lastFinishedCardImport(history));
		expect(figures.stepDRun).toEqual({ fileName: 'yamato.csv', startedAt: t + 60_000 });
		expect(figures.cardsFrom).toMatchObject({ is: 'other-rows', written: 24, imported: { fileName: 'import_first.csv', rows: 23 } });
		const text = supportMessage(language, figures);
		const date = dateTimeText(language, t + 60_000);
		expect(text).toContain(language === 'ja' ? `${date}（日本時間）に返却ファイル「yamato.csv」を変換したもの` : `“yamato.csv” on ${date} (Japan time)`);
		expect(text).toContain(language === 'ja' ? 'このステップdが書き出したファイル（24行）ではなく' : 'the file this step d wrote (24 rows) but from “import_first.csv” (23 rows)');
		expect(text).toContain(language === 'ja' ? '照合せずに変換しました' : 'did not check the return file');
	});
});
