import { z } from '../zod';
import { columnsHaveLength, registryChunkSize, textColumnSchema } from './columns';
import { packedTextSchema, packedTextV6Schema } from './packed-text';

/** One customer as registered (2026-11-29): 連携用ID (the old cart's number) is required, the rest optional. */
export const customerRecordSchema = z.object({
	linkageId: z.string().check(z.minLength(1)),
	name: z.string(),
	kana: z.string(),
	email: z.string(),
	phone: z.string(),
	zip: z.string(),
	address: z.string()
});
export type CustomerRecord = z.infer<typeof customerRecordSchema>;

/** Customers column by column, in registration order (their IDs follow from their position). */
export const customerColumnsSchema = z.object({
	linkageIds: textColumnSchema,
	names: textColumnSchema,
	kanas: textColumnSchema,
	emails: textColumnSchema,
	phones: textColumnSchema,
	zips: textColumnSchema,
	addresses: textColumnSchema
});
export type CustomerColumns = z.infer<typeof customerColumnsSchema>;

/** The column names of `CustomerColumns`. */
export const customerColumnKeys = Object.keys(customerColumnsSchema.shape) as (keyof CustomerColumns)[];

/**
 * Stored customer chunk as v2–v5 wrote it (2026-11-29): `count` customers from sequence number
 * `firstSeq`, written by upload `uploadId`, each column an array of strings. Still read (no upgrade
 * pass rewrites a million customers); never written since v6.
 */
export const customerChunkV5Schema = z
	.extend(customerColumnsSchema, {
		id: z.optional(z.int().check(z.positive())),
		uploadId: z.int().check(z.positive()),
		firstSeq: z.int().check(z.nonnegative()),
		count: z.int().check(z.nonnegative())
	})
	.check(
		z.refine((chunk) => columnsHaveLength(chunk, customerColumnKeys, chunk.count), {
			error: 'records.error.columnLength'
		})
	);
export type CustomerChunkV5 = z.infer<typeof customerChunkV5Schema>;

/** The fields of a stored packed customer chunk, its columns of `column`'s shape. */
function packedChunkSchema<T extends z.ZodMiniType>(column: T) {
	return z
		.object({
			id: z.optional(z.int().check(z.positive())),
			uploadId: z.int().check(z.positive()),
			firstSeq: z.int().check(z.nonnegative()),
			count: z.int().check(z.nonnegative(), z.maximum(registryChunkSize)),
			linkageIds: column,
			names: column,
			kanas: column,
			emails: column,
			phones: column,
			zips: column,
			addresses: column
		})
		.check(
			z.refine((chunk) => customerColumnKeys.every((key) => (chunk as unknown as Record<string, { ends: { length: number } }>)[key].ends.length === chunk.count), {
				error: 'records.error.columnLength'
			})
		);
}

/**
 * Stored customer chunk as v6 wrote it (2026-11-30): each column packed with absolute 32-bit ends
 * (`PackedTextV6`). Still read (converted to the block form on load, the texts kept); never written since v7.
 */
export const customerChunkV6Schema = packedChunkSchema(packedTextV6Schema);

/**
 * Stored customer chunk (2026-11-30, v7): at most `registryChunkSize` customers from sequence number
 * `firstSeq`, written by upload `uploadId`, each column packed (`PackedText`: one string, its value
 * ends relative to blocks of 256, 16 bits a value as a rule), so IndexedDB clones 7 strings and 14
 * typed arrays per chunk instead of 70,000 strings.
 */
export const customerChunkSchema = packedChunkSchema(packedTextSchema);
export type CustomerChunk = z.infer<typeof customerChunkSchema>;

/** Columns with no customers, ready to be filled. */
export function emptyCustomerColumns(): CustomerColumns {
	return { linkageIds: [], names: [], kanas: [], emails: [], phones: [], zips: [], addresses: [] };
}

/** Appends one customer to columns. */
export function pushCustomer(columns: CustomerColumns, customer: CustomerRecord): void {
	columns.linkageIds.push(customer.linkageId);
	columns.names.push(customer.name);
	columns.kanas.push(customer.kana);
	columns.emails.push(customer.email);
	columns.phones.push(customer.phone);
	columns.zips.push(customer.zip);
	columns.addresses.push(customer.address);
}
