import { normalizeHeader, normalizeHeaderWithoutNotes } from './normalize-header';

/** A column a file kind knows: its key, the names it goes by, whether a file must have it. */
export interface ColumnSpec<Key extends string = string> {
	key: Key;
	names: readonly string[];
	required: boolean;
	/**
	 * True when the field's rule wants it blank (the card import file's カード名義人 and SEND ID,
	 * SPEC "Card import file"): an empty cell there is the norm, not a sign of a shifted row.
	 */
	blank?: boolean;
}

/** 1-based input column of each field, 0 when the file lacks it. */
export type ColumnMapping<Key extends string = string> = Record<Key, number>;

/** What a first record says about the header: the mapping it names and any doubled names. */
export interface HeaderMatch<Key extends string = string> {
	matched: number;
	mapping: ColumnMapping<Key>;
	/** Columns naming a field that an earlier column already named: [column, first column]. */
	duplicates: [number, number][];
	missing: Key[];
}

/** Builds a lookup from loose names to keys for a list of column specs. */
export function buildHeaderIndex<Key extends string>(specs: readonly ColumnSpec<Key>[]): Map<string, Key> {
	const index = new Map<string, Key>();
	for (const spec of specs) {
		for (const name of spec.names) index.set(normalizeHeader(name), spec.key);
	}
	return index;
}

/** The key a header cell names (full loose name first, then without bracketed notes), or null. */
export function keyOfHeader<Key extends string>(cell: string, index: ReadonlyMap<string, Key>): Key | null {
	const full = index.get(normalizeHeader(cell));
	if (full) return full;
	const short = normalizeHeaderWithoutNotes(cell);
	return (short !== null && index.get(short)) || null;
}

/** Matches a record against column specs; the first column naming a field wins. */
export function matchHeader<Key extends string>(
	cells: readonly string[],
	specs: readonly ColumnSpec<Key>[],
	index: ReadonlyMap<string, Key> = buildHeaderIndex(specs)
): HeaderMatch<Key> {
	const mapping = Object.fromEntries(specs.map((spec) => [spec.key, 0])) as ColumnMapping<Key>;
	const duplicates: [number, number][] = [];
	let matched = 0;
	cells.forEach((cell, i) => {
		const key = keyOfHeader(cell, index);
		if (key === null) return;
		if (mapping[key] > 0) duplicates.push([i + 1, mapping[key]]);
		else {
			mapping[key] = i + 1;
			matched++;
		}
	});
	const missing = specs.filter((spec) => spec.required && mapping[spec.key] === 0).map((s) => s.key);
	return { matched, mapping, duplicates, missing };
}

/** The mapping of a file without header: the specs' own order. */
export function defaultMapping<Key extends string>(specs: readonly ColumnSpec<Key>[]): ColumnMapping<Key> {
	return Object.fromEntries(specs.map((spec, i) => [spec.key, i + 1])) as ColumnMapping<Key>;
}
