import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { supportMessage } from '$lib/i18n/support-message';
import type { ReconciliationCounts } from './reconciliation-groups';
import { reportFigures, type RegisteredFindings, type StepDFacts } from './report-figures';

const counts = (multi: number, expired: number, hasList = false): ReconciliationCounts => ({
	'sent-not-returned': hasList ? 0 : null,
	'unknown-returned': hasList ? 0 : null,
	'multi-card': multi,
	expired,
	written: 10
});
/** A step d entry as the history keeps it: its numbers, the multi-card IDs, the list checked against. */
const stepD = (multi: number, expired: number, ids: string[] = [], customers: number | null = null): StepDFacts => ({
	status: 'done',
	reconciliation: counts(multi, expired, customers !== null),
	multiCardIds: ids,
	customerList: customers === null ? null : { customers },
	...(customers === null && { uncheckedReason: 'no-list' as const })
});
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
		['none', undefined, null, { source: 'none', multiCardCount: 0, multiCardIds: [], expiredCount: 0, stepDCheck: null }],
		['none (registry read, empty)', null, registered(0, [], 0), { source: 'none', multiCardCount: 0, multiCardIds: [], expiredCount: 0, stepDCheck: null }],
		['only step d (demo a・b, then d)', stepD(1, 1, ['US-00010004'], 30), registered(0, [], 0), { source: 'step-d', multiCardCount: 1, multiCardIds: ['US-00010004'], expiredCount: 1, stepDCheck: { isChecked: true, customers: 30 } }],
		['only step d, unchecked (after a reload)', stepD(1, 0, ['US-00010004']), registered(0, [], 0), { source: 'step-d', multiCardCount: 1, multiCardIds: ['US-00010004'], expiredCount: 0, stepDCheck: { isChecked: false, reason: 'no-list' } }],
		['only step d, recorded before the IDs were kept', { status: 'done', reconciliation: counts(2, 0, true) }, null, { source: 'step-d', multiCardCount: 2, multiCardIds: [], expiredCount: 0, stepDCheck: { isChecked: true, customers: null } }],
		['only cards imported', undefined, registered(5, ['US-00010004'], 2), { source: 'cards', multiCardCount: 1, multiCardIds: ['US-00010004'], expiredCount: 2, stepDCheck: null }],
		['both: the registered cards are what migrates', stepD(3, 0, ['US-7', 'US-8', 'US-9'], 4), registered(4, ['US-1'], 1), { source: 'cards', multiCardCount: 1, multiCardIds: ['US-1'], expiredCount: 1, stepDCheck: { isChecked: true, customers: 4 } }]
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
				(d, r, language) => {
					// A step d keeps every multi-card ID up to its cap: here one more customer than it named.
					const record = d && stepD(d[0].length === 0 ? 0 : d[0].length + 1, d[1], d[0], d[2]);
					const counts = record?.reconciliation;
					const found = r && registered(r[1].length > 0 ? Math.max(r[0], r[1].length * 2) : r[0], r[1], r[2]);
					const figures = reportFigures(record, found);
					// The figures are those of the section the page shows for the source.
					const shown = found && found.cards > 0 ? found : counts ? { multiCardCount: counts['multi-card'], expiredCount: counts.expired } : null;
					expect(figures.multiCardCount).toBe(shown?.multiCardCount ?? 0);
					expect(figures.expiredCount).toBe(shown?.expiredCount ?? 0);
					const text = supportMessage(language, figures);
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
					const checked = language === 'ja' ? 'a・bの顧客一覧（顧客 ' : 'against the customer list of steps a–b (';
					const unchecked = language === 'ja' ? '照合せずに変換しました' : 'did not check the return file';
					expect(text.includes(checked)).toBe(d !== undefined && d[2] !== null);
					if (d && d[2] !== null) expect(text).toContain(`${checked}${d[2].toLocaleString('en')}`);
					expect(text.includes(unchecked)).toBe(d !== undefined && d[2] === null);
				}
			)
		);
	});
});
