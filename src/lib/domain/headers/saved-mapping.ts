import { z } from '../zod';
import { yamatoReturnColumns, type YamatoReturnField } from './columns';
import { displayHeaderCells } from './header-cells';

/** Kinds of file whose column mapping the operator can change and the app remembers. */
export const mappingKinds = ['yamato-return'] as const;
export type MappingKind = (typeof mappingKinds)[number];

const column = z.int().check(z.gte(0), z.lte(100_000));
const yamatoReturnMapping = {
	customerId: column,
	last3: column,
	brand: column,
	expiry: column,
	token: column
} satisfies Record<YamatoReturnField, typeof column>;

/** A mapping an operator chose, kept for files whose header has the same signature. */
export const savedColumnMappingSchema = z.object({
	kind: z.enum(mappingKinds),
	/** `headerSignature` of the header it was chosen for. */
	signature: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
	/**
	 * That header as shown to the operator: known column names whole, any other cell masked by
	 * `quoteCell`, on write and on read, so a mapping saved by an older version (which kept a
	 * forced header row's cells as they were) never hands a token back.
	 */
	headerCells: z.pipe(
		z._default(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(1000)), []),
		z.transform((cells: string[]) => displayHeaderCells(cells, yamatoReturnColumns))
	),
	/** 1-based input column per field, 0 for none. */
	columns: z.object(yamatoReturnMapping),
	firstRowIsHeader: z._default(z.boolean(), true),
	savedAt: z._default(z.number(), 0)
});
export type SavedColumnMapping = z.infer<typeof savedColumnMappingSchema>;
