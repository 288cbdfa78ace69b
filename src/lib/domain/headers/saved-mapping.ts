import { z } from '../zod';
import type { YamatoReturnField } from './columns';

/** Kinds of file whose column mapping the operator can change and the app remembers. */
export const mappingKinds = ['yamato-return'] as const;
export type MappingKind = (typeof mappingKinds)[number];

const column = z.int().min(0).max(100_000);
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
	signature: z.string().regex(/^[0-9a-f]{64}$/),
	/** That header as shown to the operator (safe to show). */
	headerCells: z.array(z.string().max(100)).max(1000).default([]),
	/** 1-based input column per field, 0 for none. */
	columns: z.object(yamatoReturnMapping),
	firstRowIsHeader: z.boolean().default(true),
	savedAt: z.number().default(0)
});
export type SavedColumnMapping = z.infer<typeof savedColumnMappingSchema>;
