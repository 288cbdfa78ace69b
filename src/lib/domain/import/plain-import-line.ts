// A shortcut for the card import file's common line, checked to give exactly what the rules give.
//
// A line already in SPEC's shape — the configured service, `US-` and 8 digits, 3 digits, a brand in
// capitals, holder and SEND ID blank, serial `0` or blank, a valid unexpired YYMM, a token of the
// allowed characters, nine columns in SPEC's order — passes every rule of step e unchanged, with
// no problem at all. Such a line is recognised here in one pass over its bytes, before any
// decoding, and its card handed on as offsets into those bytes: no text, no cells, no card object
// of texts per line (a million of each on a large import). Anything else, however slightly off,
// goes the general way (`checkCardRow` and the extra rules of step e), which alone says what is
// wrong. A property test holds both roads to the same cards and report.
import type { CardBrand } from '../rules/brand';

/**
 * A card of a plain line, read from its bytes: each field is where it stands in `bytes`, which the
 * card may be read from until the checker's next push (the caller may reuse its buffer then).
 */
export interface PlainImportCard {
	row: number;
	/** The 8 digits of the customer ID as a number (`customerKeyOf`). */
	customerKey: number;
	brand: CardBrand;
	bytes: Uint8Array;
	/** Index of the tail's 3 digits. */
	tailAt: number;
	/** Index of the expiry's 4 digits (YYMM). */
	expiryAt: number;
	/** The token is bytes[tokenAt, tokenEnd). */
	tokenAt: number;
	tokenEnd: number;
}

/** What `readPlainImportBytes` learnt about a line, its offsets absolute in the bytes read. */
export type PlainImportLine = Omit<PlainImportCard, 'row' | 'bytes'>;

function digitsIn(bytes: Uint8Array, from: number, count: number): number {
	let value = 0;
	for (let i = from; i < from + count; i++) {
		const digit = bytes[i] - 48;
		if (digit < 0 || digit > 9) return -1;
		value = value * 10 + digit;
	}
	return value;
}

// The brand spelt by bytes[from, to), in capitals, or null.
function brandIn(b: Uint8Array, from: number, to: number): CardBrand | null {
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
 * Reads the line of the card import file starting at `start` (before `limit`) from its bytes, as
 * ASCII: when it is a plain line (see above) for `service` (ASCII bytes) and a card valid at
 * `todayMonth` (`tokyoMonthIndex`), fills `out` and returns the index of the CR or LF that ends
 * it; else -1. A line it takes is printable ASCII without quotes, so its text is its bytes in
 * Shift_JIS and UTF-8 alike.
 */
export function readPlainImportBytes(bytes: Uint8Array, start: number, limit: number, service: Uint8Array, todayMonth: number, out: PlainImportLine): number {
	const serviceLength = service.length;
	// The shortest plain line: the service, `,US-dddddddd,ddd,JCB,,,,YYMM,`, a 1-byte token and its end.
	if (limit - start < serviceLength + 31) return -1;
	for (let i = 0; i < serviceLength; i++) if (bytes[start + i] !== service[i]) return -1;
	let at = start + serviceLength;
	if (bytes[at] !== 44 || bytes[at + 1] !== 85 || bytes[at + 2] !== 83 || bytes[at + 3] !== 45) return -1;
	const customerKey = digitsIn(bytes, at + 4, 8);
	if (customerKey < 0 || bytes[at + 12] !== 44) return -1;
	const tailAt = at + 13;
	if (digitsIn(bytes, tailAt, 3) < 0 || bytes[tailAt + 3] !== 44) return -1;
	const brandAt = tailAt + 4;
	let brandEnd = brandAt;
	while (brandEnd < brandAt + 7 && bytes[brandEnd] !== 44) brandEnd++;
	const brand = bytes[brandEnd] === 44 ? brandIn(bytes, brandAt, brandEnd) : null;
	// Holder and SEND ID blank, serial `0` or blank.
	if (brand === null || bytes[brandEnd + 1] !== 44 || bytes[brandEnd + 2] !== 44) return -1;
	at = brandEnd + 3;
	if (bytes[at] === 48) at++;
	if (bytes[at] !== 44) return -1;
	const expiryAt = at + 1;
	if (expiryAt + 6 > limit) return -1;
	const year = digitsIn(bytes, expiryAt, 2);
	const month = digitsIn(bytes, expiryAt + 2, 2);
	if (year < 0 || month < 1 || month > 12 || bytes[expiryAt + 4] !== 44) return -1;
	// An expired card gets its warning on the general road.
	if ((2000 + year) * 12 + month - 1 < todayMonth) return -1;
	// The token: a letter or digit first, then printable ASCII without quote or comma, to the line's end.
	const tokenAt = expiryAt + 5;
	const first = bytes[tokenAt];
	if (!((first >= 48 && first <= 57) || (first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return -1;
	let end = tokenAt + 1;
	for (; end < limit; end++) {
		const code = bytes[end];
		if (code < 0x21 || code > 0x7e || code === 0x22 || code === 0x2c) break;
	}
	if (end === limit || (bytes[end] !== 10 && bytes[end] !== 13)) return -1;
	out.customerKey = customerKey;
	out.brand = brand;
	out.tailAt = tailAt;
	out.expiryAt = expiryAt;
	out.tokenAt = tokenAt;
	out.tokenEnd = end;
	return end;
}
