import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardChunkSchema, cardColumnPatterns, isCardBrand, isCardExpiry, isCardTail, isFingerprint, isTokenLast4 } from './card';

// The stored card columns are checked code unit by code unit (a million values per import and per
// load); the class of fault: a check that accepts or refuses a text its pattern would not.
const checks = { brands: isCardBrand, tails: isCardTail, expiries: isCardExpiry, fingerprints: isFingerprint, tokenLast4: isTokenLast4 };

/** Texts near each column's shape: its own characters and a few others, at lengths around its own. */
const nearValues = fc.oneof(
	fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 6 }),
	fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFg/:`@ \u0660１'), minLength: 62, maxLength: 66 }),
	fc.string({ unit: fc.constantFrom(...'VISAMTERJCBXDN vias'), maxLength: 7 }),
	fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)), maxLength: 5 }),
	fc.string({ unit: 'binary', maxLength: 5 }),
	fc.constantFrom('VISA', 'MASTER', 'JCB', 'AMEX', 'DINERS', 'visa', '2900', '2912', '2913', '0000', '1299', '123', 'a'.repeat(64), 'A'.repeat(64), '\x21\x7e', '\x20', '\x7f')
);

describe('card column checks', () => {
	it.each(Object.keys(checks) as (keyof typeof checks)[])('%s accepts exactly what its pattern accepts', (column) => {
		fc.assert(
			fc.property(nearValues, (value) => {
				expect(checks[column](value)).toBe(cardColumnPatterns[column].test(value));
			}),
			{ numRuns: 2000 }
		);
	});

	it.each<[string, Record<string, unknown>]>([
		['an upper-case fingerprint', { fingerprints: ['A'.repeat(64)] }],
		['a fingerprint of 63 digits', { fingerprints: ['a'.repeat(63)] }],
		['a brand in lower case', { brands: ['visa'] }],
		['a tail of two digits', { tails: ['12'] }],
		['month 13', { expiries: ['2913'] }],
		['a last 4 with a space', { tokenLast4: ['AB C'] }],
		['a number where a text belongs', { tails: [123] }]
	])('a stored chunk with %s is refused', (_name, change) => {
		const chunk = { uploadId: 1, customerSeqs: [0], brands: ['VISA'], tails: ['123'], expiries: ['2912'], fingerprints: ['a'.repeat(64)], tokenLast4: ['WXYZ'], ...change };
		expect(cardChunkSchema.safeParse(chunk).success).toBe(false);
	});

	it('a valid stored chunk passes', () => {
		const chunk = { uploadId: 1, customerSeqs: [0, 1], brands: ['VISA', 'DINERS'], tails: ['123', '000'], expiries: ['2912', '3001'], fingerprints: ['a'.repeat(64), '0123456789abcdef'.repeat(4)], tokenLast4: ['WXYZ', '!~'] };
		expect(cardChunkSchema.safeParse(chunk).success).toBe(true);
	});
});
