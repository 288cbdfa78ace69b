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

// A plain text: printable ASCII, the ideographic space (NFKC makes it ' ', which is dropped), kana,
// CJK, 々. On it every key function acts character by character, each character giving one or none
// (NFKC leaves the rest alone), so a part of plain text is keyed by the key function of its whole
// text (native passes over one string); any other part is keyed value by value.
const plainText = /^[ -~\u3000\u3005\u3041-\u3096\u309d\u309e\u30a0-\u30fe\u4e00-\u9fff]*$/;

/**
 * The keys of every value of `column` by `rule`: `rule.keyOf(value)` for each value, a value holding
 * the key separator keyed without it (as the joined key columns before did).
 */
export function partKeyOf(column: PackedText, rule: KeyRule): PartKey {
	if (plainText.test(column.text)) {
		const text = rule.keyOf(column.text);
		// Nothing dropped: every key is as long as its value (case and kana changed at most).
		if (text.length === column.text.length) return { text, ends: null };
		const ends = rule.isDigitsOnly ? digitEnds(column) : spaceEnds(column);
		if (ends[ends.length - 1] === text.length) return { text, ends };
	}
	return keyedByValue(column, rule);
}

/** Where each key ends when the spaces (' ', U+3000) of a plain text are dropped: jumps from space to space. */
function spaceEnds(column: PackedText): Uint32Array {
	const count = packedCount(column);
	const ends = new Uint32Array(count);
	const text = column.text;
	let space = text.indexOf(' ');
	let wide = text.indexOf('\u3000');
	let dropped = 0;
	for (let i = 0; i < count; i++) {
		const end = packedEnd(column, i);
		while (space !== -1 && space < end) {
			dropped++;
			space = text.indexOf(' ', space + 1);
		}
		while (wide !== -1 && wide < end) {
			dropped++;
			wide = text.indexOf('\u3000', wide + 1);
		}
		ends[i] = end - dropped;
	}
	return ends;
}

/** Where each key ends when only the digits 0–9 of a plain text are kept: one pass over its codes. */
function digitEnds(column: PackedText): Uint32Array {
	const count = packedCount(column);
	const ends = new Uint32Array(count);
	const text = column.text;
	let kept = 0;
	let k = 0;
	for (let i = 0; i < count; i++) {
		const end = packedEnd(column, i);
		for (; k < end; k++) {
			const code = text.charCodeAt(k);
			if (code >= 48 && code <= 57) kept++;
		}
		ends[i] = kept;
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
