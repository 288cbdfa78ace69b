import { describe, expect, it } from 'vitest';
import type { ReportFigures } from '$lib/domain/report/report-figures';
import { supportMessage } from './support-message';

/** Figures of a report without a step d run named (as before one is recorded). */
const facts = (figures: Omit<ReportFigures, 'stepDRun' | 'cardsFrom'> & Partial<ReportFigures>): ReportFigures => ({ stepDRun: null, cardsFrom: null, ...figures });

describe('supportMessage', () => {
	it.each([
		['ja', { source: 'cards', multiCardCount: 1, multiCardIds: ['US-00010004'], expiredCount: 1, stepDCheck: null }, ['複数枚のカードを登録している顧客が 1人います。顧客ID：US-00010004', '有効期限切れのカードが 1枚', '移行前に連絡するよう']],
		['ja', { source: 'cards', multiCardCount: 2, multiCardIds: ['US-00010004', 'US-00010007'], expiredCount: 0, stepDCheck: null }, ['2人います。顧客ID：US-00010004、US-00010007', 'どのように移行すればよいか']],
		['ja', { source: 'cards', multiCardCount: 0, multiCardIds: [], expiredCount: 3, stepDCheck: null }, ['複数枚のカードを登録している顧客はいません。', '3枚あります', 'ご確認ください']],
		['en', { source: 'cards', multiCardCount: 1, multiCardIds: ['US-00010004'], expiredCount: 1, stepDCheck: null }, ['1 customer has several cards registered. Customer IDs: US-00010004', '1 card has expired', 'before migrating']],
		['en', { source: 'cards', multiCardCount: 3, multiCardIds: ['US-1', 'US-2', 'US-3'], expiredCount: 2, stepDCheck: null }, ['3 customers have several cards', 'US-1, US-2 and US-3', '2 cards have expired']],
		['en', { source: 'cards', multiCardCount: 0, multiCardIds: [], expiredCount: 0, stepDCheck: null }, ['No customer has several cards registered.', 'go ahead']]
	] as const)('%s %j', (language, figures, parts) => {
		const text = supportMessage(language, facts(figures));
		for (const part of parts) expect(text).toContain(part);
		if (figures.expiredCount === 0) expect(text).not.toMatch(/expired|有効期限切れ/);
	});

	it.each(['ja', 'en'] as const)('names at most the cap of IDs and counts the rest (%s)', (language) => {
		const ids = Array.from({ length: 60 }, (_, i) => `US-${String(10000 + i).padStart(8, '0')}`);
		const text = supportMessage(language, facts({ source: 'cards', multiCardCount: 75, multiCardIds: ids, expiredCount: 0, stepDCheck: null }), 50);
		expect(text).toContain(ids[49]);
		expect(text).not.toContain(ids[50]);
		expect(text).toContain(language === 'ja' ? 'ほか 25人' : '25 more');
	});

	// The message after step d alone (cards not registered yet): the multi-card customers named by ID,
	// never "see step d's lists", and whether the return file was checked against the a・b list.
	it.each([
		['ja', { isChecked: true, customers: 30 }, ['顧客が 2人います', '顧客ID：US-00010004、US-00010009', 'a・bの顧客一覧（顧客 30件）と照合して変換しました'], ['照合結果の一覧にあります', '照合せずに']],
		['ja', { isChecked: false, reason: 'no-list' }, ['顧客ID：US-00010004、US-00010009', 'a・bの顧客一覧と照合せずに変換しました', '顧客IDがストアにあるかは確認していません'], ['照合して変換しました']],
		['ja', { isChecked: false, reason: 'off' }, ['a・bの顧客一覧と照合せずに変換しました', '顧客IDがストアにあるかは確認していません'], ['照合して変換しました']],
		['en', { isChecked: true, customers: 1 }, ['2 customers have several cards', 'Customer IDs: US-00010004 and US-00010009', 'customer list of steps a-b (1 customer)'], ['reconciliation lists', 'did not check']],
		['en', { isChecked: false, reason: 'no-list' }, ['Customer IDs: US-00010004 and US-00010009', 'did not check the return file against the customer list of steps a-b', 'whether the returned customer IDs are in the store was not checked'], ['(1 customer)']],
		['en', { isChecked: false, reason: 'off' }, ['did not check the return file against the customer list of steps a-b', 'whether the returned customer IDs are in the store was not checked'], ['(1 customer)']]
	] as const)('%s after step d, check %j', (language, stepDCheck, parts, absent) => {
		const text = supportMessage(language, facts({ source: 'step-d', multiCardCount: 2, multiCardIds: ['US-00010004', 'US-00010009'], expiredCount: 0, stepDCheck }));
		for (const part of parts) expect(text).toContain(part);
		for (const part of absent) expect(text).not.toContain(part);
	});
});

describe('supportMessage: where every multi-card customer is listed when it names only some', () => {
	const ids = (count: number) => Array.from({ length: count }, (_, i) => `US-${String(10000 + i).padStart(8, '0')}`);
	const where = {
		ja: { table: '全員の顧客IDは、添付の移行レポート（PDF）の「複数枚のカードを持つ顧客」の表にあります', first: (n: string) => `表には、最初の${n}人の顧客IDを載せています`, stepD: '全員の顧客IDは、添付するステップdの照合結果の一覧「複数枚のカードを持つ顧客」（CSV）にあります' },
		en: { table: 'listed by ID in the table “Customers with several cards” of the attached migration report', first: (n: string) => `lists the IDs of the first ${n} of these customers`, stepD: 'listed by ID in step d’s reconciliation list “Customers with several cards” (CSV), attached' }
	} as const;
	// [source, customers counted, IDs known (the registry lists up to 1,000; a step d entry keeps 50), the line expected]
	it.each([
		['cards', 50, 50, null],
		['cards', 60, 60, 'table'],
		['cards', 1000, 1000, 'table'],
		['cards', 1500, 1000, 'first'],
		['step-d', 50, 50, null],
		['step-d', 60, 50, 'stepD'],
		// A step d recorded before the history kept IDs: its line already points at step d's lists.
		['step-d', 60, 0, null]
	] as const)('%s: %i customers, %i IDs known', (source, count, known, line) => {
		for (const language of ['ja', 'en'] as const) {
			const text = supportMessage(language, facts({ source, multiCardCount: count, multiCardIds: ids(known), expiredCount: 0, stepDCheck: null }))!;
			const say = where[language];
			expect(text.includes(say.table)).toBe(line === 'table');
			expect(text.includes(say.first(known.toLocaleString('en')))).toBe(line === 'first');
			expect(text.includes(say.stepD)).toBe(line === 'stepD');
			// The message names the first 50 and counts the rest, whatever it says of the list.
			if (known > 50) expect(text).toContain(language === 'ja' ? `ほか ${(count - 50).toLocaleString('en')}人` : `${(count - 50).toLocaleString('en')} more`);
		}
	});
});
