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
import { brandIn, digitsIn, plainTokenEnd } from '../convert/plain-bytes';
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
	const tokenAt = expiryAt + 5;
	const end = plainTokenEnd(bytes, tokenAt, limit);
	if (end < 0) return -1;
	out.customerKey = customerKey;
	out.brand = brand;
	out.tailAt = tailAt;
	out.expiryAt = expiryAt;
	out.tokenAt = tokenAt;
	out.tokenEnd = end;
	return end;
}
