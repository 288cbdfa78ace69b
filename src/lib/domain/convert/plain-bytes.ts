// The byte tests the plain-line shortcuts share (step d's return line, step e's import line): each
// reads ASCII bytes before any decoding, exactly as the card rules read the same characters.
import type { CardBrand } from '../rules/brand';

/** The value of the `count` ASCII digits at `from`, or -1 when any byte there is not a digit. */
export function digitsIn(bytes: Uint8Array, from: number, count: number): number {
	let value = 0;
	for (let i = from; i < from + count; i++) {
		const digit = bytes[i] - 48;
		if (digit < 0 || digit > 9) return -1;
		value = value * 10 + digit;
	}
	return value;
}

/** The brand spelt by bytes[from, to) in capitals (VISA, AMEX, MASTER, DINERS, JCB), or null. */
export function brandIn(b: Uint8Array, from: number, to: number): CardBrand | null {
	const length = to - from;
	const c = b[from];
	if (length === 4) {
		if (c === 86 && b[from + 1] === 73 && b[from + 2] === 83 && b[from + 3] === 65) return 'VISA';
		if (c === 65 && b[from + 1] === 77 && b[from + 2] === 69 && b[from + 3] === 88) return 'AMEX';
		return null;
	}
	if (length === 6) {
		if (c === 77 && b[from + 1] === 65 && b[from + 2] === 83 && b[from + 3] === 84 && b[from + 4] === 69 && b[from + 5] === 82) return 'MASTER';
		if (c === 68 && b[from + 1] === 73 && b[from + 2] === 78 && b[from + 3] === 69 && b[from + 4] === 82 && b[from + 5] === 83) return 'DINERS';
		return null;
	}
	return length === 3 && c === 74 && b[from + 1] === 67 && b[from + 2] === 66 ? 'JCB' : null;
}

/**
 * The index of the CR or LF that ends a token starting at `at` (SPEC: a letter or digit, then
 * printable ASCII without quote or comma) and its line, before `limit`; -1 when the bytes are no
 * such token or the line does not end before `limit`.
 */
export function plainTokenEnd(bytes: Uint8Array, at: number, limit: number): number {
	const first = bytes[at];
	if (!((first >= 48 && first <= 57) || (first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return -1;
	let end = at + 1;
	for (; end < limit; end++) {
		const code = bytes[end];
		if (code < 0x21 || code > 0x7e || code === 0x22 || code === 0x2c) break;
	}
	return end === limit || (bytes[end] !== 10 && bytes[end] !== 13) ? -1 : end;
}

/**
 * The index of the CR or LF that ends the line starting at `at`, before `limit`, when the line is
 * printable ASCII (0x20–0x7E) without a quote, of exactly `commas` + 1 cells, and not blank (a
 * character other than a space or comma): a line the CSV reader would hand over unsplit and the
 * source would count as a data row, whose text is its bytes in Shift_JIS and UTF-8 alike. Else -1.
 */
export function asciiRowEnd(bytes: Uint8Array, at: number, limit: number, commas: number): number {
	let seen = 0;
	let isBlank = true;
	let end = at;
	for (; end < limit; end++) {
		const code = bytes[end];
		if (code === 0x2c) seen++;
		else if (code < 0x20 || code > 0x7e || code === 0x22) break;
		else if (code !== 0x20) isBlank = false;
	}
	if (end === limit || seen !== commas || isBlank) return -1;
	const code = bytes[end];
	return code === 10 || code === 13 ? end : -1;
}

// Bytes turned into text at a time (`String.fromCharCode.apply` puts each on the stack).
const codesPerPiece = 8192;
// One reused array of codes per length up to a row's usual length: `apply` reads a plain array
// several times faster than a view of the bytes (200k rows of 54 bytes: about 170 → 60 ms, Node 20).
const codesMaxLength = 256;
const codesByLength: number[][] = [];

/** bytes[start, end) of ASCII (see `asciiRowEnd`) as text, one character a byte. */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
	const length = end - start;
	if (length <= codesMaxLength) {
		const codes = (codesByLength[length] ??= new Array<number>(length).fill(0));
		for (let i = 0; i < length; i++) codes[i] = bytes[start + i];
		return String.fromCharCode.apply(null, codes);
	}
	let text = '';
	for (let at = start; at < end; at += codesPerPiece) {
		text += String.fromCharCode.apply(null, bytes.subarray(at, Math.min(end, at + codesPerPiece)) as unknown as number[]);
	}
	return text;
}
