import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerColumnKeys, type CustomerColumns, type CustomerRecord } from '$lib/domain/records/customer';
import { customerIdOf } from '$lib/domain/records/customer-id';
import { prefixPage } from './customer-page';
import { RegistryIndex, type CustomerView, type SearchRequest } from './registry-index';
import type { SearchField } from './registry-search';
import { cardColumns, customerColumns } from './test-records';

// Small alphabets, so that queries drawn from them match some customers and miss others; an empty
// 連携用ID is a placeholder (an unreadable stored chunk), never listed.
const linkageId = fc.constantFrom('', 'OC-0001', 'OC-0002', 'oc-0010', 'ＯＣ－００２０', 'A 1', 'B2');
// Any text too: widths, kana, case, spaces of every kind, astral characters, the key separator.
const anyText = fc.string({ unit: fc.constantFrom('a', 'B', '0', '-', 'ａ', 'や', 'ヤ', 'ﾔ', 'ﾞ', '山', ' ', '\u3000', '\u00a0', '\u200b', '𠮷', '\u0001'), maxLength: 4 });
const name = fc.oneof(fc.constantFrom('', '山田 花子', 'やまだ はなこ', 'ヤマダ', 'Yamada Hanako', '髙橋', 'ﾀｶﾊｼ'), anyText);
const email = fc.oneof(fc.constantFrom('', 'hanako@example.jp', 'HANAKO@EXAMPLE.JP', 'yamada@shop.jp'), anyText);
const phone = fc.oneof(fc.constantFrom('', '03-1234-5678', '０９０１２３４５６７８', '(03) 1234 5678'), anyText);
const customer = fc.record({ linkageId, name, kana: name, email, phone });
const fields: SearchField[] = ['all', 'id', 'linkageId', 'name', 'email', 'phone'];
const query = fc.oneof(
	fc.constantFrom('', ' ', 'OC', 'oc-000', 'ＯＣ', '0002', 'やまだ', 'ヤマダ', 'hanako', 'HANAKO@', '1234', '03-1234', '髙', 'us-0001', 'US-00010003', customerIdOf(5)),
	fc.string({ maxLength: 3 }),
	anyText
);

/** Rows `from`–`to` of every column. */
function sliceOf(columns: CustomerColumns, from: number, to: number): CustomerColumns {
	const slice = {} as CustomerColumns;
	for (const key of customerColumnKeys) slice[key] = columns[key].slice(from, to);
	return slice;
}

/** What a page shows of its customers before their cards are read. */
function withoutCards(rows: CustomerView[]) {
	return rows.map(({ cards: _, ...rest }) => rest);
}

const registry = fc.record({
	customers: fc.array(customer, { minLength: 0, maxLength: 40 }),
	// Where the load has got to after each read: customers appended so far, ascending.
	cuts: fc.array(fc.nat({ max: 40 }), { maxLength: 5 }),
	fieldIndex: fc.nat({ max: fields.length - 1 }),
	query,
	offset: fc.nat({ max: 12 }),
	limit: fc.integer({ min: 1, max: 6 })
});

/**
 * The search of `input` asked after each read of a load, as the worker does: the whole answer (over a
 * registry with a card per customer when `withCards`), and per read the registry read so far and
 * whether every customer is in.
 */
function* readsOf(input: typeof registry extends fc.Arbitrary<infer T> ? T : never, withCards: boolean) {
	const { customers, cuts, fieldIndex, query, offset, limit } = input;
	const all = customerColumns(customers as (Partial<CustomerRecord> & { linkageId: string })[]);
	const count = customers.length;
	const request: SearchRequest = { query, field: fields[fieldIndex], offset, limit };
	const whole = new RegistryIndex();
	whole.appendCustomers(all);
	if (withCards) whole.appendCards(cardColumns(customers.map((_, seq) => ({ customerSeq: seq }))));
	const expected = whole.search(request);
	// The load appends in reads; a search between two reads builds its keys on what is there, and
	// later reads extend them.
	const loading = new RegistryIndex();
	let read = 0;
	for (const cut of [...cuts.map((c) => Math.min(c, count)).sort((a, b) => a - b), count]) {
		if (cut > read) loading.appendCustomers(sliceOf(all, read, cut));
		read = Math.max(read, cut);
		yield { loading, request, count, expected, customersRead: read === count };
	}
}

describe('prefixPage: a search answered from the customers a load has read so far', () => {
	it('gives, for any registry, query and point of the load, the whole answer’s rows in its order for every page it marks final', () => {
		fc.assert(
			fc.property(registry, (input) => {
				const { offset, limit } = input;
				for (const { loading, request, count, expected, customersRead } of readsOf(input, true)) {
					const page = prefixPage(loading, request, customersRead, count);
					const found = loading.search(request).total;
					if (page === null) {
						// Withheld only while it could still change: not every customer read, the page not yet full.
						expect(customersRead).toBe(false);
						expect(found).toBeLessThan(offset + limit);
						continue;
					}
					expect(withoutCards(page.rows)).toEqual(withoutCards(expected.rows));
					expect(page.rows.every((row) => row.cards.length === 0)).toBe(true);
					expect(page.cardsPending).toBe(true);
					expect(page.totalPending === true).toBe(!customersRead);
					expect(page.countingMatches === true).toBe(!customersRead);
					expect(page.rowsPending).toBeUndefined();
					if (customersRead) expect(page.total).toBe(expected.total);
					else expect(page.total).toBeLessThanOrEqual(expected.total);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('gives with `partial` a page at every point of the load: the final one as without it, else marked rowsPending and the first of the whole answer’s rows', () => {
		fc.assert(
			fc.property(registry, (input) => {
				const { offset, limit } = input;
				for (const { loading, request, count, expected, customersRead } of readsOf(input, false)) {
					const final = prefixPage(loading, request, customersRead, count);
					const page = prefixPage(loading, request, customersRead, count, true);
					expect(page).not.toBeNull();
					if (final !== null) {
						expect(page).toEqual(final);
						continue;
					}
					// Not final: the matches so far, marked so; its rows begin the whole answer's page, in order.
					expect(page!.rowsPending).toBe(true);
					expect(page!.totalPending).toBe(true);
					expect(page!.countingMatches).toBe(true);
					expect(page!.cardsPending).toBe(true);
					expect(page!.total).toBeLessThan(offset + limit);
					expect(page!.total).toBeLessThanOrEqual(expected.total);
					expect(withoutCards(page!.rows)).toEqual(withoutCards(expected.rows).slice(0, page!.rows.length));
				}
			}),
			{ numRuns: 300 }
		);
	});

	it.each([
		['a page filled by the first customers read, its total still counting', 'OC', 0, 2, 3, { totalPending: true, countingMatches: true, total: 2 }],
		['a page that needs customers not yet read', 'OC', 2, 2, 3, null],
		['a search with no match yet', 'ZZ', 0, 2, 3, null],
		['any page once every customer is read', 'OC', 2, 2, 6, { total: 5 }]
	] as const)('%s', (_name, text, offset, limit, read, expected) => {
		const all = customerColumns([
			{ linkageId: 'OC-1' },
			{ linkageId: 'B-2' },
			{ linkageId: 'OC-3' },
			{ linkageId: 'OC-4' },
			{ linkageId: 'OC-5' },
			{ linkageId: 'OC-6' }
		]);
		const loading = new RegistryIndex();
		loading.appendCustomers(sliceOf(all, 0, read));
		const page = prefixPage(loading, { query: text, field: 'linkageId', offset, limit }, read === 6, 6);
		if (expected === null) expect(page).toBeNull();
		else expect(page).toMatchObject({ ...expected, cardsPending: true, registrySize: 6 });
	});

	it.each([
		['a page filled by the first customers read: final, not partial', 'OC', 0, 2, 3, { total: 2, rows: ['OC-1', 'OC-3'] }],
		['a page that needs customers not yet read: its first rows', 'OC', 1, 2, 3, { total: 2, rows: ['OC-3'], rowsPending: true }],
		['a search with no match yet: none so far', 'ZZ', 0, 2, 3, { total: 0, rows: [], rowsPending: true }]
	] as const)('with partial, %s', (_name, text, offset, limit, read, expected) => {
		const all = customerColumns([{ linkageId: 'OC-1' }, { linkageId: 'B-2' }, { linkageId: 'OC-3' }, { linkageId: 'OC-4' }, { linkageId: 'OC-5' }, { linkageId: 'OC-6' }]);
		const loading = new RegistryIndex();
		loading.appendCustomers(sliceOf(all, 0, read));
		const page = prefixPage(loading, { query: text, field: 'linkageId', offset, limit }, false, 6, true);
		expect(page).toMatchObject({ total: expected.total, totalPending: true, countingMatches: true, cardsPending: true, registrySize: 6 });
		expect(page!.rows.map((row) => row.linkageId)).toEqual(expected.rows);
		expect(page!.rowsPending).toBe('rowsPending' in expected ? true : undefined);
	});
});
