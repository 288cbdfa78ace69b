import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardLinks } from './card-links';

describe('CardLinks', () => {
	// First and last cards are held so that a fresh array's zeros mean "none" (no fill of millions of
	// places): card 0, customer 0 and room reserved at any point, too little or too much, change nothing.
	it('gives each customer its cards in link order for any links and any room reserved between them', () => {
		const plan = fc.record({
			seqs: fc.array(fc.nat({ max: 40 }), { maxLength: 200 }),
			reserves: fc.array(fc.record({ at: fc.nat({ max: 200 }), customers: fc.nat({ max: 100 }), cards: fc.nat({ max: 300 }) }), { maxLength: 4 })
		});
		fc.assert(
			fc.property(plan, ({ seqs, reserves }) => {
				const links = new CardLinks();
				const due = [...reserves].sort((a, b) => a.at - b.at);
				seqs.forEach((seq, card) => {
					while (due.length > 0 && due[0].at <= card) {
						const { customers, cards } = due.shift()!;
						links.reserve(customers, cards);
					}
					links.link(seq, card);
				});
				for (let seq = 0; seq <= 41; seq++) {
					const expected = seqs.flatMap((owner, card) => (owner === seq ? [card] : []));
					expect(links.cardsOf(seq)).toEqual(expected);
					expect(links.firstOf(seq)).toBe(expected[0] ?? -1);
				}
				expect(links.firstOf(-1)).toBe(-1);
			}),
			{ numRuns: 200 }
		);
	});
});
