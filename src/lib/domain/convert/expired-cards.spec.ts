import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerIdOfKey } from '../rules/id-lookup';
import { ExpiredCards, type ExpiredCard } from './expired-cards';
import { expiryText } from './repair-params';
import { convertYamatoReturn } from './convert-yamato-return';
import { expiredCardCount } from './expired-count';

// The expired cards kept in columns read back as the objects the converter made per row before:
// a byte-path card as its customer key's ID and its YYMM's text, a rules-path card as its texts.
describe('ExpiredCards', () => {
	const step = fc.oneof(
		fc.record({ row: fc.nat(), key: fc.nat(99_999_999), yymm: fc.nat(9999) }),
		fc.record({ row: fc.nat(), id: fc.string({ maxLength: 12 }), expiry: fc.string({ maxLength: 6 }) }),
		fc.constant('clear' as const)
	);

	it('lists every card added since the last clear, in order, as the old objects', () => {
		fc.assert(
			fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
				const cards = new ExpiredCards();
				let expected: ExpiredCard[] = [];
				for (const s of steps) {
					if (s === 'clear') (cards.clear(), (expected = []));
					else if ('key' in s) (cards.addKey(s.row, s.key, s.yymm), expected.push({ row: s.row, customerId: customerIdOfKey(s.key), expiry: expiryText(s.yymm) }));
					else (cards.addText(s.row, s.id, s.expiry), expected.push({ row: s.row, customerId: s.id, expiry: s.expiry }));
				}
				expect(cards.length).toBe(expected.length);
				expect(cards.toArray()).toEqual(expected);
			})
		);
	});

	it('counts a report’s expired cards without reading them, and they read as before', () => {
		const header = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';
		const rows = ['US-00010000,111,VISA,2001,AbCdEf0123456789xyZ1', 'US-00010001,11,visa,2101,AbCdEf0123456789xyZ2', 'US-00010002,111,VISA,3001,AbCdEf0123456789xyZ3', 'US-0001000３,111,VISA,2201,Ab'];
		const { report } = convertYamatoReturn(new TextEncoder().encode([header, ...rows].join('\r\n') + '\r\n'), { today: new Date('2026-12-01T00:00:00+09:00') });
		expect(expiredCardCount(report.reconciliation)).toBe(3);
		expect(Object.keys(report.reconciliation)[0]).toBe('expiredCards');
		// Rows 2 and 3 on the byte path (a plain line, a warned one), row 5 read by the rules (a bad ID and token).
		expect(report.reconciliation.expiredCards).toEqual([
			{ row: 2, customerId: 'US-00010000', expiry: '2001' },
			{ row: 3, customerId: 'US-00010001', expiry: '2101' },
			{ row: 5, customerId: '', expiry: '2201' }
		]);
		expect(report.reconciliation.expiredCards).toBe(report.reconciliation.expiredCards);
	});
});
