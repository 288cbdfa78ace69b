import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translate, type Language } from '$lib/i18n';
import { customerCheckKey } from './labels';
import type { ReconciliationCounts } from '$lib/domain/report/reconciliation-groups';
import { customerCheckOf, uncheckedReasons, type CustomerCheck } from '$lib/domain/records/customer-check';
import { historyEntrySchema, historyOutcomeSchema, historyStatuses, type HistoryOutcome } from '$lib/domain/records/history-entry';
import { convertReturnFile } from '$lib/jobs/convert-return-file';
import type { ConversionOptions, ReturnFileJob } from '$lib/jobs/conversion-types';
import { customerListOf, fakePorts, fakeStore, textFile } from '$lib/jobs/fake-ports';

const counts = (hasList: boolean): ReconciliationCounts => ({
	'sent-not-returned': hasList ? 0 : null,
	'unknown-returned': hasList ? 1 : null,
	'multi-card': 0,
	expired: 0,
	written: 3
});

// What each state says, in both languages: the list's size when checked; when not, what was not
// checked, that IDs the store does not hold may have been written (a hedge: whether they were is what
// was not checked), and what to do — load the a・b list again (no list), or tick the option (off).
const says = {
	ja: {
		checked: (n: number) => `a・bの顧客一覧（顧客 ${n.toLocaleString('en-US')}件）と照合しました`,
		unchecked: ['照合していません', '返却された顧客IDがストアにあるか', 'ストアにない顧客IDも書き出している可能性があります'],
		'no-list': 'a・bで顧客一覧をもう一度読み込み、もう一度変換してください',
		off: '「読み込んだ顧客一覧と照合する」にチェックを入れ、もう一度変換してください',
		statedAsFact: '書き出しています'
	},
	en: {
		checked: (n: number) => `Checked against the customer list of steps a-b (${n.toLocaleString('en-US')} ${n === 1 ? 'customer' : 'customers'})`,
		unchecked: ['Not checked', 'the returned customer IDs are in the store', 'customer IDs the store does not hold may have been written'],
		'no-list': 'load the customer list in steps a-b again and convert again',
		off: 'tick "Check against the loaded customer list" with the customer list of steps a-b loaded, and convert again',
		statedAsFact: 'were written'
	}
} as const;

/** The words a check is shown with (result, 履歴, 移行レポート), or null when nothing is shown. */
const words = (language: Language, check: CustomerCheck | null) => {
	const key = customerCheckKey(check);
	return key && translate(language, key, check?.isChecked && check.customers !== null ? { customers: check.customers } : {});
};

/** That `text` says what `check` is, in `language`, and nothing of the other states. */
function expectSays(language: Language, check: CustomerCheck, text: string | null) {
	const say = says[language];
	expect(text).not.toBeNull();
	expect(text).not.toMatch(/\{|\}/);
	if (check.isChecked) {
		if (check.customers !== null) expect(text).toContain(say.checked(check.customers));
		for (const part of say.unchecked) expect(text).not.toContain(part);
		return;
	}
	for (const part of say.unchecked) expect(text).toContain(part);
	expect(text).not.toContain(say.statedAsFact);
	const other = check.reason === 'off' ? 'no-list' : 'off';
	expect(text).toContain(say[check.reason]);
	expect(text).not.toContain(say[other]);
}

const returnHeader = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';
const options: ConversionOptions = { encoding: 'auto', outputEncoding: 'utf-8-bom', header: true, expiryOrder: 'YYMM', service: 'YAMATO', checkCustomerList: true };
// Return files that end in each status step d records: written whole, written with an error row
// (month 13), refused (a full card number: nothing is written, nothing checked).
const files = {
	done: ['US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1', 'US-00010001,222,JCB,2911,QwErTy9876543210abC2'],
	errors: ['US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1', 'US-00010001,042,JCB,2813,QwErTy9876543210abC2'],
	refused: ['US-00010000,111,VISA,2912,4111111111111111']
} as const;
const listIds = ['US-00010000', 'US-00010001', 'US-00010002'];

/** One real step d run: its summary (the result) and its history entry as read back from storage. */
async function stepD(file: keyof typeof files, hasList: boolean, ticked: boolean) {
	const customerList = hasList ? customerListOf(listIds) : null;
	const job: ReturnFileJob = { kind: 'yamato-return', jobId: 'd-1', fileName: 'return.csv', options: { ...options, checkCustomerList: ticked }, customerListJobId: null };
	const store = fakeStore();
	const text = [returnHeader, ...files[file]].join('\r\n') + '\r\n';
	const result = (await convertReturnFile({ file: textFile(text), customerList }, job, fakePorts(store)))!;
	const id = result.report.summary.historyId!;
	return { result, entry: historyEntrySchema.parse(await store.historyEntry(id)) };
}

// Every record of a step d run tells whether it was checked against the a・b customer list, and if
// not why: status × list loaded × 「読み込んだ顧客一覧と照合する」 ticked, as the job records them.
describe('customerCheckOf over real step d runs', () => {
	const cases = (['done', 'errors', 'refused'] as const).flatMap((file) =>
		[true, false].flatMap((hasList) => [true, false].map((ticked) => [file, hasList, ticked] as const))
	);
	it.each(cases)('%s, list loaded %s, option ticked %s', async (file, hasList, ticked) => {
		const { result, entry } = await stepD(file, hasList, ticked);
		expect(entry.status).toBe(file);
		const expected: CustomerCheck | null =
			file === 'refused' ? null : hasList && ticked ? { isChecked: true, customers: listIds.length } : { isChecked: false, reason: hasList ? 'off' : 'no-list' };
		expect(customerCheckOf(result.report.summary)).toEqual(expected);
		expect(customerCheckOf(entry)).toEqual(expected);
		if (file === 'refused') {
			// Nothing was written nor checked: the record keeps no check and no reconciliation to show.
			for (const field of ['customerList', 'uncheckedReason', 'reconciliation', 'multiCardIds'] as const) {
				expect(result.outcome).not.toHaveProperty(field);
				expect(entry).not.toHaveProperty(field);
				expect(result.report.summary).not.toHaveProperty(field);
			}
		}
		for (const language of ['ja', 'en'] as const) {
			if (expected) expectSays(language, expected, words(language, customerCheckOf(entry)));
			else expect(words(language, customerCheckOf(entry))).toBeNull();
		}
	});
});

// Entries stored before this rule: refused files recorded reconciliation numbers (2026-11-30) and a
// customer list (2026-12-01), and unchecked runs no reason; read as stored, they show no check for a
// refused file, and the no-list wording for an unchecked run that does not say why.
describe('customerCheckOf over stored entries', () => {
	const stored = (outcome: Partial<HistoryOutcome> & Pick<HistoryOutcome, 'status'>) =>
		historyEntrySchema.parse({ id: 1, kind: 'card-file', fileName: 'return.csv', size: 10, sha256: '', encoding: 'utf-8', startedAt: 0, ...outcome });
	it.each<[string, Partial<HistoryOutcome> & Pick<HistoryOutcome, 'status'>, CustomerCheck | null]>([
		['refused, with the numbers kept from 2026-11-30', { status: 'refused', reconciliation: counts(false) }, null],
		['refused, with the numbers of a list', { status: 'refused', reconciliation: counts(true) }, null],
		['refused, with a list recorded (2026-12-01)', { status: 'refused', reconciliation: counts(true), customerList: { customers: 1 } }, null],
		['refused, unchecked recorded (2026-12-01)', { status: 'refused', reconciliation: counts(false), customerList: null }, null],
		['interrupted', { status: 'interrupted' }, null],
		['running', { status: 'running' }, null],
		['checked, 4 customers', { status: 'done', customerList: { customers: 4 }, reconciliation: counts(true) }, { isChecked: true, customers: 4 }],
		['checked against an empty list', { status: 'errors', customerList: { customers: 0 }, reconciliation: counts(true) }, { isChecked: true, customers: 0 }],
		['not checked, no list', { status: 'done', customerList: null, uncheckedReason: 'no-list', reconciliation: counts(false) }, { isChecked: false, reason: 'no-list' }],
		['not checked, option off', { status: 'errors', customerList: null, uncheckedReason: 'off', reconciliation: counts(false) }, { isChecked: false, reason: 'off' }],
		['not checked, stored before the reason was kept', { status: 'done', customerList: null, reconciliation: counts(false) }, { isChecked: false, reason: 'no-list' }],
		['older entry, checked (count unknown)', { status: 'done', reconciliation: counts(true) }, { isChecked: true, customers: null }],
		['older entry, not checked', { status: 'errors', reconciliation: counts(false) }, { isChecked: false, reason: 'no-list' }],
		['entry from before the reconciliation was kept', { status: 'done' }, null]
	])('%s', (_name, outcome, check) => {
		const entry = stored(outcome);
		expect(customerCheckOf(entry)).toEqual(check);
		for (const language of ['ja', 'en'] as const) {
			if (check) expectSays(language, check, words(language, customerCheckOf(entry)));
			else expect(words(language, customerCheckOf(entry))).toBeNull();
		}
	});

	// Whatever a stored entry holds: only a run that converted its file (done, errors) shows a check,
	// and a check shown reads in both languages as the state it is.
	it('shows a check only for a converted run, in words of its own state', () => {
		const listCounts = fc.option(fc.boolean().map(counts), { nil: undefined });
		fc.assert(
			fc.property(
				fc.constantFrom(...historyStatuses),
				fc.option(fc.option(fc.nat(100_000).map((customers) => ({ customers })), { nil: null }), { nil: undefined }),
				fc.option(fc.constantFrom(...uncheckedReasons), { nil: undefined }),
				listCounts,
				(status, customerList, uncheckedReason, reconciliation) => {
					const outcome = historyOutcomeSchema.parse({ status, customerList, uncheckedReason, reconciliation });
					const check = customerCheckOf(stored(outcome));
					const tells = customerList !== undefined || reconciliation !== undefined;
					expect(check !== null).toBe((status === 'done' || status === 'errors') && tells);
					if (!check) return;
					if (!check.isChecked) expect(check.reason).toBe((customerList === null && uncheckedReason) || 'no-list');
					for (const language of ['ja', 'en'] as const) expectSays(language, check, words(language, check));
				}
			)
		);
	});

	it.each([
		['ja', 1],
		['ja', 1234],
		['en', 1],
		['en', 2],
		['en', 1234]
	] as const)('%s: a checked run names the list and its %i customers', (language, customers) => {
		expectSays(language, { isChecked: true, customers }, words(language, { isChecked: true, customers }));
	});

	it('a record that does not tell shows nothing', () => {
		expect(customerCheckKey(null)).toBeNull();
	});
});
