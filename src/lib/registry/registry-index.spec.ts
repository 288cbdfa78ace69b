import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerColumns } from '$lib/domain/records/customer';
import { toPackedCustomers } from '$lib/domain/records/packed-customers';
import { RegistryIndex } from './registry-index';
import type { SearchField } from './registry-search';
import { cardTextsOf } from '$lib/domain/records/card-bytes';
import { appendCardChunk } from './registry-chunks';
import type { KeyColumnName } from './search-columns';
import { cardColumns, customerColumns, fingerprintBytes, fingerprintOf, numberedCustomers } from './test-records';

function sampleIndex(): RegistryIndex {
	const index = new RegistryIndex();
	index.appendCustomers(
		customerColumns([
			{ linkageId: '1001', name: '山田 太郎', kana: 'ヤマダ タロウ', email: 'Taro.Yamada@Example.jp', phone: '090-1234-5678' },
			{ linkageId: '1002', name: '佐藤　花子', kana: 'サトウ ハナコ', email: 'hanako@example.com', phone: '03-1111-2222' },
			{ linkageId: 'A-77', name: 'ＪＯＨＮ Smith', kana: '', email: 'john@example.org', phone: '０８０ ９９９９ ００００' },
			{ linkageId: '1004', name: '山本 一郎', kana: 'ﾔﾏﾓﾄ ｲﾁﾛｳ', email: '', phone: '' }
		])
	);
	return index;
}

// Lets every step the index has started run up to its next pause.
const flushSteps = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function ids(index: RegistryIndex, field: SearchField, query: string): string[] {
	return index.search({ field, query, offset: 0, limit: 100 }).rows.map((row) => row.id);
}

describe('RegistryIndex search', () => {
	it.each<[SearchField, string, string[]]>([
		['id', 'US-00010001', ['US-00010001']],
		['id', ' us-00010003 ', ['US-00010003']],
		['id', 'ＵＳ－０００１０００１', ['US-00010001']],
		['id', 'US-00010004', []],
		// IDs and 連携用IDs match in part, as names do: a prefix, a middle, any case or width.
		['id', 'US-0001000', ['US-00010000', 'US-00010001', 'US-00010002', 'US-00010003']],
		['id', 'US-', ['US-00010000', 'US-00010001', 'US-00010002', 'US-00010003']],
		['id', '10002', ['US-00010002']],
		['id', 'us-0001000２', ['US-00010002']],
		['id', 'US-9', []],
		['linkageId', '1002', ['US-00010001']],
		['linkageId', ' A-77 ', ['US-00010002']],
		['linkageId', 'a-', ['US-00010002']],
		['linkageId', '100', ['US-00010000', 'US-00010001', 'US-00010003']],
		['linkageId', '77', ['US-00010002']],
		['linkageId', 'B-', []],
		['all', 'A-7', ['US-00010002']],
		['all', 'US-000100', ['US-00010000', 'US-00010001', 'US-00010002', 'US-00010003']],
		['name', '山田', ['US-00010000']],
		['name', '山田太郎', ['US-00010000']],
		['name', '佐藤 花子', ['US-00010001']],
		['name', 'john smith', ['US-00010002']],
		['name', 'ヤマ', ['US-00010000', 'US-00010003']],
		['name', 'やまもと', ['US-00010003']],
		['name', 'ｻﾄｳ', ['US-00010001']],
		['name', '山', ['US-00010000', 'US-00010003']],
		['email', 'TARO.yamada', ['US-00010000']],
		['email', 'example.', ['US-00010000', 'US-00010001', 'US-00010002']],
		['email', 'nobody', []],
		['phone', '09012345678', ['US-00010000']],
		['phone', '1111-2222', ['US-00010001']],
		['phone', '9999', ['US-00010002']],
		['phone', 'abc', []],
		['all', 'US-00010002', ['US-00010002']],
		['all', '1004', ['US-00010003']],
		['all', 'やまだ', ['US-00010000']],
		['all', 'example.com', ['US-00010001']],
		['all', '090 1234', ['US-00010000']],
		['all', '', ['US-00010000', 'US-00010001', 'US-00010002', 'US-00010003']],
		['name', '   ', ['US-00010000', 'US-00010001', 'US-00010002', 'US-00010003']]
	])('%s 「%s」 finds %j', (field, query, expected) => {
		expect(ids(sampleIndex(), field, query)).toEqual(expected);
	});

	it('pages through the matches and counts them all', () => {
		const result = sampleIndex().search({ field: 'all', query: '', offset: 1, limit: 2 });
		expect(result.total).toBe(4);
		expect(result.rows.map((row) => row.linkageId)).toEqual(['1002', 'A-77']);
	});

	it('gives every matching seq for a download without building views', () => {
		expect(sampleIndex().filteredSeqs({ field: 'name', query: 'ヤマ' })).toEqual([0, 3]);
	});

	it('sees customers appended after a search', () => {
		const index = sampleIndex();
		expect(ids(index, 'name', '鈴木')).toEqual([]);
		index.appendCustomers(customerColumns([{ linkageId: '1005', name: '鈴木 次郎' }]));
		expect(ids(index, 'name', '鈴木')).toEqual(['US-00010004']);
	});
});

describe('RegistryIndex customers and cards', () => {
	it('numbers customers in order and knows their 連携用IDs', () => {
		const index = sampleIndex();
		expect(index.customerCount).toBe(4);
		expect(index.appendCustomers(customerColumns([{ linkageId: '2001' }]))).toBe(4);
		expect(index.hasLinkageId('2001')).toBe(true);
		expect(index.seqOfLinkageId('1002')).toBe(1);
		expect(index.hasLinkageId('9999')).toBe(false);
		expect(index.hasCustomerId('US-00010004')).toBe(true);
		expect(index.hasCustomerId('US-00010005')).toBe(false);
	});

	// Cards are appended by copying a batch whole when it is at least as large as what is held, else
	// one by one: whichever way a batch goes, the registry lists the same cards in the same order.
	it('lists the same cards however they were appended, in batches of any sizes', () => {
		const card = fc.record({ customerSeq: fc.nat(2), tail: fc.constantFrom('111', '222', '333'), fingerprint: fc.constantFrom('a', 'b', 'c').map(fingerprintOf) });
		fc.assert(
			fc.property(fc.array(fc.array(card, { maxLength: 6 }), { maxLength: 6 }), (batches) => {
				const batched = sampleIndex();
				for (const batch of batches) batched.appendCards(cardColumns(batch));
				const whole = sampleIndex();
				whole.appendCards(cardColumns(batches.flat()));
				expect(batched.cardCount).toBe(whole.cardCount);
				for (const seq of [0, 1, 2]) expect(batched.cardsOf(seq)).toEqual(whole.cardsOf(seq));
			})
		);
	});

	it('lists each customer its cards, in import order, without the token', () => {
		const index = sampleIndex();
		index.appendCards(cardColumns([{ customerSeq: 2, tail: '111' }, { customerSeq: 0, tail: '222' }]));
		index.appendCards(cardColumns([{ customerSeq: 2, tail: '333', brand: 'JCB', fingerprint: fingerprintOf('b') }]));
		const [john] = index.search({ field: 'id', query: 'US-00010002', offset: 0, limit: 1 }).rows;
		expect(john.cards).toEqual([
			{ position: 0, brand: 'VISA', tail: '111', expiry: '2912', tokenLast4: 'WXYZ', fingerprint: fingerprintOf('a') },
			{ position: 2, brand: 'JCB', tail: '333', expiry: '2912', tokenLast4: 'WXYZ', fingerprint: fingerprintOf('b') }
		]);
		expect(index.cardsOf(0).map((card) => card.tail)).toEqual(['222']);
		expect(index.cardsOf(1)).toEqual([]);
		expect(index.cardCount).toBe(3);
		expect(index.hasCard(2, fingerprintBytes(fingerprintOf('b')), 0)).toBe(true);
		expect(index.hasCard(0, fingerprintBytes(fingerprintOf('b')), 0)).toBe(false);
	});

	it('never lists a placeholder left by an unreadable chunk', () => {
		const index = new RegistryIndex();
		index.appendCustomers(customerColumns([{ linkageId: '' }, { linkageId: 'X1' }]));
		expect(ids(index, 'all', '')).toEqual(['US-00010001']);
		expect(ids(index, 'id', 'US-00010000')).toEqual([]);
		expect(ids(index, 'id', 'US-0001000')).toEqual(['US-00010001']);
		expect(ids(index, 'all', 'US-')).toEqual(['US-00010001']);
		expect(index.view(0)).toBeNull();
	});

	// A stored customer whose 連携用ID cannot be read (blank) but whose other fields can: its name,
	// e-mail or phone matched and the page held no one (an empty row) where it stood.
	it.each<[SearchField, string]>([
		['name', '山田'],
		['name', 'ヤマダ'],
		['email', 'yamada@'],
		['phone', '0312'],
		['all', '山田'],
		['all', 'yamada'],
		['all', '03-12']
	])('never lists a stored customer without a 連携用ID, searched by %s 「%s」', (field, query) => {
		const index = new RegistryIndex();
		const stored = { name: '山田 花子', kana: 'ヤマダ ハナコ', email: 'yamada@example.jp', phone: '03-1234-5678' };
		index.appendCustomers(customerColumns([{ linkageId: '', ...stored }, { linkageId: 'X1', ...stored }, { linkageId: '' }]));
		expect(ids(index, field, query)).toEqual(['US-00010001']);
		expect(index.search({ field, query, offset: 0, limit: 20 }).total).toBe(1);
	});
});

describe('RegistryIndex search in part', () => {
	const idPart = fc.stringMatching(/^[A-Za-z0-9-]{1,10}$/);
	it('finds a customer by any part of its ID or 連携用ID, in that field and in 「すべて」', () => {
		fc.assert(
			fc.property(fc.uniqueArray(idPart, { minLength: 1, maxLength: 8, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }), fc.nat(), fc.nat(), fc.nat(), (linkageIds, pick, from, length) => {
				const index = new RegistryIndex();
				index.appendCustomers(customerColumns(linkageIds.map((linkageId) => ({ linkageId }))));
				const seq = pick % linkageIds.length;
				const id = index.view(seq)!.id;
				for (const [field, value] of [['linkageId', linkageIds[seq]], ['id', id]] as const) {
					const start = from % value.length;
					const part = value.slice(start, start + 1 + (length % (value.length - start)));
					const expected = linkageIds.flatMap((other, i) => ((field === 'id' ? index.view(i)!.id : other).toLowerCase().includes(part.toLowerCase()) ? [i] : []));
					expect(index.filteredSeqs({ field, query: part })).toEqual(expected);
					expect(index.filteredSeqs({ field: 'all', query: part })).toContain(seq);
				}
			})
		);
	});
});

describe('RegistryIndex search columns', () => {
	it('stays right when a stored value holds the key separator', () => {
		const index = new RegistryIndex();
		index.appendCustomers(customerColumns([{ linkageId: 'A', name: 'a\u0001b' }, { linkageId: 'B', name: 'ab' }]));
		expect(ids(index, 'name', 'ab')).toEqual(['US-00010000', 'US-00010001']);
	});
});

describe('RegistryIndex search keys built in steps', () => {
	const text = fc.string({ unit: fc.constantFrom('山', 'や', 'ヤ', 'ｱ', 'A', 'a', ' ', '-', '0', '１', '@', '\u0001'), maxLength: 6 });
	const customer = fc.record({ linkageId: fc.string({ unit: fc.constantFrom('C', 'c', '1', '-', ''), minLength: 0, maxLength: 4 }), name: text, kana: text, email: text, phone: text });
	const fields: SearchField[] = ['all', 'id', 'linkageId', 'name', 'email', 'phone'];

	it('finds what keys built at once find, whatever the step size and however many customers arrive between steps', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(customer, { maxLength: 12 }), fc.array(customer, { maxLength: 6 }), fc.integer({ min: 1, max: 5 }), fc.nat(20), fc.array(text, { minLength: 1, maxLength: 4 }), async (first, later, slice, appendAfter, queries) => {
				const stepped = new RegistryIndex();
				stepped.appendCustomers(customerColumns(first));
				let pauses = 0;
				let appended = false;
				const appendLater = () => {
					appended = true;
					stepped.appendCustomers(customerColumns(later));
				};
				// The index keeps the pause: customers appended after the preparation get theirs in steps too.
				await stepped.prepareSearchInSteps(async () => {
					if (pauses++ === appendAfter && !appended) appendLater();
				}, slice);
				if (!appended) appendLater();
				if (appendAfter % 2 === 0) await flushSteps();
				const atOnce = new RegistryIndex();
				atOnce.appendCustomers(customerColumns([...first, ...later]));
				for (const field of fields) for (const query of queries) expect(stepped.filteredSeqs({ field, query })).toEqual(atOnce.filteredSeqs({ field, query }));
			})
		);
	});

	it('builds no keys while customers are appended nor after, until a search of a field builds that field\'s', async () => {
		const index = sampleIndex();
		const pauses: (() => void)[] = [];
		const ready = index.prepareSearchInSteps(() => new Promise<void>((resume) => pauses.push(resume)), 1);
		while (pauses.length > 0) {
			pauses.shift()!();
			await flushSteps();
		}
		await ready;
		const count = index.customerCount;
		index.appendCustomers(customerColumns([{ linkageId: 'Z-1', name: '山田 花子' }]));
		// Neither the append nor any step after it built keys (a registration's peak holds none): the
		// keys still cover the customers before it.
		await flushSteps();
		expect(pauses).toEqual([]);
		expect(index.searchKeysBuilt()).toBe(count);
		expect(ids(index, 'name', '山田')).toEqual(['US-00010000', `US-0001000${count}`]);
		expect([index.searchKeysBuilt('names'), index.searchKeysBuilt('kanas'), index.searchKeysBuilt('emails')]).toEqual([count + 1, count + 1, count]);
	});

	it('stops when a search built the keys first, and keeps those', async () => {
		const index = sampleIndex();
		let pauses = 0;
		await index.prepareSearchInSteps(async () => {
			pauses++;
			index.prepareSearch();
		}, 1);
		expect(pauses).toBe(1);
		expect(ids(index, 'name', 'やまだ')).toEqual(['US-00010000']);
	});
});

describe('RegistryIndex search keys per field', () => {
	const columns: KeyColumnName[] = ['linkageIds', 'names', 'kanas', 'emails', 'phones'];
	// A search of one field builds that field's keys only (a 連携用ID search while a million customers
	// load built every column over the customers read, names and kana included); customer IDs have
	// none: a part of one is worked out from the numbers.
	it.each<[SearchField, string, KeyColumnName[]]>([
		['id', 'US-0001', []],
		['id', 'US-00010001', []],
		['linkageId', '100', ['linkageIds']],
		['name', '山田', ['names', 'kanas']],
		['email', 'example', ['emails']],
		['phone', '090', ['phones']],
		['all', '1', ['linkageIds', 'names', 'kanas', 'emails', 'phones']]
	])('a %s search for %s builds the keys of %j', (field, query, built) => {
		const index = sampleIndex();
		const expected = sampleIndex();
		expected.prepareSearch();
		expect(index.filteredSeqs({ field, query })).toEqual(expected.filteredSeqs({ field, query }));
		for (const column of columns) expect([column, index.searchKeysBuilt(column)]).toEqual([column, built.includes(column) ? index.customerCount : 0]);
	});
});

describe('RegistryIndex over packed parts', () => {
	const first = [{ linkageId: 'C1', name: '山田 太郎' }, { linkageId: 'C2', name: '佐藤 花子' }, { linkageId: 'C1', name: '重複' }];
	const later = [{ linkageId: 'C3', name: '山本 一郎' }, { linkageId: 'C2', name: '重複' }, { linkageId: '', name: '空' }];

	it.each([
		['packed, then plain', [true, false]],
		['plain, then packed', [false, true]],
		['packed twice', [true, true]]
	] as const)('answers as plain columns do: %s', (_, [isFirstPacked, isLaterPacked]) => {
		const plain = new RegistryIndex();
		plain.appendCustomers(customerColumns(first));
		plain.appendCustomers(customerColumns(later));
		const packed = new RegistryIndex();
		const as = (columns: CustomerColumns, isPackedNow: boolean) => (isPackedNow ? toPackedCustomers(columns) : columns);
		packed.appendCustomers(as(customerColumns(first), isFirstPacked));
		packed.appendCustomers(as(customerColumns(later), isLaterPacked));
		expect(packed.customerCount).toBe(6);
		for (const id of ['C1', 'C2', 'C3', 'C4', '']) expect(packed.seqOfLinkageId(id)).toBe(plain.seqOfLinkageId(id));
		for (let seq = -1; seq < 7; seq++) expect(packed.customerAt(seq)).toEqual(plain.customerAt(seq));
		for (const query of ['山', '重複', 'C', '空']) expect(packed.filteredSeqs({ field: 'all', query })).toEqual(plain.filteredSeqs({ field: 'all', query }));
	});
});

// SPEC "Privacy promise": a token of 8 characters or fewer is masked whole in every view. Versions
// before v6's short-token rule kept the last 4 of any token, so a stored tail of 1–3 characters is a
// short token kept whole: a view never shows it. A tail of 4 is shown (the token was longer, or 4–8
// characters long, which a stored v5 chunk cannot tell).
describe('RegistryIndex: the token tail a card view shows', () => {
	it.each([
		['', ''],
		['Q', ''],
		['x9', ''],
		['A1~', ''],
		['Zz9!', 'Zz9!'],
		['WXYZ', 'WXYZ']
	])('stored %j (a v5 text chunk) is shown as %j', (stored, shown) => {
		const index = new RegistryIndex();
		index.appendCustomers(numberedCustomers(2));
		appendCardChunk(index, { ...cardTextsOf(cardColumns([{ customerSeq: 1, tokenLast4: stored }])), uploadId: 1 });
		expect(index.cardsOf(1).map((card) => card.tokenLast4)).toEqual([shown]);
	});
});

describe('RegistryIndex: room made for the customers a load will read', () => {
	// A load sizes its 連携用ID table from the stored chunks' keys before reading (a bound, never the
	// exact count): too little, exactly, too much or after some appends, the index answers the same.
	it.each([
		['none', null, 0],
		['too little', 5_000, 0],
		['exactly', 25_000, 0],
		['a chunk too much', 35_000, 0],
		['after the first part', 25_000, 1]
	] as const)('finds every 連携用ID and card with room made %s', (_name, total, before) => {
		const parts = [numberedCustomers(10_000), numberedCustomers(10_000, 10_000), numberedCustomers(5_000, 20_000)];
		const index = new RegistryIndex();
		parts.forEach((part, p) => {
			if (total !== null && p === before) index.expectCustomers(total);
			index.appendCustomers(part);
		});
		index.appendCards(cardColumns([{ customerSeq: 24_999 }, { customerSeq: 0 }, { customerSeq: 24_999 }]));
		expect(index.customerCount).toBe(25_000);
		for (const seq of [0, 1, 9_999, 10_000, 19_999, 20_000, 24_999]) expect(index.seqOfLinkageId(`C${seq}`)).toBe(seq);
		expect(index.seqOfLinkageId('C25000')).toBeNull();
		expect(index.cardsOf(24_999).map((card) => card.position)).toEqual([0, 2]);
		expect(index.cardsOf(0).map((card) => card.position)).toEqual([1]);
		expect(index.cardsOf(1)).toEqual([]);
	});
});
