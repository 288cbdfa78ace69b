import {
	savedColumnMappingSchema,
	type MappingKind,
	type SavedColumnMapping
} from '$lib/domain/headers/saved-mapping';
import { db } from './db';
import { metaRepository } from './meta-repository';

const prefix = (kind: MappingKind) => `mapping:${kind}:`;
const keyOf = (kind: MappingKind, signature: string) => `${prefix(kind)}${signature}`;

function sameCells(stored: unknown, cells: readonly string[]): boolean {
	const before = (stored as { headerCells?: unknown }).headerCells;
	return Array.isArray(before) && before.length === cells.length && before.every((cell, i) => cell === cells[i]);
}

/** Column mappings the operator chose, one meta record per kind of file and header signature. */
export const mappingRepository = {
	/**
	 * Every readable mapping saved for `kind` (unreadable records are skipped, never thrown). A
	 * record whose header cells read back masked (saved by an older version) is rewritten masked.
	 */
	async list(kind: MappingKind): Promise<SavedColumnMapping[]> {
		const records = await db().meta.where('key').startsWith(prefix(kind)).toArray();
		const mappings: SavedColumnMapping[] = [];
		const stale: { key: string; value: SavedColumnMapping }[] = [];
		for (const record of records) {
			const read = savedColumnMappingSchema.safeParse(record.value);
			if (read.success && read.data.kind === kind && record.key === keyOf(kind, read.data.signature)) {
				mappings.push(read.data);
				if (!sameCells(record.value, read.data.headerCells)) stale.push({ key: record.key, value: read.data });
			}
		}
		if (stale.length > 0) await db().meta.bulkPut(stale).catch(() => {});
		return mappings;
	},

	/** The mapping saved for a header signature, if any. */
	get(kind: MappingKind, signature: string): Promise<SavedColumnMapping | undefined> {
		return metaRepository.get(keyOf(kind, signature), savedColumnMappingSchema);
	},

	/** Saves (or replaces) the mapping for its header signature; refuses an invalid one. */
	save(mapping: SavedColumnMapping): Promise<void> {
		return metaRepository.put(keyOf(mapping.kind, mapping.signature), savedColumnMappingSchema, mapping);
	},

	/** Forgets the mapping of a header signature (「自動判定に戻す」). */
	async remove(kind: MappingKind, signature: string): Promise<void> {
		await db().meta.delete(keyOf(kind, signature));
	}
};
