import { z } from '../zod';
import { checkedColumnSchema, columnsHaveLength, seqColumnSchema } from './columns';

/** The card brands the card import file accepts (column 4). */
export const cardBrands = ['VISA', 'MASTER', 'JCB', 'AMEX', 'DINERS'] as const;
export type CardBrand = (typeof cardBrands)[number];

const brandPattern = new RegExp(`^(?:${cardBrands.join('|')})$`);
const tailPattern = /^\d{3}$/;
const expiryPattern = /^\d{2}(?:0[1-9]|1[0-2])$/;
const fingerprintPattern = /^[0-9a-f]{64}$/;
const last4Pattern = /^[\x21-\x7e]{0,4}$/;

/** The pattern of each stored card column: the source of the checks below, which must accept the same. */
export const cardColumnPatterns = {
	brands: brandPattern,
	tails: tailPattern,
	expiries: expiryPattern,
	fingerprints: fingerprintPattern,
	tokenLast4: last4Pattern
} as const;

// The patterns above, checked code unit by code unit for the columns (a million values each).
/** True when `value` is one of `cardBrands` (as `brandPattern`). */
export function isCardBrand(value: string): boolean {
	for (const brand of cardBrands) if (value === brand) return true;
	return false;
}

function isDigitAt(value: string, at: number): boolean {
	const code = value.charCodeAt(at);
	return code >= 48 && code <= 57;
}

/** True when `value` is 3 ASCII digits (as `tailPattern`). */
export function isCardTail(value: string): boolean {
	return value.length === 3 && isDigitAt(value, 0) && isDigitAt(value, 1) && isDigitAt(value, 2);
}

/** True when `value` is YYMM with month 01–12 (as `expiryPattern`). */
export function isCardExpiry(value: string): boolean {
	if (value.length !== 4 || !isDigitAt(value, 0) || !isDigitAt(value, 1) || !isDigitAt(value, 2) || !isDigitAt(value, 3)) return false;
	const month = (value.charCodeAt(2) - 48) * 10 + value.charCodeAt(3) - 48;
	return month >= 1 && month <= 12;
}

// 1 for every code unit below 128 that is not a lower-case hex digit.
const notHex = new Uint8Array(128).fill(1);
for (const digit of '0123456789abcdef') notHex[digit.charCodeAt(0)] = 0;

/** True when `value` is 64 lower-case hex digits, a SHA-256 as `sha256HexSync` writes it (as `fingerprintPattern`). */
export function isFingerprint(value: string): boolean {
	if (value.length !== 64) return false;
	let bad = 0;
	for (let i = 0; i < 64; i++) {
		const code = value.charCodeAt(i);
		bad |= (code >> 7) | notHex[code & 127];
	}
	return bad === 0;
}

/**
 * True when `value` is 0–4 printable ASCII characters, no space (as `last4Pattern`): empty for a
 * token of 8 characters or fewer, of which the registry keeps nothing (SPEC "Privacy promise").
 */
export function isTokenLast4(value: string): boolean {
	if (value.length > 4) return false;
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code < 0x21 || code > 0x7e) return false;
	}
	return true;
}

/**
 * One registered card (2026-11-29): what the registry may keep of it. Never the token: its SHA-256 (hex) and
 * its last 4 characters only, enough to verify an import but not to charge the card.
 */
export const cardRecordSchema = z.object({
	customerSeq: z.int().check(z.nonnegative()),
	brand: z.enum(cardBrands),
	tail: z.string().check(z.regex(tailPattern)),
	expiry: z.string().check(z.regex(expiryPattern)),
	fingerprint: z.string().check(z.regex(fingerprintPattern)),
	tokenLast4: z.string().check(z.regex(last4Pattern))
});
export type CardRecord = z.infer<typeof cardRecordSchema>;

/**
 * Cards column by column as texts, in import order; `customerSeqs` point at registered customers.
 * The shape v2–v5 stored (chunks still read, never rewritten); held and written as typed columns
 * since v6 (`CardColumns`, card-bytes.ts).
 */
export const cardColumnsSchema = z.object({
	customerSeqs: seqColumnSchema,
	brands: checkedColumnSchema(isCardBrand, 'records.error.brand'),
	tails: checkedColumnSchema(isCardTail, 'records.error.tail'),
	expiries: checkedColumnSchema(isCardExpiry, 'records.error.expiry'),
	fingerprints: checkedColumnSchema(isFingerprint, 'records.error.fingerprint'),
	tokenLast4: checkedColumnSchema(isTokenLast4, 'records.error.tokenLast4')
});
export type CardTextColumns = z.infer<typeof cardColumnsSchema>;

/** The column names of `CardTextColumns` (the v2–v5 stored shape). */
export const cardColumnKeys = Object.keys(cardColumnsSchema.shape) as (keyof CardTextColumns)[];

/** Stored card chunk of v2–v5 (2026-11-29): the cards one upload (`uploadId`) registered, up to one chunk's worth. */
export const cardChunkSchema = z
	.extend(cardColumnsSchema, {
		id: z.optional(z.int().check(z.positive())),
		uploadId: z.int().check(z.positive())
	})
	.check(
		z.refine((chunk) => columnsHaveLength(chunk, cardColumnKeys, chunk.customerSeqs.length), {
			error: 'records.error.columnLength'
		})
	);
export type CardChunk = z.infer<typeof cardChunkSchema>;
