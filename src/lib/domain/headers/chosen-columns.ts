import type { ColumnMapping, ColumnSpec, HeaderMatch } from './match-header';

/** Columns an operator chose: 1-based input column per field, 0 for none; fields left out keep what reading found. */
export type ChosenColumns<Key extends string = string> = Partial<Record<Key, number>>;

/** A mapping after the operator's choice, with what makes it unusable. */
export interface ChosenMapping<Key extends string> {
	mapping: ColumnMapping<Key>;
	/** Required fields left without a column. */
	missing: Key[];
	/** Fields the operator moved to a column past the first record's last one. */
	outside: Key[];
}

/** Lays `chosen` over the `detected` mapping; `width` is the first record's number of cells. */
export function chooseColumns<Key extends string>(
	detected: ColumnMapping<Key>,
	chosen: ChosenColumns<Key>,
	specs: readonly ColumnSpec<Key>[],
	width: number
): ChosenMapping<Key> {
	const mapping = { ...detected };
	const outside: Key[] = [];
	for (const { key } of specs) {
		const column = chosen[key];
		if (column === undefined) continue;
		if (!Number.isInteger(column) || column < 0) throw new RangeError(`column of ${key}: ${column}`);
		mapping[key] = column;
		// A column left as reading found it follows the usual rules (a short row lacks a value).
		if (column !== detected[key] && column > width) outside.push(key);
	}
	const missing = specs.filter((spec) => spec.required && mapping[spec.key] === 0).map((spec) => spec.key);
	return { mapping, missing, outside };
}

/**
 * Doubled header names still worth a warning under `mapping`: [unused column, column in use] for
 * each field whose column in use is one of those naming it (none when the operator chose another).
 */
export function duplicatesInUse<Key extends string>(
	match: HeaderMatch<Key>,
	mapping: ColumnMapping<Key>
): [number, number][] {
	const keys = Object.keys(match.mapping) as Key[];
	const pairs: [number, number][] = [];
	for (const [column, first] of match.duplicates) {
		const used = mapping[keys.find((key) => match.mapping[key] === first)!];
		if (used === first) pairs.push([column, first]);
		else if (used === column) pairs.push([first, column]);
		else if (match.duplicates.some(([other, same]) => other === used && same === first)) pairs.push([column, used]);
	}
	return pairs;
}
