import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256HexOfBytes, sha256HexSync, sha256OfBytesInto, sha256SyncInto } from '../hash/sha256-sync';
import { expiryMonthIndex } from '../rules/expiry';
import { cardBrands, cardChunkSchema, cardColumnPatterns, type CardRecord } from './card';
import {
	allocCardColumns,
	cardBytesChunkSchema,
	cardColumnsOfStored,
	cardColumnsOfTexts,
	cardRecordAt,
	cardTextsOf,
	expiryMonthOf,
	fingerprintHex,
	isCardColumns,
	last4Text,
	sliceCardColumns,
	writeCardRecord,
	writeLast4Bytes,
	type CardColumns
} from './card-bytes';

// Every valid value of each column, drawn from the patterns' whole range.
const tailArb = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
const expiryArb = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${String(y).padStart(2, '0')}${String(m).padStart(2, '0')}`);
const printable = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));
const last4Arb = fc.array(printable, { minLength: 1, maxLength: 4 }).map((chars) => chars.join(''));
const hexArb = fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 64, maxLength: 64 }).map((digits) => digits.map((d) => d.toString(16)).join(''));
const recordArb: fc.Arbitrary<CardRecord> = fc.record({
	customerSeq: fc.integer({ min: 0, max: 0x7fffffff }),
	brand: fc.constantFrom(...cardBrands),
	tail: tailArb,
	expiry: expiryArb,
	fingerprint: hexArb,
	tokenLast4: last4Arb
});

/** Typed columns of `records`, each written with `writeCardRecord` (which must accept it). */
function columnsOf(records: CardRecord[]): CardColumns {
	const columns = allocCardColumns(records.length);
	records.forEach((record, card) => expect(writeCardRecord(columns, card, record)).toBe(true));
	return columns;
}

describe('card byte columns ↔ text columns', () => {
	it('give back every valid card as it was written, whatever the values', () => {
		fc.assert(
			fc.property(fc.array(recordArb, { maxLength: 40 }), (records) => {
				const columns = columnsOf(records);
				expect(records.map((_, card) => cardRecordAt(columns, card))).toEqual(records);
				expect(isCardColumns(sliceCardColumns(columns, 0, records.length))).toBe(true);
				// And the v5 text form: through the texts and back gives the same bytes.
				const texts = cardTextsOf(columns);
				expect(cardChunkSchema.safeParse({ ...texts, uploadId: 1 }).success).toBe(true);
				expect(cardColumnsOfTexts(texts)).toEqual(sliceCardColumns(columns, 0, records.length));
			})
		);
	});

	it.each([
		['every tail 000–999', Array.from({ length: 1000 }, (_, n) => ({ tail: String(n).padStart(3, '0') }))],
		['every month of a few years, leading zeros kept', [0, 9, 10, 99].flatMap((y) => Array.from({ length: 12 }, (_, m) => ({ expiry: `${String(y).padStart(2, '0')}${String(m + 1).padStart(2, '0')}` })))],
		['every brand', cardBrands.map((brand) => ({ brand }))],
		['token tails of 1–4 characters', ['!', 'a', 'Z9', '~~~', 'xyZ1', '0000'].map((tokenLast4) => ({ tokenLast4 }))]
	] as const)('%s', (_name, changes) => {
		const base: CardRecord = { customerSeq: 0, brand: 'VISA', tail: '012', expiry: '0903', fingerprint: 'a'.repeat(64), tokenLast4: 'WXYZ' };
		const records = (changes as readonly Partial<CardRecord>[]).map((change) => ({ ...base, ...change }));
		const columns = columnsOf(records);
		expect(cardTextsOf(columns)).toEqual(cardTextsOf(cardColumnsOfTexts(cardTextsOf(columns))));
		expect(records.map((_, card) => cardRecordAt(columns, card))).toEqual(records);
	});

	it('refuses every text a column\'s pattern refuses, and writes nothing usable', () => {
		const bad = fc.oneof(
			fc.record({ tail: fc.string({ maxLength: 4 }).filter((t) => !cardColumnPatterns.tails.test(t)) }),
			fc.record({ expiry: fc.string({ maxLength: 5 }).filter((t) => !cardColumnPatterns.expiries.test(t)) }),
			fc.record({ brand: fc.string({ maxLength: 7 }).filter((t) => !cardColumnPatterns.brands.test(t)) }),
			fc.record({ fingerprint: fc.string({ maxLength: 65 }).filter((t) => !cardColumnPatterns.fingerprints.test(t)) }),
			fc.record({ tokenLast4: fc.string({ maxLength: 5 }).filter((t) => !cardColumnPatterns.tokenLast4.test(t)) })
		);
		fc.assert(
			fc.property(recordArb, bad, (record, change) => {
				expect(writeCardRecord(allocCardColumns(1), 0, { ...record, ...change } as CardRecord)).toBe(false);
			})
		);
	});

	it('an expiry number gives the month index of its text', () => {
		fc.assert(
			fc.property(expiryArb, (expiry) => {
				expect(expiryMonthOf(Number(expiry))).toBe(expiryMonthIndex(expiry));
			})
		);
	});
});

describe('fingerprints and token tails from bytes', () => {
	const tokenArb = fc.array(printable, { minLength: 1, maxLength: 40 }).map((chars) => chars.join(''));
	it('hash into the column as the hex digest of the same token', () => {
		fc.assert(
			fc.property(tokenArb, fc.integer({ min: 0, max: 3 }), (token, card) => {
				const bytes = new TextEncoder().encode(`,${token},`);
				const fromBytes = new Uint8Array(32 * 4);
				const fromText = new Uint8Array(32 * 4);
				sha256OfBytesInto(bytes, 1, bytes.length - 1, fromBytes, card * 32);
				sha256SyncInto(token, fromText, card * 32);
				expect(fingerprintHex(fromBytes, card)).toBe(sha256HexOfBytes(bytes, 1, bytes.length - 1));
				expect(fingerprintHex(fromText, card)).toBe(sha256HexSync(token));
			})
		);
	});

	it('keep the token\'s last 1–4 characters', () => {
		fc.assert(
			fc.property(tokenArb, (token) => {
				const bytes = new TextEncoder().encode(`,${token},`);
				const out = new Uint8Array(8);
				writeLast4Bytes(bytes, 1, bytes.length - 1, out, 4);
				expect(last4Text(out, 1)).toBe(token.slice(-4));
			})
		);
	});
});

describe('stored card chunks', () => {
	const valid = () => ({ ...sliceCardColumns(cardColumnsOfTexts({ customerSeqs: [3], brands: ['JCB'], tails: ['007'], expiries: ['0112'], fingerprints: ['b'.repeat(64)], tokenLast4: ['a'] }), 0, 1), uploadId: 2 });
	it.each<[string, (chunk: Record<string, unknown>) => void]>([
		['a brand index past the list', (c) => (c.brands = Uint8Array.of(5))],
		['a tail of 4 digits', (c) => (c.tails = Uint16Array.of(1000))],
		['month 13', (c) => (c.expiries = Uint16Array.of(2913))],
		['month 00', (c) => (c.expiries = Uint16Array.of(2900))],
		['a token tail with a space', (c) => (c.tokenLast4 = Uint8Array.of(0x61, 0x20, 0, 0))],
		['a token tail with a gap', (c) => (c.tokenLast4 = Uint8Array.of(0x61, 0, 0x62, 0))],
		['a token tail with a control character', (c) => (c.tokenLast4 = Uint8Array.of(0x61, 0x09, 0, 0))],
		['a token tail column of 3 bytes a card', (c) => (c.tokenLast4 = Uint8Array.of(0x61, 0, 0))],
		['a negative customer', (c) => (c.customerSeqs = Int32Array.of(-1))],
		['a short fingerprint column', (c) => (c.fingerprints = new Uint8Array(31))],
		['a column of another type', (c) => (c.tails = Uint8Array.of(7))],
		['no upload', (c) => delete c.uploadId]
	])('are refused on write with %s', (_name, damage) => {
		const chunk: Record<string, unknown> = valid();
		expect(cardBytesChunkSchema.safeParse(chunk).success).toBe(true);
		damage(chunk);
		expect(cardBytesChunkSchema.safeParse(chunk).success).toBe(false);
	});

	it('are read in either shape, typed (v6) or texts (v2–v5), to the same cards', () => {
		fc.assert(
			fc.property(fc.array(recordArb, { minLength: 1, maxLength: 20 }), (records) => {
				const typed = { ...sliceCardColumns(columnsOf(records), 0, records.length), uploadId: 1 };
				const texts = { ...cardTextsOf(typed), uploadId: 1 };
				expect(cardColumnsOfStored(texts)).toEqual(cardColumnsOfStored(typed));
			})
		);
	});
});
