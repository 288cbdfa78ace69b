import { describe, expect, it } from 'vitest';
import {
	buildLinkageCsv,
	containsCardNumber,
	convertYamatoReturn,
	parseOldCartCustomers,
	type ProblemCode
} from '$lib/domain';
import { createDemoStore } from '$lib/domain/demo/demo-store';
import { fromSjis, today } from './helpers';

const demo = createDemoStore({ today });
const countCodes = (problems: { code: ProblemCode }[]) => {
	const counts: Partial<Record<ProblemCode, number>> = {};
	for (const { code } of problems) counts[code] = (counts[code] ?? 0) + 1;
	return counts;
};
const lines = (bytes: Uint8Array, decode: (bytes: Uint8Array) => string) => decode(bytes).split('\r\n').slice(0, -1);
const utf8Text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('demo store', () => {
	it('is reproducible: the same seed and day give the same bytes', () => {
		const again = createDemoStore({ today });
		for (const key of ['oldCart', 'customerList', 'yamatoReturn'] as const) {
			expect(again[key].bytes).toEqual(demo[key].bytes);
		}
		expect(createDemoStore({ today, seed: 7 }).oldCart.bytes).not.toEqual(demo.oldCart.bytes);
	});

	it('writes the old cart export in UTF-8 with a BOM, with names, kana and leading zeros', () => {
		expect([...demo.oldCart.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = lines(demo.oldCart.bytes, utf8Text);
		expect(rows).toHaveLength(31);
		expect(rows[0]).toBe('\ufeff会員番号,氏名,フリガナ,メールアドレス,電話番号,郵便番号,住所');
		expect(rows[1]).toMatch(/^001001,\S+ \S+,[ァ-ヶー]+ [ァ-ヶー]+,[a-z.]+\d+@example\.(jp|com|co\.jp),0\d{9,10},\d{3}-\d{4},\S+/);
	});

	it('registers every old-cart customer with the real core', () => {
		const { customers, report } = parseOldCartCustomers(demo.oldCart.bytes);
		expect(report).toMatchObject({ encoding: 'utf-8-bom', rows: 30, written: 30, refused: false, problems: [] });
		expect(customers.map((c) => c.linkageId)).toEqual(Array.from({ length: 30 }, (_, i) => String(1001 + i).padStart(6, '0')));
		expect(customers.every((c) => c.name && c.kana && c.email && c.phone && c.zip && c.address)).toBe(true);
	});

	it('gives a Shift_JIS customer list in registration order, two customers without 連携用ID', () => {
		const rows = lines(demo.customerList.bytes, (bytes) => fromSjis(bytes));
		expect(rows).toHaveLength(33);
		expect(rows[1].startsWith('US-00010000,001001,')).toBe(true);
		expect(rows[30].startsWith('US-00010029,001030,')).toBe(true);
		expect(rows[31].startsWith('US-00010030,,')).toBe(true);
		expect(fromSjis(demo.customerList.bytes)).toMatch(/[髙﨑]/);

		const { output, report } = buildLinkageCsv(demo.customerList.bytes);
		expect(report).toMatchObject({ encoding: 'shift_jis', rows: 32, written: demo.expected.linked });
		expect(countCodes(report.problems)).toEqual(demo.expected.linkageProblems);
		expect(lines(output!, (bytes) => fromSjis(bytes))[1]).toBe('001001,US-00010000');
	});

	it('plants a few of every kind of problem in the return file', () => {
		const list = buildLinkageCsv(demo.customerList.bytes).report;
		const { output, report } = convertYamatoReturn(demo.yamatoReturn.bytes, {
			today,
			customerIds: new Set(list.customerIds),
			sentCustomerIds: list.linkedCustomerIds
		});
		expect(report).toMatchObject({ encoding: 'shift_jis', refused: false, rows: demo.expected.returnRows, written: demo.expected.written });
		expect(countCodes(report.problems)).toEqual(demo.expected.returnProblems);
		expect(report.reconciliation.notReturnedCustomerIds).toHaveLength(demo.expected.notReturned);
		expect(report.reconciliation.multiCardCustomers).toHaveLength(1);
		expect(report.reconciliation.expiredCards).toHaveLength(1);
		expect(report.reconciliation.unknownCustomerIds).toHaveLength(1);
		expect(lines(output!, (bytes) => fromSjis(bytes))).toHaveLength(demo.expected.written + 1);
	});

	it('holds no card number anywhere, not even inside a value', () => {
		for (const key of ['oldCart', 'customerList', 'yamatoReturn'] as const) {
			const text = key === 'oldCart' ? utf8Text(demo[key].bytes) : fromSjis(demo[key].bytes);
			for (const value of text.split(/[,\r\n]/)) expect(containsCardNumber(value), value).toBe(false);
		}
	});

	it.each([
		['another day', { today: new Date('2031-02-01T00:00:00+09:00') }],
		['another seed', { today, seed: 1 }],
		['a bigger store', { today, customers: 200 }]
	])('keeps its promises on %s', (_, options) => {
		const store = createDemoStore(options);
		const list = buildLinkageCsv(store.customerList.bytes).report;
		const { report } = convertYamatoReturn(store.yamatoReturn.bytes, { today: options.today, customerIds: new Set(list.customerIds) });
		expect(countCodes(report.problems)).toEqual(store.expected.returnProblems);
		expect(report.written).toBe(store.expected.written);
	});
});
