import { digitValue, findCardNumberColumn, isCardNumberChar, isCardNumberSeparator } from '../guard/card-number';

// A card number pasted into a row of the other encoding (SPEC "Refused outright": no PAN is ever
// kept, shown or exported). People copy a number from a web page or chat (UTF-8) into a Shift_JIS
// spreadsheet, or the reverse: the row is then written in two encodings at once. Its ASCII digits
// read the same in both, but a separator between them (ideographic space E3 80 80, ー E3 83 BC,
// ・ E3 83 BB, · C2 B7, or Shift_JIS 81 40, 81 5B, 81 7C…) reads as mojibake in the file's
// encoding, and the guard, which allows one separator between digit groups, sees none. Many such
// bytes even decode without error: in Shift_JIS ー reads 「繝ｼ」, · reads 「ﾂｷ」. So the guard also
// reads such a line with every digit and separator taken in whichever encoding it is written.

/** What a neighbouring character is to the card-number rule. */
type Kind = 0 | 1 | 2;
const Other: Kind = 0;
const Digit: Kind = 1;
const Separator: Kind = 2;

function kindOfCode(code: number): Kind {
	if (digitValue(code) >= 0) return Digit;
	return isCardNumberSeparator(code) ? Separator : Other;
}

/**
 * The code point of the UTF-8 sequence of 2 or 3 bytes starting at `i` (RFC 3629: no overlong
 * forms, no surrogates), or -1 when none starts there or it runs past `to`. Sequences of 4 bytes
 * are left out: the guard's digits and separators all lie in the BMP.
 */
function utf8CodeAt(bytes: Uint8Array, i: number, to: number): number {
	const lead = bytes[i];
	if (lead < 0xc2 || lead > 0xef) return -1;
	if (lead < 0xe0) {
		if (i + 1 >= to) return -1;
		const second = bytes[i + 1];
		return second >= 0x80 && second <= 0xbf ? ((lead & 0x1f) << 6) | (second & 0x3f) : -1;
	}
	if (i + 2 >= to) return -1;
	const second = bytes[i + 1];
	const third = bytes[i + 2];
	const low = lead === 0xe0 ? 0xa0 : 0x80;
	const high = lead === 0xed ? 0x9f : 0xbf;
	if (second < low || second > high || third < 0x80 || third > 0xbf) return -1;
	return ((lead & 0x0f) << 12) | ((second & 0x3f) << 6) | (third & 0x3f);
}

const isSjisLead = (byte: number) => (byte >= 0x81 && byte <= 0x9f) || (byte >= 0xe0 && byte <= 0xfc);
const isSjisTrail = (byte: number) => byte >= 0x40 && byte <= 0xfc && byte !== 0x7f;

// The two-byte Shift_JIS characters that are digits or separators of the guard (full-width digits,
// 　 ー － ‐ ― ． ・ ／ 。 〜 …), by lead << 8 | trail; 0 for every other pair. Built on first use
// from the Shift_JIS decoder itself, so it reads pairs as the decoder in use does.
let sjisCardPairs: Uint16Array | null = null;

function sjisCardTable(): Uint16Array {
	if (sjisCardPairs) return sjisCardPairs;
	const table = new Uint16Array(0x10000);
	const pairs: number[] = [];
	const keys: number[] = [];
	for (let lead = 0x81; lead <= 0xfc; lead++) {
		if (!isSjisLead(lead)) continue;
		for (let trail = 0x40; trail <= 0xfc; trail++) {
			if (!isSjisTrail(trail)) continue;
			// Each pair followed by LF: a pair that does not decode never swallows the LF.
			pairs.push(lead, trail, 0x0a);
			keys.push((lead << 8) | trail);
		}
	}
	const chars = new TextDecoder('shift_jis').decode(Uint8Array.from(pairs)).split('\n');
	keys.forEach((key, k) => {
		const char = chars[k];
		if (char.length === 1 && isCardNumberChar(char.charCodeAt(0))) table[key] = char.charCodeAt(0);
	});
	sjisCardPairs = table;
	return table;
}

/** The digit or separator of the Shift_JIS pair starting at `i` (before `to`), or 0. */
function sjisCardCodeAt(bytes: Uint8Array, i: number, to: number): number {
	if (i < 0 || i + 1 >= to || !isSjisLead(bytes[i])) return 0;
	return sjisCardTable()[(bytes[i] << 8) | bytes[i + 1]];
}

// 1 for each first two bytes (lead << 8 | second) that can begin the UTF-8 form of a digit or
// separator of the guard, 0 for all others: one array read rules out almost every byte pair of
// Shift_JIS text. Built on first use.
let cardStarts: Uint8Array | null = null;

function cardStartTable(): Uint8Array {
	if (cardStarts) return cardStarts;
	const table = new Uint8Array(0x10000);
	for (let code = 0x80; code < 0x10000; code++) {
		if (!isCardNumberChar(code)) continue;
		const key = code < 0x800 ? ((0xc0 | (code >> 6)) << 8) | (0x80 | (code & 0x3f)) : ((0xe0 | (code >> 12)) << 8) | (0x80 | ((code >> 6) & 0x3f));
		table[key] = 1;
	}
	cardStarts = table;
	return table;
}

/** What the character ending just before `i` is: an ASCII byte, else a Shift_JIS pair. */
function kindBefore(bytes: Uint8Array, i: number): Kind {
	if (i <= 0) return Other;
	const byte = bytes[i - 1];
	if (byte < 0x80) return kindOfCode(byte);
	const code = sjisCardCodeAt(bytes, i - 2, i);
	return code === 0 ? Other : kindOfCode(code);
}

/** `utf8CardCharOrLineEnd`'s answer when it finds such a character. */
export const FOUND_CARD_CHAR = -2;

// Per byte, for the scan below: 1 an ASCII digit or the second byte of a full-width Shift_JIS
// digit (82 4F–58, checked when it matters), 2 a byte that may begin a UTF-8 character of 2 or 3
// bytes (C2–EF), 4 a line end.
const byteClass: Uint8Array = (() => {
	const classes = new Uint8Array(256);
	for (let byte = 0x30; byte <= 0x39; byte++) classes[byte] = 1;
	for (let byte = 0x4f; byte <= 0x58; byte++) classes[byte] = 1;
	for (let byte = 0xc2; byte <= 0xef; byte++) classes[byte] = 2;
	classes[0x0a] = 4;
	classes[0x0d] = 4;
	return classes;
})();

/**
 * Scans one line of Shift_JIS text from `from`: `FOUND_CARD_CHAR` when a digit (ASCII, or
 * full-width in Shift_JIS) is followed by the UTF-8 form of a digit or separator of the guard, as
 * in every card number whose separators were pasted in UTF-8; else the index just past the
 * line's CR or LF, or -1 when the bytes end first. Genuine Shift_JIS text rarely is: its bytes
 * seldom form a UTF-8 digit or separator (「ﾂｷ」 is C2 B7, the middle dot), and then hardly ever
 * right after a digit. One table read a byte, and a branch that is almost never taken: the
 * bytes of Shift_JIS text fall above and below C2 at random, so testing that first cost three
 * times as much (measured).
 */
export function utf8CardCharOrLineEnd(bytes: Uint8Array, from: number): number {
	const length = bytes.length;
	let previous = from > 0 ? byteClass[bytes[from - 1]] : 0;
	for (let i = from; i < length; i++) {
		const own = byteClass[bytes[i]];
		if (own === 4) return i + 1;
		if (((previous << 1) & own) !== 0 && isCardCharAfterDigit(bytes, i, length)) return FOUND_CARD_CHAR;
		previous = own;
	}
	return -1;
}

/** True when a UTF-8 digit or separator of the guard starts at `i` and a digit ends just before. */
function isCardCharAfterDigit(bytes: Uint8Array, i: number, length: number): boolean {
	if (i + 1 >= length || cardStartTable()[(bytes[i] << 8) | bytes[i + 1]] === 0) return false;
	const code = utf8CodeAt(bytes, i, length);
	return code >= 0 && isCardNumberChar(code) && kindBefore(bytes, i) === Digit;
}

/** True when some line of `bytes` (Shift_JIS text) holds a UTF-8 card character as `utf8CardCharOrLineEnd` says. */
export function holdsUtf8CardChar(bytes: Uint8Array): boolean {
	for (let i = 0; ; ) {
		const end = utf8CardCharOrLineEnd(bytes, i);
		if (end === FOUND_CARD_CHAR) return true;
		if (end < 0) return false;
		i = end;
	}
}

const OTHER = 0xfffd;
const utf16 = new TextDecoder('utf-16le');

/**
 * `line` read character by character in both encodings for the guard: ASCII as it is; a UTF-8
 * sequence of 2 or 3 bytes as its character when that is a digit or separator, else as one
 * U+FFFD; otherwise a Shift_JIS pair as its character when that is a digit or separator, else one
 * U+FFFD; any other byte one U+FFFD (U+FFFD is neither a digit nor a separator). ASCII commas stay,
 * so the fields split as in the file. Only for lines already suspected: it builds a string.
 */
export function mixedReading(line: Uint8Array): string {
	const units = new Uint16Array(line.length);
	let n = 0;
	for (let i = 0; i < line.length; ) {
		const byte = line[i];
		if (byte < 0x80) {
			units[n++] = byte;
			i++;
			continue;
		}
		const code = utf8CodeAt(line, i, line.length);
		if (code >= 0) {
			units[n++] = isCardNumberChar(code) ? code : OTHER;
			i += byte < 0xe0 ? 2 : 3;
			continue;
		}
		if (isSjisLead(byte) && i + 1 < line.length && isSjisTrail(line[i + 1])) {
			const pair = sjisCardCodeAt(line, i, line.length);
			units[n++] = pair === 0 ? OTHER : pair;
			i += 2;
			continue;
		}
		units[n++] = OTHER;
		i++;
	}
	return utf16.decode(units.subarray(0, n));
}

/**
 * The 1-based column (fields split at commas) of a card number in `line` as `mixedReading` reads
 * it, or 0: a number whose digits or separators are written partly in UTF-8, partly in Shift_JIS.
 */
export function mixedCardNumberColumn(line: Uint8Array): number {
	return findCardNumberColumn(mixedReading(line).split(','));
}
