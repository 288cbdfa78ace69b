import { z } from '../zod';
import { columnsHaveLength, patternColumnSchema, seqColumnSchema } from './columns';

/** The card brands the card import file accepts (column 4). */
export const cardBrands = ['VISA', 'MASTER', 'JCB', 'AMEX', 'DINERS'] as const;
export type CardBrand = (typeof cardBrands)[number];

const brandPattern = new RegExp(`^(?:${cardBrands.join('|')})$`);
const tailPattern = /^\d{3}$/;
const expiryPattern = /^\d{2}(?:0[1-9]|1[0-2])$/;
const fingerprintPattern = /^[0-9a-f]{64}$/;
const last4Pattern = /^[\x21-\x7e]{1,4}$/;

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

/** Cards column by column, in import order; `customerSeqs` point at registered customers. */
export const cardColumnsSchema = z.object({
	customerSeqs: seqColumnSchema,
	brands: patternColumnSchema(brandPattern, 'records.error.brand'),
	tails: patternColumnSchema(tailPattern, 'records.error.tail'),
	expiries: patternColumnSchema(expiryPattern, 'records.error.expiry'),
	fingerprints: patternColumnSchema(fingerprintPattern, 'records.error.fingerprint'),
	tokenLast4: patternColumnSchema(last4Pattern, 'records.error.tokenLast4')
});
export type CardColumns = z.infer<typeof cardColumnsSchema>;

/** The column names of `CardColumns`. */
export const cardColumnKeys = Object.keys(cardColumnsSchema.shape) as (keyof CardColumns)[];

/** Stored card chunk (2026-11-29): the cards one upload (`uploadId`) registered, up to one chunk's worth. */
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

/** Columns with no cards, ready to be filled. */
export function emptyCardColumns(): CardColumns {
	return { customerSeqs: [], brands: [], tails: [], expiries: [], fingerprints: [], tokenLast4: [] };
}

/** Appends one card to columns. */
export function pushCard(columns: CardColumns, card: CardRecord): void {
	columns.customerSeqs.push(card.customerSeq);
	columns.brands.push(card.brand);
	columns.tails.push(card.tail);
	columns.expiries.push(card.expiry);
	columns.fingerprints.push(card.fingerprint);
	columns.tokenLast4.push(card.tokenLast4);
}
