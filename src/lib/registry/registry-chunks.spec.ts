import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendCardChunk } from './registry-chunks';
import { RegistryIndex } from './registry-index';
import { cardColumns, fingerprintOf, numberedCustomers } from './test-records';

const customers = 40;

/** Card chunks as stored (v6 typed columns): each a list of customer seqs, one card each. */
const chunksArbitrary = fc.array(fc.array(fc.nat({ max: customers - 1 }), { maxLength: 60 }), { minLength: 1, maxLength: 12 });

function indexOf(chunks: number[][], foretold: boolean): RegistryIndex {
	const index = new RegistryIndex();
	index.appendCustomers(numberedCustomers(customers));
	chunks.forEach((seqs, i) => {
		const stored = { ...cardColumns(seqs.map((customerSeq, k) => ({ customerSeq, tail: String((i * 61 + k) % 1000).padStart(3, '0'), fingerprint: fingerprintOf('abcdef'[k % 6]) }))), uploadId: i + 1 };
		appendCardChunk(index, stored, foretold ? { done: i + 1, of: chunks.length } : undefined);
	});
	return index;
}

describe('appendCardChunk: room made for the cards a load foretells', () => {
	// A load makes room for the cards the chunks still to read foretell (`reserveCards`), which may
	// fall short (small chunks first) or overshoot (large chunks first, empty ones after): the cards
	// and each customer's cards, in import order, are those of appending chunk by chunk with no room made.
	it('gives every customer the cards of a plain append, whatever the chunk sizes', () => {
		fc.assert(
			fc.property(chunksArbitrary, (chunks) => {
				const plain = indexOf(chunks, false);
				const foretold = indexOf(chunks, true);
				expect(foretold.cardCount).toBe(plain.cardCount);
				for (let seq = 0; seq < customers; seq++) expect(foretold.cardsOf(seq)).toEqual(plain.cardsOf(seq));
			}),
			{ numRuns: 150 }
		);
	});
});
