import { packedAt, packedCount, packedEnd, type PackedText } from '$lib/domain/records/packed-text';
import { keySeparator } from './search-keys';

/**
 * One part's search keys of one field: the keys of its values in one string, value after value with
 * nothing between them, and where each key ends. `ends` is null when every key is as long as its
 * value: the packed column's own ends apply then (e-mails and 連携用IDs keep their lengths), so the
 * keys of a part cost one string at most and never one string per customer.
 */
export interface PartKey {
	readonly text: string;
	readonly ends: Uint32Array | null;
}

/** How a field's values become keys: the key function, and which characters it drops in a plain text. */
export interface KeyRule {
	/** The key of one value (`search-keys.ts`). */
	readonly keyOf: (value: string) => string;
	/** True when the rule keeps digits only (phones); else it drops spaces (' ', U+3000) only. */
	readonly isDigitsOnly: boolean;
}

// A text where every key function acts character by character, each character giving one or none:
// printable ASCII, the ideographic space (NFKC makes it ' ', which is dropped), kana, CJK, 々. Such a
// part's keys are the key function of its whole text; any other part is keyed value by value.
const plainText = /^[ -~\u3000\u3005\u3041-\u3096\u309d\u309e\u30a0-\u30fe\u4e00-\u9fff]*$/;

/**
 * The keys of every value of `column` by `rule`: `rule.keyOf(value)` for each value, a value holding
 * the key separator keyed without it (as the joined key columns before did).
 */
export function partKeyOf(column: PackedText, rule: KeyRule): PartKey {
	if (plainText.test(column.text)) {
		const text = rule.keyOf(column.text);
		if (text.length === column.text.length) return { text, ends: null };
		const ends = plainEnds(column, rule.isDigitsOnly);
		if (ends.length === 0 || ends[ends.length - 1] === text.length) return { text, ends };
	}
	return keyedByValue(column, rule);
}

/** Where each key ends when the rule dropped characters of a plain text: one pass over its codes. */
function plainEnds(column: PackedText, isDigitsOnly: boolean): Uint32Array {
	const count = packedCount(column);
	const ends = new Uint32Array(count);
	const text = column.text;
	let dropped = 0;
	let k = 0;
	for (let i = 0; i < count; i++) {
		const end = packedEnd(column, i);
		for (; k < end; k++) {
			const code = text.charCodeAt(k);
			if (isDigitsOnly ? code < 48 || code > 57 : code === 32 || code === 0x3000) dropped++;
		}
		ends[i] = end - dropped;
	}
	return ends;
}

function keyedByValue(column: PackedText, rule: KeyRule): PartKey {
	const count = packedCount(column);
	const keys: string[] = new Array(count);
	const ends = new Uint32Array(count);
	let end = 0;
	for (let i = 0; i < count; i++) {
		const value = packedAt(column, i);
		keys[i] = rule.keyOf(value.includes(keySeparator) ? value.replaceAll(keySeparator, '') : value);
		ends[i] = end += keys[i].length;
	}
	return { text: keys.join(''), ends };
}

/**
 * Pushes onto `seqs`, ascending, `firstSeq + i` for every value `i` of `column` whose key in `key`
 * holds `needle` (not empty) whole: a match that runs from one key into the next is no match.
 */
export function findInPart(key: PartKey, column: PackedText, needle: string, firstSeq: number, seqs: number[]): void {
	const { text, ends } = key;
	const length = needle.length;
	let i = 0;
	let end = ends ? ends[0] : packedEnd(column, 0);
	for (let at = text.indexOf(needle); at !== -1; ) {
		// The last key ends at the text's end, so some key holds `at`.
		while (end <= at) end = ends ? ends[++i] : packedEnd(column, ++i);
		if (at + length <= end) {
			seqs.push(firstSeq + i);
			at = text.indexOf(needle, end);
		} else at = text.indexOf(needle, at + 1);
	}
}
