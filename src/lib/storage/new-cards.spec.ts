import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardTextsOf, type CardColumns } from '$lib/domain/records/card-bytes';
import { cardColumnsIn, toCardBlocks } from '$lib/domain/records/card-column-builder';
import { cardColumns, fingerprintOf } from './test-records';
import { NewCards } from './new-cards';

// A card is its customer and its fingerprint: few of each, so repeats and shared tokens are common;
// two fingerprints share their first 8 characters (the table's hash), as distinct tokens may.
const fingerprints = [fingerprintOf('a'), `${fingerprintOf('a').slice(1)}b`, fingerprintOf('c')];
const cardArb = fc.record({ customerSeq: fc.integer({ min: 0, max: 3 }), fingerprint: fc.constantFrom(...fingerprints) });
// The rest of a card, varied so that a kept card carrying another card's value (a run copied from the
// wrong place, a column left behind) shows: leading zeros in tail and expiry, token tails of 1–4 characters.
const restArb = fc.record({
	brand: fc.constantFrom('VISA', 'MASTER', 'JCB', 'AMEX', 'DINERS' as const),
	tail: fc.constantFrom('000', '007', '012', '999'),
	expiry: fc.constantFrom('0001', '0912', '2611', '9912'),
	tokenLast4: fc.constantFrom('Q', 'x9', 'A1~', 'WXYZ')
});
// Many cards over a wider pool: the table fills, probes wrap around, and the model still agrees.
const hexArb = fc.stringMatching(/^[0-9a-f]{64}$/);
const manyArb = fc.array(hexArb, { minLength: 1, maxLength: 40 }).chain((pool) =>
	fc.array(fc.record({ customerSeq: fc.integer({ min: 0, max: 30 }), fingerprint: fc.constantFrom(...pool) }), { maxLength: 2000 })
);
const keyOf = (card: { customerSeq: number; fingerprint: string }) => `${card.customerSeq}:${card.fingerprint}`;
const keysOf = (columns: CardColumns) => {
	const texts = cardTextsOf(columns);
	return texts.customerSeqs.map((seq, at) => `${seq}:${texts.fingerprints[at]}`);
};
// A stored chunk as v6 writes it (typed columns) or as v2–v5 did (texts): both are read, never rewritten.
const storedAs = (columns: CardColumns, asTexts: boolean): unknown => ({ ...(asTexts ? cardTextsOf(columns) : columns), uploadId: 1 });

describe('NewCards', () => {
	it('keeps, in import order, the first copy of each card not stored already (a model with key strings)', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(cardArb, restArb).map(([card, rest]) => ({ ...card, ...rest })), { maxLength: 30 }), fc.array(fc.tuple(fc.array(cardArb, { maxLength: 6 }), fc.boolean()), { maxLength: 3 }), (run, shapedChunks) => {
				const found = new NewCards(cardColumns(run));
				for (const [chunk, asTexts] of shapedChunks) found.markStored(storedAs(cardColumns(chunk), asTexts));
				const storedChunks = shapedChunks.map(([chunk]) => chunk);
				const seen = new Set(storedChunks.flat().map(keyOf));
				const expected = run.filter((card) => !seen.has(keyOf(card)) && (seen.add(keyOf(card)), true));
				const kept = cardColumnsIn(found.kept());
				expect(keysOf(kept)).toEqual(expected.map(keyOf));
				expect(found.skipped).toBe(run.length - expected.length);
				// Every column of each kept card is that card's own, as the import gave it.
				const texts = cardTextsOf(kept);
				const records = texts.customerSeqs.map((customerSeq, at) => ({ customerSeq, fingerprint: texts.fingerprints[at], brand: texts.brands[at], tail: texts.tails[at], expiry: texts.expiries[at], tokenLast4: texts.tokenLast4[at] }));
				expect(records).toEqual(expected);
			})
		);
	});

	it('agrees with the model on thousands of cards over many customers and tokens', () => {
		fc.assert(
			fc.property(manyArb, fc.integer({ min: 0, max: 2000 }), fc.boolean(), (run, storedCount, asTexts) => {
				const stored = run.slice(0, storedCount).filter((_, at) => at % 3 === 0);
				const found = new NewCards(cardColumns(run));
				found.markStored(storedAs(cardColumns(stored), asTexts));
				const seen = new Set(stored.map(keyOf));
				const expected = run.filter((card) => !seen.has(keyOf(card)) && (seen.add(keyOf(card)), true));
				const kept = cardColumnsIn(found.kept());
				expect(keysOf(kept)).toEqual(expected.map(keyOf));
			}),
			{ numRuns: 30 }
		);
	});

	it('hands back the import\'s own columns when every card is new (no copy of a million cards)', () => {
		const cards = toCardBlocks(cardColumns([{ customerSeq: 0 }, { customerSeq: 1 }]));
		expect(new NewCards(cards).kept()).toBe(cards);
	});

	it.each<[string, (chunk: Record<string, unknown>) => void]>([
		['a fingerprint that is not text', (chunk) => (chunk.fingerprints = [42])],
		['a customer that is not a number', (chunk) => (chunk.customerSeqs = ['0'])],
		['text columns of different lengths', (chunk) => (chunk.customerSeqs = [0, 0])],
		['typed columns of different lengths', (chunk) => Object.assign(chunk, cardColumns([{ customerSeq: 0 }]), { tails: new Uint16Array(2) })],
		['a typed brand out of range', (chunk) => Object.assign(chunk, cardColumns([{ customerSeq: 0 }]), { brands: Uint8Array.of(9) })],
		['no columns at all', (chunk) => { for (const key of Object.keys(chunk)) delete chunk[key]; }]
	])('ignores a stored chunk it cannot read: %s', (_name, damage) => {
		const found = new NewCards(cardColumns([{ customerSeq: 0 }]));
		const chunk = storedAs(cardColumns([{ customerSeq: 0 }]), true) as Record<string, unknown>;
		damage(chunk);
		found.markStored(chunk);
		expect(found.skipped).toBe(0);
	});

	it.each([true, false])('skips a card stored already whatever the chunk\'s shape (texts: %s)', (asTexts) => {
		const found = new NewCards(cardColumns([{ customerSeq: 0 }, { customerSeq: 1 }]));
		found.markStored(storedAs(cardColumns([{ customerSeq: 1 }]), asTexts));
		expect(found.skipped).toBe(1);
	});
});

describe('NewCards progress (issue 14: the bar moves through the duplicate check)', () => {
	// Varying first bytes, as real fingerprints (SHA-256) have: the table hashes on them.
	const many = (count: number, salt: string) =>
		cardColumns(Array.from({ length: count }, (_, i) => ({ customerSeq: i % 7, fingerprint: `${i.toString(16).padStart(8, '0')}${salt}`.padEnd(64, 'f') })));

	it.each([1, 65_536, 150_000])('told of %i import cards and as many stored: ascending, inside the bar, at least every 65,536 cards', (count) => {
		const told: [number, number][] = [];
		const found = new NewCards(many(count, 'a'), (done, of) => told.push([done, of]));
		const imported = told.length;
		found.markStored(storedAs(many(count, 'b'), false));
		expect(told.every(([, of]) => of === 2 * count)).toBe(true);
		expect(told.map(([done]) => done)).toEqual(told.map(([done]) => done).sort((a, b) => a - b));
		expect(told.every(([done], at) => (at < imported ? done < count : done >= count && done <= 2 * count))).toBe(true);
		expect(imported).toBe(Math.ceil(count / 65_536));
		expect(told.length - imported).toBe(Math.ceil(count / 65_536));
	});
});
