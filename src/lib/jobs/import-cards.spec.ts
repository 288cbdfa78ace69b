import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardImportHeader } from '$lib/domain';
import { sha256HexSync } from '$lib/domain/hash/sha256-sync';
import { cardTextsOf } from '$lib/domain/records/card-bytes';
import { CardBlocksBuilder, cardBlockSize, cardColumnsIn, cardCountIn } from '$lib/domain/records/card-column-builder';
import { cardColumns, fingerprintBytes, fingerprintOf, numberedCustomers } from '$lib/registry/test-records';
import { RegistryIndex } from '$lib/registry/registry-index';
import { chunkedFile, fakePorts, fakeStore, textFile } from './fake-ports';
import { FileCards, importCards } from './import-cards';
import type { UploadJob } from './upload-types';

const tokenA = 'AbCdEf0123456789xyZ1';
const tokenB = 'QwErTy9876543210abC2';
const line = (customer: string, token: string, expiry = '2912') => `YAMATO,${customer},111,VISA,,,0,${expiry},${token}`;
const file = (...rows: string[]) => textFile([cardImportHeader.join(','), ...rows].join('\r\n') + '\r\n');
const allowed = { service: 'YAMATO', availability: 'visible' };
const job = (change: Partial<UploadJob> = {}) =>
	({ kind: 'cards', fileName: 'cards.csv', encoding: 'auto', errorsBlockImport: false, settings: allowed, ...change }) as UploadJob & { kind: 'cards' };

/** Three customers US-00010000… ; US-00010000 already has card A. */
function registry(): RegistryIndex {
	const index = new RegistryIndex();
	index.appendCustomers(numberedCustomers(3));
	index.appendCards(cardColumns([{ customerSeq: 0, fingerprint: sha256HexSync(tokenA), tokenLast4: 'xyZ1' }]));
	return index;
}

describe('importCards: which cards are registered, which skipped', () => {
	it.each<[string, string[], Partial<UploadJob>, { registered: number; skipped: number; failed: number; status: string }]>([
		['a new card on a known customer', [line('US-00010001', tokenB)], {}, { registered: 1, skipped: 0, failed: 0, status: 'done' }],
		['a card already on its customer is skipped', [line('US-00010000', tokenA)], {}, { registered: 0, skipped: 1, failed: 0, status: 'done' }],
		['the same card twice in the file: the second is skipped', [line('US-00010001', tokenB), line('US-00010001', tokenB)], {}, { registered: 1, skipped: 1, failed: 0, status: 'done' }],
		['the same card on another customer is registered', [line('US-00010002', tokenA)], {}, { registered: 1, skipped: 0, failed: 0, status: 'done' }],
		['the same card on one customer, another, then the first again: the third is skipped', [line('US-00010001', tokenB), line('US-00010002', tokenB), line('US-00010001', tokenB)], {}, { registered: 2, skipped: 1, failed: 0, status: 'done' }],
		['a customer not in the registry fails', [line('US-00010001', tokenB), line('US-00019999', tokenB)], {}, { registered: 1, skipped: 0, failed: 1, status: 'errors' }],
		['「エラーがあれば取り込まない」 with a failing row: nothing', [line('US-00010001', tokenB), line('US-00010002', tokenB, '2913')], { errorsBlockImport: true }, { registered: 0, skipped: 0, failed: 1, status: 'errors' }],
		['settings that do not allow an import refuse the file', [line('US-00010001', tokenB)], { settings: { service: 'YAMATO', availability: 'disabled' } }, { registered: 0, skipped: 0, failed: 1, status: 'refused' }]
	])('%s', async (_name, rows, change, expected) => {
		const store = fakeStore(registry());
		const { report, outcome } = await importCards(file(...rows), job(change), fakePorts(store));
		expect(report).toMatchObject(expected);
		expect(outcome).toMatchObject({ kind: 'cards', succeeded: expected.registered, skipped: expected.skipped, status: expected.status });
		expect(store.records).toHaveLength(1);
		expect(store.records[0].cards ? cardCountIn(store.records[0].cards) : 0).toBe(expected.registered);
		const cards = [0, 1, 2].map((seq) => store.index.cardsOf(seq).length);
		expect(cards.reduce((a, b) => a + b)).toBe(1 + expected.registered);
	});

	it('never keeps the token: the registered card holds its fingerprint and last 4', async () => {
		const store = fakeStore(registry());
		await importCards(file(line('US-00010001', tokenB)), job(), fakePorts(store));
		expect(store.index.cardsOf(1)).toEqual([expect.objectContaining({ fingerprint: sha256HexSync(tokenB), tokenLast4: 'abC2' })]);
		expect(JSON.stringify(store.records)).not.toContain(tokenB);
	});
});

// SPEC "Privacy promise": a token of 8 characters or fewer is masked whole in every view, so the
// registry keeps none of it; a longer one keeps its last 4. Both readers (plain line bytes, cells).
describe('importCards: what the registry keeps of a token\'s tail, by the token\'s length', () => {
	const cases = [1, 2, 3, 4, 5, 7, 8, 9, 12, 30].flatMap((length) => [false, true].map((quoted) => [length, quoted] as const));
	it.each(cases)('a token of %i characters (cell quoted: %s)', async (length, quoted) => {
		const token = 'Zq7'.repeat(10).slice(0, length);
		const store = fakeStore(registry());
		const cell = quoted ? `"${token}"` : token;
		const { report } = await importCards(file(`YAMATO,US-00010001,123,VISA,,,0,2912,${cell}`), job(), fakePorts(store));
		expect(report).toMatchObject({ registered: 1, failed: 0 });
		const kept = length > 8 ? token.slice(-4) : '';
		expect(cardTextsOf(cardColumnsIn(store.records[0].cards!)).tokenLast4).toEqual([kept]);
		expect(store.index.cardsOf(1)).toEqual([expect.objectContaining({ fingerprint: sha256HexSync(token), tokenLast4: kept })]);
	});
});

describe('importCards: the cards registered are the model\'s, whatever the order of repeats', () => {
	// Short tokens too (1–9 characters): one of 8 or fewer keeps no tail (SPEC "Privacy promise").
	const tokens = [tokenA, tokenB, 'ZzYyXx5544332211wvU3', 'Q', 'x9', 'A1~', 'Zz9!', 'Ab3De6Gh', 'Ab3De6Gh9'];
	const brands = ['VISA', 'MASTER', 'JCB', 'AMEX', 'DINERS'] as const;
	const cardRow = fc.record({
		seq: fc.integer({ min: 0, max: 2 }),
		token: fc.constantFrom(...tokens),
		tail: fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0')),
		brand: fc.constantFrom(...brands),
		expiry: fc.tuple(fc.integer({ min: 27, max: 40 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}${String(m).padStart(2, '0')}`)
	});
	it('registers each (customer, card) pair once, in file order, with the file\'s values (customer 0 holds card A already)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(cardRow, { minLength: 1, maxLength: 40 }), async (rows) => {
				const store = fakeStore(registry());
				const lines = rows.map((r) => `YAMATO,US-0001000${r.seq},${r.tail},${r.brand},,,0,${r.expiry},${r.token}`);
				const { report } = await importCards(file(...lines), job(), fakePorts(store));
				// The model: a set of key texts, seeded with the registry's card.
				const known = new Set([`0:${tokenA}`]);
				const expected = rows.filter((r) => !known.has(`${r.seq}:${r.token}`) && Boolean(known.add(`${r.seq}:${r.token}`)));
				expect(report).toMatchObject({ registered: expected.length, skipped: rows.length - expected.length, failed: 0 });
				const cards = store.records[0].cards;
				const stored = cards ? cardTextsOf(cardColumnsIn(cards)) : { customerSeqs: [], tails: [], brands: [], expiries: [], fingerprints: [], tokenLast4: [] };
				expect(stored.customerSeqs).toEqual(expected.map((r) => r.seq));
				expect(stored.tails).toEqual(expected.map((r) => r.tail));
				expect(stored.brands).toEqual(expected.map((r) => r.brand));
				expect(stored.expiries).toEqual(expected.map((r) => r.expiry));
				expect(stored.fingerprints).toEqual(expected.map((r) => sha256HexSync(r.token)));
				expect(stored.tokenLast4).toEqual(expected.map((r) => (r.token.length > 8 ? r.token.slice(-4) : '')));
			})
		);
	});
});

// A card is written into the block `room` gives and then may be skipped (registered already, or
// repeated in the file): a skip right at a block's edge left an empty block counted as full (10,000
// cards of customer 0 made up, the store's duplicate check never ending). Every count around the
// edges, then skipped cards only.
describe('importCards: cards skipped after the last new card, at and around a block\'s edge', () => {
	const customers = 2 * cardBlockSize + 2;
	const registryOfMany = () => {
		const index = new RegistryIndex();
		index.appendCustomers(numberedCustomers(customers));
		index.appendCards(cardColumns([{ customerSeq: 0, fingerprint: sha256HexSync(tokenA), tokenLast4: 'xyZ1' }]));
		return index;
	};
	const customerId = (seq: number) => `US-${String(10000 + seq).padStart(8, '0')}`;
	it.each([[0], [1], [cardBlockSize - 1], [cardBlockSize], [cardBlockSize + 1], [2 * cardBlockSize]].flatMap(([added]) => [1, 3].map((skipped) => [added, skipped])))(
		'%i new cards then %i skipped: the new cards registered, in full blocks and one last',
		async (added, skipped) => {
			const store = fakeStore(registryOfMany());
			const lines = Array.from({ length: added }, (_, i) => line(customerId(i + 1), `Tk${String(i).padStart(18, '0')}`));
			for (let i = 0; i < skipped; i++) lines.push(line(customerId(0), tokenA));
			const { report } = await importCards(file(...lines), job(), fakePorts(store));
			expect(report).toMatchObject({ registered: added, skipped, failed: 0 });
			const cards = store.records[0].cards;
			expect(cards ? cardCountIn(cards) : 0).toBe(added);
			if (cards && 'blocks' in cards) {
				expect(cards.blocks.length).toBe(Math.ceil(added / cardBlockSize));
				expect(cards.blocks.reduce((sum, block) => sum + block.customerSeqs.length, 0)).toBe(added);
			}
			expect(store.index.cardCount).toBe(1 + added);
			expect(store.index.cardsOf(0)).toHaveLength(1);
		}
	);
});

describe('FileCards', () => {
	it('finds a (customer, fingerprint) pair added before, and only that pair, by its bytes', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('a', 'b', 'c')), { maxLength: 60 }), (pairs) => {
				const columns = new CardBlocksBuilder();
				const cards = new FileCards(5, columns);
				const model = new Set<string>();
				for (const [seq, digit] of pairs) {
					const fingerprint = fingerprintOf(digit);
					expect(cards.has(seq, fingerprintBytes(fingerprint), 0)).toBe(model.has(`${seq}:${digit}`));
					if (model.has(`${seq}:${digit}`)) continue;
					model.add(`${seq}:${digit}`);
					columns.pushRecord({ customerSeq: seq, brand: 'VISA', tail: '001', expiry: '2912', fingerprint, tokenLast4: 'WXYZ' });
					cards.add(seq, columns.count - 1);
				}
			})
		);
	});
});

// Issue 14: a registry with no card yet takes the import's links as its own instead of building them
// again; across block edges (positions past 10,000) they must list each customer's cards in order,
// exactly as the registry's own linking of the same cards does, and keep working for later imports.
describe('FileCards links taken over by a registry without cards', () => {
	it.each([[1], [3], [10_001], [20_005]])('%i cards: the same cards per customer, in order, as linked by the registry itself', (count) => {
		const customers = 7;
		const seqs = Array.from({ length: count }, (_, i) => (i * 5 + (i >> 3)) % customers);
		const columns = new CardBlocksBuilder();
		const fileCards = new FileCards(customers, columns);
		seqs.forEach((customerSeq, card) => {
			columns.pushRecord({ customerSeq, brand: 'VISA', tail: String(card % 1000).padStart(3, '0'), expiry: '2912', fingerprint: fingerprintOf('a'), tokenLast4: 'WXYZ' });
			fileCards.add(customerSeq, card);
		});
		const taking = new RegistryIndex();
		const linking = new RegistryIndex();
		for (const index of [taking, linking]) index.appendCustomers(numberedCustomers(customers));
		taking.appendCards(columns.blocks(), undefined, fileCards.links);
		linking.appendCards(columns.blocks());
		const later = cardColumns([{ customerSeq: 2, fingerprint: fingerprintOf('b') }, { customerSeq: customers + 1, fingerprint: fingerprintOf('c') }]);
		for (const index of [taking, linking]) {
			index.appendCustomers(numberedCustomers(2, customers));
			index.appendCards(later, undefined, fileCards.links);
		}
		for (let seq = 0; seq < customers + 2; seq++) {
			const positions = taking.cardsOf(seq).map((card) => card.position);
			expect([seq, positions]).toEqual([seq, linking.cardsOf(seq).map((card) => card.position)]);
			expect(positions).toEqual([...seqs.flatMap((s, card) => (s === seq ? [card] : [])), ...(seq === 2 ? [count] : []), ...(seq === customers + 1 ? [count + 1] : [])]);
		}
	});
});

describe('importCards: a cancel at every stage registers nothing', () => {
	const text = [cardImportHeader.join(','), ...Array.from({ length: 6 }, () => line('US-00010001', tokenB))].join('\r\n');
	// Before the registry loads; the one read (hashed and checked at once) before it and per 64-byte
	// chunk; then the write.
	const polls = 1 + (1 + Math.ceil(new TextEncoder().encode(text).length / 64)) + 1;
	it.each(Array.from({ length: polls }, (_, poll) => [poll]))('cancelled at poll %i', async (poll) => {
		const store = fakeStore(registry());
		const { outcome } = await importCards(chunkedFile(text), job(), fakePorts(store, poll));
		expect(outcome.status).toBe('interrupted');
		expect(store.index.cardsOf(1)).toEqual([]);
		expect(store.records.map((record) => record.cards)).toEqual([undefined]);
	});
});

// Operator trial: 「US-00010000 has 2 cards (rows 2 and 20002)」 where row 20002 repeated a card and
// was skipped. SPEC "Warnings" (複数枚のカード): the warning counts the cards the customer will have —
// its registered ones and the file's rows, a failed row included (whether or not it passed), a row
// skipped as its customer's card already not — and lists the file's rows it counts.
describe('importCards: 複数カード counts the cards each customer will have, never a skipped repeat', () => {
	const tokens = [tokenA, tokenB, 'ZzYyXx5544332211wvU3'];
	const cardRow = fc.record({
		seq: fc.integer({ min: 0, max: 2 }),
		token: fc.constantFrom(...tokens),
		// A failing row (month 13), and a quoted token that takes the general reader, not the plain lines.
		isBad: fc.boolean(),
		isQuoted: fc.boolean()
	});
	it('warns on exactly the counted rows, with the count of all the customer\'s cards (customer 0 holds card A already)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(cardRow, { minLength: 1, maxLength: 30 }), async (rows) => {
				const store = fakeStore(registry());
				const lines = rows.map((r) => line(`US-0001000${r.seq}`, r.isQuoted ? `"${r.token}"` : r.token, r.isBad ? '2913' : '2912'));
				const { outcome } = await importCards(file(...lines), job(), fakePorts(store));
				const known = new Set([`0:${tokenA}`]);
				const counted = new Map<number, number[]>();
				rows.forEach((r, i) => {
					const key = `${r.seq}:${r.token}`;
					if (!r.isBad && known.has(key)) return;
					if (!r.isBad) known.add(key);
					counted.set(r.seq, [...(counted.get(r.seq) ?? []), i + 2]);
				});
				const expected: string[] = [];
				for (const [seq, at] of counted) {
					const registered = seq === 0 ? 1 : 0;
					if (at.length + registered < 2) continue;
					const code = registered ? 'multiple-cards-registered' : 'multiple-cards';
					for (const row of at) expected.push(`${row} ${code} ${at.length + registered} ${at.join('、')}`);
				}
				const warned = outcome.problems
					.filter((p) => p.code.startsWith('multiple-cards'))
					.map((p) => `${p.row} ${p.code} ${p.params?.count} ${p.params?.rows}`);
				expect(warned.sort()).toEqual(expected.sort());
			})
		);
	});

	it.each<[string, string[], string[]]>([
		['a file that only repeats the registered card', [line('US-00010000', tokenA), line('US-00010000', tokenA)], []],
		['a card twice in the file, customer without cards', [line('US-00010001', tokenB), line('US-00010001', tokenB)], []],
		['a second card beside the registered one', [line('US-00010000', tokenB)], ['2 multiple-cards-registered']],
		['two new cards, the second row repeated', [line('US-00010001', tokenA), line('US-00010001', tokenB), line('US-00010001', tokenA)], ['2 multiple-cards', '3 multiple-cards']]
	])('%s', async (_name, lines, expected) => {
		const store = fakeStore(registry());
		const { outcome } = await importCards(file(...lines), job(), fakePorts(store));
		const warned = outcome.problems.filter((p) => p.code.startsWith('multiple-cards')).map((p) => `${p.row} ${p.code}`);
		expect(warned).toEqual(expected);
	});
});
