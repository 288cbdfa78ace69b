// Step d's warned rows read from their bytes, as the card rules read their text.
//
// A return row that passes with warnings only — a brand in other case, a tail of 1–2 digits, an
// expiry of YYYYMM or 3 digits, ASCII spaces around a value, an expired card — is read here in one
// pass over its bytes: what `checkCardRow` would repair and warn about is noted as numbers, and the
// converter adds the same problems in the same order and writes the repaired line straight into
// the output bytes. No text of the row, no string per cell. Anything else (an error, an alias such
// as `MasterCard`, full-width characters, a space of another kind, a custom ID pattern, MMYY) is
// left to the rules, which alone say what is wrong. `tests/unit/warned-line-bytes.spec.ts` holds
// both roads to the same bytes and problems.

import { cardBrands } from '../rules/brand';

/** What `readWarnedCardBytes` learnt about a row (byte indexes into the bytes it read). */
export interface WarnedCardLine {
	/** The 8 digits of the customer ID as a number; the ID's 11 bytes start at `idStart`. */
	customerKey: number;
	idStart: number;
	/** The tail's value and how many digits it had (1–2: `tail-padded`). */
	tail: number;
	tailDigits: number;
	/** Index of the brand in `cardBrands`; its trimmed bytes [brandStart, brandEnd); exact when in capitals. */
	brand: number;
	brandStart: number;
	brandEnd: number;
	isBrandExact: boolean;
	/** The expiry's digits as written (3, 4, or 6 for YYYYMM) and its value; `yymm` after repair. */
	expiryDigits: number;
	expiryValue: number;
	yymm: number;
	/** The token's trimmed bytes. */
	tokenStart: number;
	tokenEnd: number;
	/** Bit i set: the value of column i + 1 had spaces around it (`trimmed-spaces`). */
	trimmed: number;
}

/** A fresh record for `readWarnedCardBytes` to fill. */
export function emptyWarnedCardLine(): WarnedCardLine {
	return { customerKey: 0, idStart: 0, tail: 0, tailDigits: 0, brand: 0, brandStart: 0, brandEnd: 0, isBrandExact: true, expiryDigits: 0, expiryValue: 0, yymm: 0, tokenStart: 0, tokenEnd: 0, trimmed: 0 };
}

// The brands in lower case, as bytes, for a comparison that ignores case.
const lowerBrands = cardBrands.map((brand) => Uint8Array.from(brand.toLowerCase(), (c) => c.charCodeAt(0)));

/** The index in `cardBrands` of the ASCII letters bytes[from, to) in any case, or -1. */
function brandIgnoringCase(b: Uint8Array, from: number, to: number): number {
	const length = to - from;
	search: for (let k = 0; k < lowerBrands.length; k++) {
		const name = lowerBrands[k];
		if (name.length !== length) continue;
		for (let i = 0; i < length; i++) if ((b[from + i] | 0x20) !== name[i]) continue search;
		return k;
	}
	return -1;
}

// The digits bytes[from, to) as a number, or -1 when empty or any byte is not an ASCII digit.
function digitsValue(b: Uint8Array, from: number, to: number): number {
	if (to <= from) return -1;
	let value = 0;
	for (let i = from; i < to; i++) {
		const digit = b[i] - 48;
		if (digit >>> 0 > 9) return -1;
		value = value * 10 + digit;
	}
	return value;
}

/**
 * Reads the line at `start` as the card rules read its text in SPEC's column order with the default
 * ID pattern and YYMM: the index of the CR or LF that ends it (before `limit`) when it is printable
 * ASCII without a quote, of five cells (so its text is its bytes in Shift_JIS and UTF-8 alike, as
 * `asciiRowEnd` takes), and every rule passes, with or without warnings (SPEC "Repairs shown as
 * warnings"); `out` then holds what the rules would repair. -1 when the rules would find an error,
 * the row needs a repair this reader does not make, or the line does not end before `limit`.
 * Spaces: only U+0020 can stand in such a line (the rules trim the same).
 */
export function readWarnedCardBytes(b: Uint8Array, start: number, limit: number, out: WarnedCardLine): number {
	let trimmed = 0;
	let at = start;
	let isExact = true;
	for (let column = 0; column < 5; column++) {
		// A cell ends at a comma or the line's end; every byte up to there is checked by its field below.
		let cellEnd = at;
		while (cellEnd < limit && b[cellEnd] !== 44 && b[cellEnd] !== 10 && b[cellEnd] !== 13) cellEnd++;
		if (cellEnd === limit || (b[cellEnd] === 44) !== (column < 4)) return -1;
		let from = at;
		let to = cellEnd;
		while (from < to && b[from] === 32) from++;
		while (to > from && b[to - 1] === 32) to--;
		// A value of spaces only is missing: an error.
		if (from === to) return -1;
		if (from !== at || to !== cellEnd) trimmed |= 1 << column;
		if (column === 0) {
			if (to - from !== 11 || b[from] !== 85 || b[from + 1] !== 83 || b[from + 2] !== 45) return -1;
			const key = digitsValue(b, from + 3, to);
			if (key < 0) return -1;
			out.customerKey = key;
			out.idStart = from;
		} else if (column === 1) {
			if (to - from > 3) return -1;
			const tail = digitsValue(b, from, to);
			if (tail < 0) return -1;
			out.tail = tail;
			out.tailDigits = to - from;
		} else if (column === 2) {
			const brand = brandIgnoringCase(b, from, to);
			if (brand < 0) return -1;
			const name = cardBrands[brand];
			for (let i = 0; i < to - from && isExact; i++) if (b[from + i] !== name.charCodeAt(i)) isExact = false;
			out.brand = brand;
			out.brandStart = from;
			out.brandEnd = to;
		} else if (column === 3) {
			if (!readExpiryDigits(b, from, to, out)) return -1;
		} else {
			// A token: a letter or digit, then printable ASCII without space, `,` or `"` (SPEC).
			const first = b[from] | 0x20;
			if (!((b[from] >= 48 && b[from] <= 57) || (first >= 97 && first <= 122))) return -1;
			for (let i = from + 1; i < to; i++) if (b[i] < 0x21 || b[i] > 0x7e || b[i] === 0x22) return -1;
			out.tokenStart = from;
			out.tokenEnd = to;
		}
		at = cellEnd + 1;
	}
	out.isBrandExact = isExact;
	out.trimmed = trimmed;
	// `at` is one past the line's CR or LF.
	return at - 1;
}

// The expiry as `readExpiry` reads it in YYMM: 4 digits, 3 padded, or YYYYMM of a year 20xx; month 01–12.
function readExpiryDigits(b: Uint8Array, from: number, to: number, out: WarnedCardLine): boolean {
	const length = to - from;
	if (length !== 3 && length !== 4 && length !== 6) return false;
	const value = digitsValue(b, from, to);
	if (value < 0) return false;
	if (length === 6 && (b[from] !== 50 || b[from + 1] !== 48)) return false;
	const yymm = value % 10000;
	const month = yymm % 100;
	if (month < 1 || month > 12) return false;
	out.expiryDigits = length;
	out.expiryValue = value;
	out.yymm = yymm;
	return true;
}
