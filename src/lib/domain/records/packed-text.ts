import { z } from '../zod';

/**
 * A column of texts as one string and the end of each value in it (UTF-16 code units): value `i`
 * is `text.slice(ends[i - 1] ?? 0, ends[i])`. A million customers' columns are then a few hundred
 * strings instead of seven million, which the garbage collector never has to copy or mark one by
 * one, and IndexedDB clones one string and one typed array per column of a chunk (issue 14).
 * `ends` owns its buffer (a structured clone copies a view's whole buffer).
 */
export interface PackedText {
	readonly text: string;
	readonly ends: Uint32Array;
}

/** The packed form of no values. */
export const emptyPackedText: PackedText = { text: '', ends: new Uint32Array(0) };

/** Values `from`–`to` (exclusive) of `values` packed; any text (empty, astral, lone surrogates) as it is. */
export function packTexts(values: readonly string[], from = 0, to = values.length): PackedText {
	const ends = new Uint32Array(Math.max(0, to - from));
	let end = 0;
	for (let i = from; i < to; i++) ends[i - from] = end += values[i].length;
	// One join per column of a chunk: the values stay young garbage the scavenger frees at once.
	return { text: from === 0 && to === values.length ? values.join('') : values.slice(from, to).join(''), ends };
}

/** `count` empty values (placeholders of an unreadable stored chunk). */
export function emptyTexts(count: number): PackedText {
	return { text: '', ends: new Uint32Array(count) };
}

/** The number of values in `packed`. */
export function packedCount(packed: PackedText): number {
	return packed.ends.length;
}

/** Value `i` of `packed` (a new string: for a page or a view, never per customer on a whole-registry path). */
export function packedAt(packed: PackedText, i: number): string {
	return packed.text.slice(i === 0 ? 0 : packed.ends[i - 1], packed.ends[i]);
}

/** Where value `i` starts in `packed.text`. */
export function packedStart(packed: PackedText, i: number): number {
	return i === 0 ? 0 : packed.ends[i - 1];
}

/** Where value `i` ends in `packed.text` (exclusive). */
export function packedEnd(packed: PackedText, i: number): number {
	return packed.ends[i];
}

/** Every value of `packed`, as an array (tests, v5-shaped output). */
export function unpackTexts(packed: PackedText): string[] {
	const values: string[] = new Array(packed.ends.length);
	for (let i = 0; i < values.length; i++) values[i] = packedAt(packed, i);
	return values;
}

/** True when value `i` of `packed` equals `value`, compared in place (no slice). */
export function packedEquals(packed: PackedText, i: number, value: string): boolean {
	const start = packedStart(packed, i);
	const end = packed.ends[i];
	if (end - start !== value.length) return false;
	const text = packed.text;
	for (let k = 0; k < value.length; k++) if (text.charCodeAt(start + k) !== value.charCodeAt(k)) return false;
	return true;
}

/** True when `value` is a well-formed packed column of `count` values: ends ascending, the last at the text's end. */
export function isPackedText(value: unknown, count: number): value is PackedText {
	if (typeof value !== 'object' || value === null) return false;
	const { text, ends } = value as { text?: unknown; ends?: unknown };
	if (typeof text !== 'string' || !(ends instanceof Uint32Array) || ends.length !== count) return false;
	let last = 0;
	for (let i = 0; i < count; i++) {
		if (ends[i] < last) return false;
		last = ends[i];
	}
	return last === text.length;
}

/** A packed column (its length is checked by the record holding it). */
export const packedTextSchema = z.custom<PackedText>((value) => isPackedText(value, (value as { ends?: { length?: number } } | null)?.ends?.length ?? -1), {
	error: 'records.error.packedText'
});
