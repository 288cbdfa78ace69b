import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerTally, formatRows } from '$lib/domain';

describe('CustomerTally', () => {
	it('groups rows per customer, store-shaped IDs and others alike, in order of first row', () => {
		const tally = new CustomerTally();
		const adds: [string, number][] = [
			['US-00010005', 2],
			['X-1', 3],
			['US-00010001', 4],
			['US-00010005', 5],
			['X-1', 6],
			['US-00010009', 7]
		];
		for (const [id, row] of adds) tally.add(id, row);
		expect(tally.repeated()).toEqual([
			{ customerId: 'US-00010005', rows: [2, 5] },
			{ customerId: 'X-1', rows: [3, 6] }
		]);
		expect(tally.all().map((c) => c.customerId)).toEqual(['US-00010005', 'X-1', 'US-00010001', 'US-00010009']);
		expect(tally.uniqueIds()).toEqual(['US-00010001', 'US-00010005', 'US-00010009', 'X-1']);
		expect(['US-00010001', 'US-00010002', 'X-1', 'X-2'].map((id) => tally.has(id))).toEqual([true, false, true, false]);
	});

	it('finds repeats among ascending IDs without sorting', () => {
		const tally = new CustomerTally();
		for (const [id, row] of [['US-00000001', 1], ['US-00000002', 2], ['US-00000002', 3], ['US-00000003', 4]] as const) {
			tally.add(id, row);
		}
		expect(tally.repeated()).toEqual([{ customerId: 'US-00000002', rows: [2, 3] }]);
		expect(tally.uniqueIds()).toEqual(['US-00000001', 'US-00000002', 'US-00000003']);
	});

	// Whether a customer may repeat is known as the keys come (in ascending order, only a key added
	// twice in a row can): any order of adds — ascending, repeated, shuffled — groups as a plain count does.
	it('groups any sequence of IDs as counting them one by one does', () => {
		const id = fc.oneof(fc.integer({ min: 0, max: 12 }).map((n) => `US-${String(n).padStart(8, '0')}`), fc.constantFrom('X-1', 'X-2'));
		const ascending = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 20 }).map((steps) => {
			let key = 0;
			return steps.map((step) => `US-${String((key += step)).padStart(8, '0')}`);
		});
		fc.assert(
			fc.property(fc.oneof(fc.array(id, { maxLength: 30 }), ascending), (ids) => {
				const tally = new CustomerTally();
				const rows = new Map<string, number[]>();
				ids.forEach((customerId, i) => {
					tally.add(customerId, i + 1);
					rows.set(customerId, [...(rows.get(customerId) ?? []), i + 1]);
				});
				const expected = [...rows].map(([customerId, r]) => ({ customerId, rows: r })).filter((c) => c.rows.length > 1);
				expect(tally.repeated()).toEqual(expected);
				expect(tally.all()).toEqual([...rows].map(([customerId, r]) => ({ customerId, rows: r })));
			})
		);
	});

	it('formats row lists for messages', () => {
		expect(formatRows([2, 5])).toBe('2、5');
		expect(formatRows(Array.from({ length: 12 }, (_, i) => i + 1))).toBe('1、2、3、4、5、6、7、8、9、10ほか');
	});
});
