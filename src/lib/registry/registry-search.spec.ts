import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '$lib/domain/records/customer';
import { customerIdOf } from '$lib/domain/records/customer-id';
import { RegistryIndex } from './registry-index';
import type { SearchField } from './registry-search';
import { emailKey, exactKey, identifierKey, isPhoneLike, keySeparator, nameKey, phoneKey } from './search-keys';
import { customerColumns } from './test-records';

// Any text SPEC normalises or a value may hold: either case and width, hiragana, katakana and
// half-width kana with voiced marks, combining marks, CJK and 々, spaces of every kind, letters whose
// case changes their length, astral characters, the key separator.
const unit = fc.constantFrom(
	'a', 'B', '0', '1', '-', '@', '.',
	'Ａ', 'ｂ', '０', '１', '－', '＠',
	'や', 'ま', 'ヤ', 'マ', 'ダ', 'ゝ', 'ﾔ', 'ﾀ', 'ﾞ', '\u3099', 'か',
	'山', '田', '々', '㈱',
	' ', '\u3000', '\u00a0', '\t', '\u200b', '\ufeff',
	'İ', 'ß', '𠮷', '😀',
	keySeparator
);
const text = fc.string({ unit, maxLength: 5 });
// 連携用IDs of few characters, so that several customers share parts of them; '' is a placeholder.
const linkageId = fc.string({ unit: fc.constantFrom('C', 'c', '0', '1', '-', 'Ｃ', ' '), maxLength: 4 });
const customer = fc.record({ linkageId, name: text, kana: text, email: text, phone: text });
const fields: SearchField[] = ['all', 'id', 'linkageId', 'name', 'email', 'phone'];
const query = fc.oneof(text, fc.constantFrom('us-', 'US-0001000', '0001', '00', 'c0', 'C-1', 'やま', 'ヤマ', '０', ' '));

/**
 * The search as it is defined, customer by customer: each value's key (the key separator left out)
 * holds the query's key; a whole customer ID is that customer only; placeholders never listed.
 */
function modelSeqs(customers: CustomerRecord[], field: SearchField, query: string): number[] {
	const listed = customers.flatMap((customer, seq) => (customer.linkageId === '' ? [] : [seq]));
	if (exactKey(query) === '') return listed;
	const strip = (value: string) => value.replaceAll(keySeparator, '');
	const holds = (keyOf: (value: string) => string, value: string) => {
		const needle = strip(keyOf(query));
		return needle !== '' && keyOf(strip(value)).includes(needle);
	};
	const wholeId = /^US-\d{8}$/.test(exactKey(query).toUpperCase()) ? exactKey(query).toUpperCase() : null;
	const matches: Record<Exclude<SearchField, 'all'>, (customer: CustomerRecord, seq: number) => boolean> = {
		id: (_, seq) => (wholeId ? customerIdOf(seq) === wholeId : holds(identifierKey, customerIdOf(seq))),
		linkageId: (c) => holds(identifierKey, c.linkageId) || c.linkageId === query.trim() || c.linkageId === exactKey(query),
		name: (c) => holds(nameKey, c.name) || holds(nameKey, c.kana),
		email: (c) => holds(emailKey, c.email),
		phone: (c) => (field !== 'all' || isPhoneLike(query)) && holds(phoneKey, c.phone)
	};
	const tests = field === 'all' ? Object.values(matches) : [matches[field]];
	return listed.filter((seq) => tests.some((test) => test(customers[seq], seq)));
}

describe('registry search over part keys', () => {
	it('lists exactly the customers the definition lists, for any text, query and field, over several parts', () => {
		fc.assert(
			fc.property(fc.array(fc.array(customer, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), fc.array(query, { minLength: 1, maxLength: 4 }), (batches, queries) => {
				// Each append packs its customers into parts of their own: a search runs over several parts.
				const index = new RegistryIndex();
				for (const batch of batches) index.appendCustomers(customerColumns(batch));
				const customers = batches.flat() as CustomerRecord[];
				for (const field of fields) for (const q of queries) expect([field, q, index.filteredSeqs({ field, query: q })]).toEqual([field, q, modelSeqs(customers, field, q)]);
			})
		);
	});

	it.each<[string, string[], string, number[]]>([
		// The end of one customer's value and the start of the next never make a match, within a part or across two.
		['names', ['山田', '太郎'], '田太', []],
		['names, spaces dropped', ['山 田', '太郎'], '山田', [0]],
		['e-mails', ['ab', 'cd@x'], 'bcd', []]
	])('a query spanning two customers’ %s matches neither', (field, values, q, expected) => {
		const index = new RegistryIndex();
		const key = field.startsWith('names') ? 'name' : 'email';
		index.appendCustomers(customerColumns(values.map((value, i) => ({ linkageId: `L${i}`, [key]: value }))));
		expect(index.filteredSeqs({ field: key as SearchField, query: q })).toEqual(expected);
	});
});
