import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerIdOf, maxCustomerSeq } from '$lib/domain/records/customer-id';
import { seqsWhoseIdHolds } from './id-matches';
import { identifierKey } from './search-keys';

/** The reference: every customer ID's key, matched with `includes`. */
function expectedSeqs(needle: string, from: number, to: number): number[] {
	const seqs: number[] = [];
	if (needle === '') return seqs;
	for (let seq = from; seq < to; seq++) if (identifierKey(customerIdOf(seq)).includes(needle)) seqs.push(seq);
	return seqs;
}

describe('seqsWhoseIdHolds: a part of a customer ID, worked out from the numbers', () => {
	const idUnit = fc.constantFrom('u', 's', '-', '0', '1', '2', '5', '9', 'x', 'U');

	it('finds exactly the customers whose ID key holds the needle, anywhere in the ID range', () => {
		fc.assert(
			fc.property(fc.nat({ max: maxCustomerSeq }), fc.nat({ max: 3000 }), fc.nat(), fc.nat(), fc.string({ unit: idUnit, minLength: 1, maxLength: 12 }), (start, span, at, length, other) => {
				const from = Math.min(start, maxCustomerSeq);
				const to = Math.min(maxCustomerSeq + 1, from + span);
				// A needle cut from an ID in the range (a prefix, a middle, digits only) and any other.
				const id = identifierKey(customerIdOf(from + (span === 0 ? 0 : at % span)));
				const cut = at % id.length;
				for (const needle of [id.slice(cut, cut + 1 + (length % 11)), other]) expect(seqsWhoseIdHolds(needle, from, to)).toEqual(expectedSeqs(needle, from, to));
			})
		);
	});

	it.each([
		['us-', 0, 120],
		['s-0', 0, 50],
		['-', 990, 1010],
		['0', 0, 100],
		['9', 89_990, 90_010],
		['00', 0, 120],
		['us-00010005', 0, 20],
		['us-000100051', 0, 20],
		['0001', 0, 200],
		['99999999', maxCustomerSeq - 5, maxCustomerSeq + 1],
		['us-x', 0, 20],
		['', 0, 20]
	])('「%s」 over seqs %i–%i', (needle, from, to) => {
		expect(seqsWhoseIdHolds(needle, from, to)).toEqual(expectedSeqs(needle, from, to));
	});
});
