import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardBrands, type CardRecord } from './card';
import { cardCountOf, cardRecordAt } from './card-bytes';
import { CardColumnsBuilder } from './card-column-builder';

const recordArb: fc.Arbitrary<CardRecord> = fc.record({
	customerSeq: fc.nat(1000),
	brand: fc.constantFrom(...cardBrands),
	tail: fc.nat(999).map((n) => String(n).padStart(3, '0')),
	expiry: fc.tuple(fc.nat(99), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${String(y).padStart(2, '0')}${String(m).padStart(2, '0')}`),
	fingerprint: fc.constantFrom('0', '7', 'f').map((digit) => digit.repeat(64)),
	tokenLast4: fc.constantFrom('a', 'Zz', '9!~', 'WXYZ')
});

/** Every card of `builder`'s columns as texts. */
const recordsOf = (builder: CardColumnsBuilder) => Array.from({ length: builder.count }, (_, card) => cardRecordAt(builder.columns(), card));

describe('CardColumnsBuilder', () => {
	it('holds every card pushed or appended, in order, however it grew', () => {
		fc.assert(
			fc.property(fc.nat(8), fc.array(fc.array(recordArb, { maxLength: 12 }), { maxLength: 8 }), fc.array(fc.boolean(), { maxLength: 8 }), (capacity, batches, asAppend) => {
				const builder = new CardColumnsBuilder(capacity);
				batches.forEach((batch, b) => {
					if (asAppend[b]) {
						const other = new CardColumnsBuilder(0);
						for (const record of batch) other.pushRecord(record);
						builder.append(other.columns());
					} else for (const record of batch) builder.pushRecord(record);
				});
				expect(recordsOf(builder)).toEqual(batches.flat());
				// What is kept holds the same cards; with much room spare it owns arrays of just the cards.
				const kept = builder.keep();
				expect(Array.from({ length: cardCountOf(kept) }, (_, card) => cardRecordAt(kept, card))).toEqual(batches.flat());
				if (builder.count * 8 < builder.capacity * 7) expect(kept.fingerprints.buffer.byteLength).toBe(32 * builder.count);
			})
		);
	});

	it('over(columns) holds them as they are until it grows', () => {
		const first = new CardColumnsBuilder(2);
		first.pushRecord({ customerSeq: 1, brand: 'JCB', tail: '007', expiry: '0903', fingerprint: 'a'.repeat(64), tokenLast4: 'xyZ1' });
		const columns = first.columns();
		const over = CardColumnsBuilder.over(columns);
		expect(over.raw).toBe(columns);
		over.pushRecord({ customerSeq: 2, brand: 'AMEX', tail: '999', expiry: '9912', fingerprint: 'b'.repeat(64), tokenLast4: '!' });
		expect(recordsOf(over).map((card) => card.customerSeq)).toEqual([1, 2]);
		expect(cardRecordAt(columns, 0).tail).toBe('007');
	});

	// Issue 14: told how far through its input it is, the builder grows to what the whole input
	// foretells instead of doubling; any batches at any rates still give every card, in order.
	it('grown by forecast: holds every card in order, for any batches at any rates', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.array(recordArb, { maxLength: 12 }), fc.integer({ min: 1, max: 500 })), { maxLength: 10 }), (batches) => {
				const of = batches.reduce((sum, [, bytes]) => sum + bytes, 0);
				const builder = new CardColumnsBuilder(0);
				let done = 0;
				for (const [batch, bytes] of batches) {
					done += bytes;
					builder.reserve(batch.length, done, of);
					expect(builder.capacity).toBeGreaterThanOrEqual(builder.count + batch.length);
					for (const record of batch) builder.pushRecord(record);
				}
				expect(recordsOf(builder)).toEqual(batches.flatMap(([batch]) => batch));
			})
		);
	});

	it.each([
		// 100 cards per quarter: the first quarter foretells 400 cards and 1/64 (406.25 → 407).
		['an even rate: one growth, to the whole input and 1/64', [100, 100, 100, 100], [407]],
		// 500 cards at 3/4 foretell 677.08 → 678; then the input's end: exactly what is needed.
		['a rate rising late: a growth at each shortfall, never by doubling', [100, 100, 300, 300], [407, 678, 800]]
	])('grown by forecast, %s', (_name, perBatch, capacities) => {
		// Each batch is a quarter of a 10,000-byte input.
		const record: CardRecord = { customerSeq: 1, brand: 'VISA', tail: '001', expiry: '2912', fingerprint: 'a'.repeat(64), tokenLast4: 'xyZ1' };
		const builder = new CardColumnsBuilder(0);
		const seen: number[] = [];
		perBatch.forEach((cards, b) => {
			builder.reserve(cards, (b + 1) * 2500, 10000);
			if (builder.capacity !== seen.at(-1)) seen.push(builder.capacity);
			for (let i = 0; i < cards; i++) builder.pushRecord(record);
		});
		expect(seen).toEqual(capacities);
	});

	// The import forecasts from the pushes already checked, not from the one whose cards are passing.
	it.each([
		['the checked quarter gave 100 cards: 400 and 1/64 for the input', 100, 407],
		['the checked quarter gave 1 card: at least what is needed now', 1, 150]
	])('grown by forecast from the cards of the input checked, %s', (_name, doneCards, capacity) => {
		const record: CardRecord = { customerSeq: 1, brand: 'VISA', tail: '001', expiry: '2912', fingerprint: 'a'.repeat(64), tokenLast4: 'xyZ1' };
		const builder = new CardColumnsBuilder(0);
		builder.reserve(150, 2500, 10000, doneCards);
		for (let i = 0; i < 150; i++) builder.pushRecord(record);
		expect(builder.capacity).toBe(capacity);
		expect(builder.count).toBe(150);
	});
});

