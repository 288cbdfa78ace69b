import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardColumns, fingerprintOf } from './test-records';
import { NewCards } from './new-cards';

// A card is its customer and its fingerprint: few of each, so repeats and shared tokens are common;
// two fingerprints share their first 8 characters (the table's hash), as distinct tokens may.
const fingerprints = [fingerprintOf('a'), `${fingerprintOf('a').slice(1)}b`, fingerprintOf('c')];
const cardArb = fc.record({ customerSeq: fc.integer({ min: 0, max: 3 }), fingerprint: fc.constantFrom(...fingerprints) });
// Many cards over a wider pool: the table fills, probes wrap around, and the model still agrees.
const hexArb = fc.stringMatching(/^[0-9a-f]{64}$/);
const manyArb = fc.array(hexArb, { minLength: 1, maxLength: 40 }).chain((pool) =>
	fc.array(fc.record({ customerSeq: fc.integer({ min: 0, max: 30 }), fingerprint: fc.constantFrom(...pool) }), { maxLength: 2000 })
);
const keyOf = (card: { customerSeq: number; fingerprint: string }) => `${card.customerSeq}:${card.fingerprint}`;

describe('NewCards', () => {
	it('keeps, in import order, the first copy of each card not stored already (a model with key strings)', () => {
		fc.assert(
			fc.property(fc.array(cardArb, { maxLength: 30 }), fc.array(fc.array(cardArb, { maxLength: 6 }), { maxLength: 3 }), (run, storedChunks) => {
				const found = new NewCards(cardColumns(run));
				for (const chunk of storedChunks) {
					const stored = cardColumns(chunk);
					found.markStored(stored.customerSeqs, stored.fingerprints);
				}
				const seen = new Set(storedChunks.flat().map(keyOf));
				const expected = run.filter((card) => !seen.has(keyOf(card)) && (seen.add(keyOf(card)), true));
				const kept = found.kept();
				expect(kept.customerSeqs.map((seq, at) => `${seq}:${kept.fingerprints[at]}`)).toEqual(expected.map(keyOf));
				expect(found.skipped).toBe(run.length - expected.length);
				expect(Object.values(kept).every((column) => column.length === expected.length)).toBe(true);
			})
		);
	});

	it('agrees with the model on thousands of cards over many customers and tokens', () => {
		fc.assert(
			fc.property(manyArb, fc.integer({ min: 0, max: 2000 }), (run, storedCount) => {
				const stored = run.slice(0, storedCount).filter((_, at) => at % 3 === 0);
				const found = new NewCards(cardColumns(run));
				const columns = cardColumns(stored);
				found.markStored(columns.customerSeqs, columns.fingerprints);
				const seen = new Set(stored.map(keyOf));
				const expected = run.filter((card) => !seen.has(keyOf(card)) && (seen.add(keyOf(card)), true));
				const kept = found.kept();
				expect(kept.customerSeqs.map((seq, at) => `${seq}:${kept.fingerprints[at]}`)).toEqual(expected.map(keyOf));
			}),
			{ numRuns: 30 }
		);
	});

	it('hands back the import\'s own columns when every card is new (no copy of a million cards)', () => {
		const cards = cardColumns([{ customerSeq: 0 }, { customerSeq: 1 }]);
		expect(new NewCards(cards).kept()).toBe(cards);
	});

	it.each<[string, unknown[], unknown[]]>([
		['a fingerprint that is not text', [0], [42]],
		['a customer that is not a number', ['0'], [fingerprintOf('a')]],
		['columns of different lengths', [0, 0], []]
	])('ignores a stored card it cannot read: %s', (_name, seqs, fingerprints) => {
		const found = new NewCards(cardColumns([{ customerSeq: 0 }]));
		found.markStored(seqs, fingerprints);
		expect(found.skipped).toBe(0);
	});
});
