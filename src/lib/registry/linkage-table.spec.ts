import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPackedCustomers } from '$lib/domain/records/packed-customers';
import { CustomerStore } from './customer-store';
import { LinkageTable } from './linkage-table';
import { customerColumns } from './test-records';

/** The table over a store of customers with these 連携用IDs (packed in parts of 10,000), every one added from `from`. */
function tableOver(ids: string[]): { table: LinkageTable; addFrom: (from: number, to?: number) => void } {
	const store = new CustomerStore();
	for (const part of toPackedCustomers(customerColumns(ids.map((linkageId) => ({ linkageId })))).parts) store.append(part);
	const table = new LinkageTable(store);
	const addFrom = (from: number, to = ids.length) => store.eachLinkageId(from, to, (seq, text, start, end) => table.add(seq, text, start, end));
	return { table, addFrom };
}

describe('LinkageTable', () => {
	it('finds every 連携用ID after growing many times, and keeps the first of duplicates', () => {
		const ids = Array.from({ length: 25_000 }, (_, i) => `C${i}`);
		ids.push('C42');
		const { table, addFrom } = tableOver(ids);
		addFrom(0);
		expect(ids.slice(0, 25_000).every((id, seq) => table.get(id) === seq)).toBe(true);
		expect(table.get('C42')).toBe(42);
		expect(table.get('C25000')).toBeNull();
		expect(table.get('C4')).toBe(4);
		expect(table.get('')).toBeNull();
	});

	it.each([
		[0, 0],
		[1, 1],
		[3000, 3000],
		[5001, 9000],
		[100, 5001]
	])('finds the same after reserving room for %i up to seq %i first, reserved too little or too much', (count, lastSeq) => {
		const ids = Array.from({ length: 5000 }, (_, i) => `C${i % 4000}`);
		const { table, addFrom } = tableOver(ids);
		addFrom(0, 10);
		table.reserve(count, lastSeq);
		addFrom(10);
		expect(ids.every((id, seq) => table.get(id) === (seq < 4000 ? seq : seq - 4000))).toBe(true);
		expect(table.get('C4000')).toBeNull();
	});
});

describe('LinkageTable: room made ahead of the IDs, or not', () => {
	// A load sizes the table once from the stored chunks (too much when the last chunk is short, too
	// little never, but the table must not care): any room reserved at any point, in any amount, gives
	// the answers of a map from each ID to its first customer.
	it('answers as a map of first holders for any IDs and any room reserved between any adds', () => {
		const id = fc.constantFrom('C1', 'C2', 'c1', 'OC-0001', 'ＯＣ', 'x', '10', '01', 'C10');
		const plan = fc.record({
			ids: fc.array(id, { maxLength: 300 }),
			reserves: fc.array(fc.record({ at: fc.nat({ max: 300 }), count: fc.nat({ max: 5000 }), lastSeq: fc.nat({ max: 5000 }) }), { maxLength: 4 })
		});
		fc.assert(
			fc.property(plan, ({ ids, reserves }) => {
				const { table, addFrom } = tableOver(ids);
				let added = 0;
				for (const { at, count, lastSeq } of [...reserves].sort((a, b) => a.at - b.at)) {
					const to = Math.min(at, ids.length);
					if (to > added) addFrom(added, to);
					added = Math.max(added, to);
					table.reserve(count, lastSeq);
				}
				addFrom(added);
				const first = new Map<string, number>();
				ids.forEach((value, seq) => first.has(value) || first.set(value, seq));
				for (const value of ['C1', 'C2', 'c1', 'OC-0001', 'ＯＣ', 'x', '10', '01', 'C10', 'C3', '']) expect(table.get(value)).toBe(first.get(value) ?? null);
			}),
			{ numRuns: 200 }
		);
	});
});
