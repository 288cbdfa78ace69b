import { formatProblemMessage } from '../problems/messages-ja';
import type { Problem } from '../problems/problem';
import { spaceClassSource } from '../rules/spacing';

// A full card number (PAN) must never be kept, shown or exported: these checks find one in any
// text (SPEC, "Rules and what bad input gets" › "Refused outright").
//
// A PAN is 13–19 digits that begin with a brand's prefix and pass the Luhn check; a Visa number
// (prefix 4) is 16–19 digits long, so a 13-digit JAN barcode starting 45 or 49 is not one.
// Digits are any Unicode decimal digit (ASCII, full-width ０-９, Arabic-Indic…). A group is a
// contiguous stretch of digits; between two groups one separator character may stand (see
// `separatorClasses`), a CR LF pair, as in a quoted multi-line field, counting as one; groups so
// joined make a run. The candidates are the sequences of consecutive WHOLE groups of a run that
// hold 13–19 digits together (SPEC: "a value, or a run of digits inside a value, of 13–19
// digits"), so a PAN followed by its expiry (`4111 1111 1111 1111 12/29`) or grouped any way is
// found, while a window that starts or ends inside a contiguous group is never tried: a 19-digit
// ID a spreadsheet rounded (`1234567890123450000`) is judged as the 19 digits it is, not by the
// 16 digits at its start. A contiguous group of more than 19 digits (an order number, a barcode)
// is no candidate and no part of one: it ends the run before it and the one after it begins afresh.

const minDigits = 13;
const maxDigits = 19;
const minVisaDigits = 16;
/** A contiguous group longer than this is not a card number and is not looked into. */
const maxGroupDigits = 19;

const CR = 13;
const LF = 10;

/**
 * The characters that may stand between two digit groups of a card number, by class. People copy
 * card numbers out of web pages, chat and spreadsheets: spaces of every width, invisible
 * characters, every dash that a keyboard or an IME gives, dots and slashes all turn up.
 * - `space`: the one space class of SPEC (`rules/spacing.ts`: tab, line breaks, NEL U+0085, no-break
 *   and typographic spaces, ideographic U+3000, zero-width spaces, BOM…) and every other space
 *   separator (`\p{Zs}`) and line/paragraph separator (`\p{Zl}`, `\p{Zp}`).
 * - `format`: every Unicode format character (`\p{Cf}`): they are invisible, so a copied number may
 *   hold any of them (soft hyphen U+00AD, invisible separator U+2063, direction marks…).
 * - `zeroWidth`: zero-width space, non-joiner, joiner (U+200B–U+200D), word joiner U+2060, BOM
 *   U+FEFF, Mongolian vowel separator U+180E.
 * - `dash`: any dash punctuation (`\p{Pd}`: ‐ ‑ ‒ – — ― － 〜 …) and the look-alikes that are not
 *   Pd: ー U+30FC, ｰ U+FF70, − U+2212, ～ U+FF5E, soft hyphen U+00AD, hyphen bullet ⁃ U+2043.
 * - `dot`: . ． ・ ･ · • ‧ ∙ 。 ｡ ․ ﹒
 * - `slash`: / ／ ⁄ ∕
 */
export const separatorClasses = {
	space: new RegExp(`[${spaceClassSource}\\p{Zs}\\p{Zl}\\p{Zp}]`, 'u'),
	format: /\p{Cf}/u,
	zeroWidth: /[\u200b-\u200d\u2060\ufeff\u180e]/u,
	dash: /[\p{Pd}\u30fc\uff70\u2212\uff5e\u00ad\u2043]/u,
	dot: /[.\uff0e\u30fb\uff65\u00b7\u2022\u2027\u2219\u3002\uff61\u2024\ufe52]/u,
	slash: /[/\uff0f\u2044\u2215]/u
} as const;

const other = 0;
// 1–10: a decimal digit, its value + 1.
const separator = 11;

/**
 * What each BMP code unit is, built once: one array read per character keeps the scan of a
 * million-row file cheap. Digits outside the BMP (mathematical digits) are left out.
 */
const kindOf: Uint8Array = (() => {
	const kinds = new Uint8Array(0x10000);
	// One string of every BMP code unit, searched once per pattern: far cheaper than a test per code.
	const units = new Uint16Array(0x10000);
	for (let code = 0; code < 0x10000; code++) units[code] = code;
	// Lone surrogates decode to U+FFFD, one unit each, so every index stays its code.
	const all = new TextDecoder('utf-16le').decode(units);
	let value = 0;
	let last = -2;
	for (const match of all.matchAll(/\p{Nd}/gu)) {
		// Decimal digits come in blocks of ten, zero first.
		value = match.index === last + 1 ? (value + 1) % 10 : 0;
		kinds[match.index] = value + 1;
		last = match.index;
	}
	for (const pattern of Object.values(separatorClasses)) {
		for (const match of all.matchAll(new RegExp(pattern.source, 'gu'))) kinds[match.index] = separator;
	}
	return kinds;
})();

/** The value of a decimal digit (any script), or -1. */
export function digitValue(code: number): number {
	const kind = code < 0x10000 ? kindOf[code] : other;
	return kind >= 1 && kind <= 10 ? kind - 1 : -1;
}

/** True when the character may stand between two digit groups of a card number. */
export function isCardNumberSeparator(code: number): boolean {
	return code < 0x10000 && kindOf[code] === separator;
}

/** True when the character is a decimal digit (any script) or may stand between two digit groups. */
export function isCardNumberChar(code: number): boolean {
	return code < 0x10000 && kindOf[code] !== other;
}

/** True when value[start, end) holds `min` digits with at most single separators between them. */
function hasRunBetween(value: string, start: number, end: number, min: number): boolean {
	let run = 0;
	let afterSeparator = false;
	let previous = -1;
	for (let i = start; i < end; i++) {
		const code = value.charCodeAt(i);
		const kind = kindOf[code];
		if (kind !== separator) {
			// Only digits reach here: the caller's span holds digits and separators.
			if (++run >= min) return true;
			afterSeparator = false;
		} else if (run > 0 && !afterSeparator) {
			afterSeparator = true;
		} else if (!(afterSeparator && previous === CR && code === LF)) {
			run = 0;
			afterSeparator = false;
		}
		previous = code;
	}
	return false;
}

/**
 * Where the first run of at least `min` (13) digits, single separators allowed, begins at or after
 * `from`, or -1. Such a run fills 13 or more consecutive digit-or-separator characters, so the
 * scan probes every 13th character and looks closer only around a probe that hits one.
 */
export function indexOfLongDigitRun(value: string, from = 0, min = minDigits): number {
	const length = value.length;
	let probe = from + min - 1;
	while (probe < length) {
		if (kindOf[value.charCodeAt(probe)] === other) {
			probe += min;
			continue;
		}
		let start = probe;
		while (start > from && kindOf[value.charCodeAt(start - 1)] !== other) start--;
		let end = probe + 1;
		while (end < length && kindOf[value.charCodeAt(end)] !== other) end++;
		if (end - start >= min && hasRunBetween(value, start, end, min)) return start;
		probe = end + min;
	}
	return -1;
}

// The scan on bytes repeats the one on text rather than sharing it: one scan over a code-at function
// (text or byte reader passed in) measured, on 1M typical return lines (CPU time, same run, load
// 10–16), 1.02–1.05 × on text and 1.04–1.12 × on bytes (paired medians), a single source over
// `string | Uint8Array` 1.22–1.31 ×. `card-number.spec.ts` holds the two to the same answers.

/** `hasRunBetween` on bytes read as ASCII (see `indexOfLongDigitRunInAscii`). */
function hasRunBetweenInAscii(bytes: Uint8Array, start: number, end: number, min: number): boolean {
	let run = 0;
	let afterSeparator = false;
	let previous = -1;
	for (let i = start; i < end; i++) {
		const code = bytes[i];
		const kind = kindOf[code];
		if (kind !== separator) {
			if (++run >= min) return true;
			afterSeparator = false;
		} else if (run > 0 && !afterSeparator) {
			afterSeparator = true;
		} else if (!(afterSeparator && previous === CR && code === LF)) {
			run = 0;
			afterSeparator = false;
		}
		previous = code;
	}
	return false;
}

/**
 * `indexOfLongDigitRun` on bytes[from, to) of ASCII text, without decoding them: the byte is the
 * character. Where the first run of at least `min` (13) digits, single separators allowed, begins,
 * or -1; the same probe every 13th byte. Only for bytes below 0x80 (a reader that takes ASCII lines
 * past the decoder); other bytes would be read as Latin-1.
 */
export function indexOfLongDigitRunInAscii(bytes: Uint8Array, from: number, to: number, min = minDigits): number {
	let probe = from + min - 1;
	while (probe < to) {
		if (kindOf[bytes[probe]] === other) {
			probe += min;
			continue;
		}
		let start = probe;
		while (start > from && kindOf[bytes[start - 1]] !== other) start--;
		let end = probe + 1;
		while (end < to && kindOf[bytes[end]] !== other) end++;
		if (end - start >= min && hasRunBetweenInAscii(bytes, start, end, min)) return start;
		probe = end + min;
	}
	return -1;
}

/** Fast pre-check: true when `value` holds a run of at least 13 digits (single separators allowed). */
export function hasLongDigitRun(value: string, min = minDigits): boolean {
	return indexOfLongDigitRun(value, 0, min) >= 0;
}

/** True when the digits begin with a prefix of a card brand named in SPEC. */
export function hasBrandPrefix(digits: ArrayLike<number>, start = 0): boolean {
	const d = (i: number) => digits[start + i];
	const two = d(0) * 10 + d(1);
	const three = two * 10 + d(2);
	const four = three * 10 + d(3);
	if (d(0) === 4) return true;
	if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return true;
	if (two === 34 || two === 37) return true;
	if (four >= 3528 && four <= 3589) return true;
	if ((three >= 300 && three <= 305) || two === 36 || two === 38 || two === 39) return true;
	return four === 6011 || two === 62 || two === 65 || (three >= 644 && three <= 649);
}

/** True when digits[start, start+length) pass the Luhn check. */
export function passesLuhn(digits: ArrayLike<number>, start = 0, length = digits.length - start): boolean {
	let sum = 0;
	for (let i = 0; i < length; i++) {
		let digit = digits[start + length - 1 - i];
		if (i % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

/** True when digits[start, start+length) are a card number: brand prefix, length and Luhn. */
export function isCardNumber(digits: ArrayLike<number>, start = 0, length = digits.length - start): boolean {
	if (length < minDigits || length > maxDigits) return false;
	if (!hasBrandPrefix(digits, start)) return false;
	if (digits[start] === 4 && length < minVisaDigits) return false;
	return passesLuhn(digits, start, length);
}

// Reused between calls: a run is read into them digit by digit (the guard runs on one thread).
let runDigits = new Uint8Array(256);
// Where each group of the run begins in `runDigits`; the run's length closes the last one.
let groupStarts = new Int32Array(64);

/** True when consecutive whole groups of the run, 13–19 digits together, make a card number. */
function runHoldsCardNumber(run: Uint8Array, starts: Int32Array, groups: number, length: number): boolean {
	for (let first = 0; first < groups; first++) {
		const start = starts[first];
		if (length - start < minDigits) return false;
		if (!hasBrandPrefix(run, start)) continue;
		for (let last = first; last < groups; last++) {
			const size = (last + 1 < groups ? starts[last + 1] : length) - start;
			if (size > maxDigits) break;
			if (size >= minDigits && isCardNumber(run, start, size)) return true;
		}
	}
	return false;
}

/** True when `value` holds something that looks like a full card number (see the rule above). */
export function containsCardNumber(value: string): boolean {
	if (!hasLongDigitRun(value)) return false;
	if (runDigits.length < value.length) runDigits = new Uint8Array(value.length);
	if (groupStarts.length < value.length) groupStarts = new Int32Array(value.length);
	const run = runDigits;
	const starts = groupStarts;
	let runLength = 0;
	let groups = 0;
	let afterSeparator = false;
	let previous = -1;
	for (let i = 0; i <= value.length; i++) {
		const code = i < value.length ? value.charCodeAt(i) : -1;
		const kind = code >= 0 ? kindOf[code] : other;
		if (kind >= 1 && kind <= 10) {
			if (afterSeparator || runLength === 0) starts[groups++] = runLength;
			run[runLength++] = kind - 1;
			afterSeparator = false;
			previous = code;
			continue;
		}
		// A group just ended (a separator or anything else follows it). One of more than 19
		// digits is no part of any candidate: the run before it is judged, the next starts afresh.
		if (runLength > 0 && !afterSeparator && runLength - starts[groups - 1] > maxGroupDigits) {
			const before = starts[groups - 1];
			if (before >= minDigits && runHoldsCardNumber(run, starts, groups - 1, before)) return true;
			runLength = 0;
			groups = 0;
		}
		if (kind === separator && runLength > 0 && !afterSeparator) {
			afterSeparator = true;
		} else if (kind === separator && afterSeparator && previous === CR && code === LF) {
			// CR LF inside a quoted field: one separator.
		} else if (runLength > 0) {
			if (runLength >= minDigits && runHoldsCardNumber(run, starts, groups, runLength)) return true;
			runLength = 0;
			groups = 0;
			afterSeparator = false;
		} else {
			afterSeparator = false;
		}
		previous = code;
	}
	return false;
}

/** The 1-based index of the first field holding a full card number, or 0 when none does. */
export function findCardNumberColumn(fields: readonly string[]): number {
	for (let i = 0; i < fields.length; i++) {
		if (containsCardNumber(fields[i])) return i + 1;
	}
	return 0;
}

/**
 * Checks a chosen file's name: null when it may be used, else the whole-file problem
 * `card-number-in-file-name` (row 0, column 0, no params). A name holding a full card number
 * refuses the file before anything is read or stored, and the name itself is never kept, shown
 * or recorded (SPEC: "The same guard covers file names").
 */
export function checkFileName(name: string): Problem | null {
	if (!containsCardNumber(name)) return null;
	const code = 'card-number-in-file-name';
	return { row: 0, column: 0, severity: 'error', code, message: formatProblemMessage(code, {}), params: {} };
}
