import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n';
import { customerCheckKey } from './labels';
import type { ReconciliationCounts } from '$lib/domain/report/reconciliation-groups';
import { customerCheckOf, type CustomerCheckFacts } from '$lib/domain/records/customer-check';

const counts = (hasList: boolean): ReconciliationCounts => ({
	'sent-not-returned': hasList ? 0 : null,
	'unknown-returned': hasList ? 1 : null,
	'multi-card': 0,
	expired: 0,
	written: 3
});

// Every record of a step d run tells whether it was checked against the a・b customer list: a run
// recorded now by what it keeps, an older one by its reconciliation, one from before that not at all.
describe('customerCheckOf', () => {
	it.each<[string, CustomerCheckFacts, ReturnType<typeof customerCheckOf>]>([
		['checked, 4 customers', { customerList: { customers: 4 }, reconciliation: counts(true) }, { isChecked: true, customers: 4 }],
		['checked against an empty list', { customerList: { customers: 0 }, reconciliation: counts(true) }, { isChecked: true, customers: 0 }],
		['not checked', { customerList: null, reconciliation: counts(false) }, { isChecked: false }],
		['older entry, checked (count unknown)', { reconciliation: counts(true) }, { isChecked: true, customers: null }],
		['older entry, not checked', { reconciliation: counts(false) }, { isChecked: false }],
		['entry from before the reconciliation was kept', {}, null],
		['a refused file', { reconciliation: null }, null]
	])('%s', (_name, facts, check) => {
		expect(customerCheckOf(facts)).toEqual(check);
	});

	// What each state says, in both languages: the list's size when checked; when not, what was not
	// checked and what to do (load the a・b list again, convert again).
	const says = {
		ja: { checked: (n: number) => `a・bの顧客一覧（顧客 ${n}件）と照合しました`, notChecked: ['照合していません', 'ストアにない顧客ID', 'a・bで顧客一覧をもう一度読み込み、もう一度変換してください'] },
		en: {
			checked: (n: number) => `Checked against the customer list of steps a–b (${n} ${n === 1 ? 'customer' : 'customers'})`,
			notChecked: ['Not checked', 'customer IDs the store does not hold', 'load the customer list in steps a–b again and convert again']
		}
	} as const;
	it.each([
		['ja', 1],
		['ja', 1234],
		['en', 1],
		['en', 2],
		['en', 1234]
	] as const)('%s: a checked run names the list and its %i customers', (language, customers) => {
		const key = customerCheckKey({ isChecked: true, customers })!;
		const text = translate(language, key, { customers });
		expect(text).toContain(says[language].checked(customers).replace('1234', '1,234'));
		expect(text).not.toMatch(/\{|\}/);
	});
	it.each(['ja', 'en'] as const)('%s: an unchecked run says what was not checked and what to do; an older one says it was checked', (language) => {
		const unchecked = translate(language, customerCheckKey({ isChecked: false })!);
		for (const part of says[language].notChecked) expect(unchecked).toContain(part);
		const older = translate(language, customerCheckKey({ isChecked: true, customers: null })!);
		expect(older).not.toMatch(/\{|\}/);
		expect(older).not.toContain(says[language].notChecked[0]);
		expect(customerCheckKey(null)).toBeNull();
	});
});
