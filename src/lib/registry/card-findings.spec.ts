import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokyoMonthIndex } from '$lib/domain/rules/expiry';
import { cardFindings } from './card-findings';
import { RegistryIndex } from './registry-index';
import { cardColumns, customerColumns, numberedCustomers } from './test-records';

// 2026-11-28 in Tokyo (SPEC "Warnings": on that day 2611 is valid and 2610 expired).
const today = tokyoMonthIndex(new Date('2026-11-28T12:00:00+09:00'));

function indexWith(cards: Parameters<typeof cardColumns>[0], customers = 4): RegistryIndex {
	const index = new RegistryIndex();
	index.appendCustomers(numberedCustomers(customers));
	index.appendCards(cardColumns(cards));
	return index;
}

describe('cardFindings', () => {
	it.each([
		['no cards', [], { multiCardCount: 0, expiredCount: 0, cards: 0 }],
		['one card each', [{ customerSeq: 0 }, { customerSeq: 1 }], { multiCardCount: 0, expiredCount: 0, cards: 2 }],
		['two cards on one customer', [{ customerSeq: 2 }, { customerSeq: 2, expiry: '3001' }], { multiCardCount: 1, expiredCount: 0, cards: 2 }],
		['valid to the end of this month', [{ customerSeq: 0, expiry: '2611' }], { multiCardCount: 0, expiredCount: 0, cards: 1 }],
		['last month is expired', [{ customerSeq: 0, expiry: '2610' }], { multiCardCount: 0, expiredCount: 1, cards: 1 }],
		['an old year is expired', [{ customerSeq: 3, expiry: '2512' }, { customerSeq: 3, expiry: '2001' }], { multiCardCount: 1, expiredCount: 2, cards: 2 }]
	])('%s', (_name, cards, expected) => {
		expect(cardFindings(indexWith(cards), today)).toMatchObject({ customers: 4, ...expected });
	});

	it('lists IDs, brands and expiries in customer order, and never a token', () => {
		const found = cardFindings(
			indexWith([{ customerSeq: 3 }, { customerSeq: 1, expiry: '2609', brand: 'JCB' }, { customerSeq: 3 }, { customerSeq: 1 }]),
			today
		);
		// The whole object: a field added later (a token, a card tail) shows up here.
		expect(found).toEqual({
			customers: 4,
			cards: 4,
			multiCardCount: 2,
			multiCard: [{ id: 'US-00010001', cards: 2 }, { id: 'US-00010003', cards: 2 }],
			expiredCount: 1,
			expired: [{ id: 'US-00010001', brand: 'JCB', expiry: '2609' }]
		});
		expect(JSON.stringify(found)).not.toMatch(/WXYZ|aaaa/);
	});

	it('skips placeholders of unreadable chunks (an empty 連携用ID)', () => {
		const index = new RegistryIndex();
		index.appendCustomers(customerColumns([{ linkageId: '' }, { linkageId: 'A1' }]));
		index.appendCards(cardColumns([{ customerSeq: 1 }, { customerSeq: 1 }]));
		expect(cardFindings(index, today)).toMatchObject({ customers: 1, multiCard: [{ id: 'US-00010001', cards: 2 }] });
	});

	it('counts every finding and lists at most the cap, whatever the cards', () => {
		const card = fc.record({ customerSeq: fc.integer({ min: 0, max: 9 }), expiry: fc.constantFrom('2001', '2610', '2611', '2612', '3012') });
		fc.assert(
			fc.property(fc.array(card, { maxLength: 40 }), fc.integer({ min: 0, max: 5 }), (cards, cap) => {
				const found = cardFindings(indexWith(cards, 10), today, cap);
				const perCustomer = new Map<number, number>();
				for (const c of cards) perCustomer.set(c.customerSeq, (perCustomer.get(c.customerSeq) ?? 0) + 1);
				const multi = [...perCustomer.values()].filter((n) => n > 1).length;
				const expired = cards.filter((c) => c.expiry < '2611').length;
				expect(found.multiCardCount).toBe(multi);
				expect(found.expiredCount).toBe(expired);
				expect(found.multiCard).toHaveLength(Math.min(cap, multi));
				expect(found.expired).toHaveLength(Math.min(cap, expired));
				expect(found.cards).toBe(cards.length);
			})
		);
	});
});
