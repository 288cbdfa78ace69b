import { findCardNumberColumn } from '../guard/card-number';
import { FOUND_CARD_CHAR, mixedCardNumberColumn, utf8CardCharOrLineEnd } from './mixed-card-number';
/**
 * Where bytes that are invalid in their encoding lie, in text terms (SPEC "Rules and what bad
 * input gets": rows that do not decode are `undecodable`, never stored garbled).
 */

const REPLACEMENT = 0xfffd;

function replacementIndex(text: string): number {
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === REPLACEMENT) return i;
	return -1;
}

/**
 * Index, in the text that a non-fatal `TextDecoder` makes of `bytes`, of the first U+FFFD that
 * stands for invalid bytes; -1 when there is none. In UTF-8 a literal U+FFFD (EF BF BD) is valid
 * text and always decodes as itself whatever precedes it (EF is never a continuation byte), so the
 * bytes are decoded in segments between those: any U+FFFD inside a segment is an error. No valid
 * Shift_JIS (CP932) sequence decodes to U+FFFD, so there every one is an error.
 */
export function firstUndecodableIndex(bytes: Uint8Array, decoder: TextDecoder, isUtf8: boolean): number {
	if (!isUtf8) return replacementIndex(decoder.decode(bytes));
	let base = 0;
	let start = 0;
	for (let i = 0; i <= bytes.length; i++) {
		const isLiteral = i + 2 < bytes.length && bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd;
		if (!isLiteral && i < bytes.length) continue;
		const text = decoder.decode(bytes.subarray(start, i));
		const index = replacementIndex(text);
		if (index >= 0) return base + index;
		base += text.length + 1;
		start = i + 3;
		i += 2;
	}
	return -1;
}

/** Index just past the last CR or LF of `bytes` (0 when there is none): a character boundary in UTF-8 and Shift_JIS alike. */
export function endOfLastLine(bytes: Uint8Array): number {
	for (let i = bytes.length - 1; i >= 0; i--) {
		const byte = bytes[i];
		if (byte === 0x0a || byte === 0x0d) return i + 1;
	}
	return 0;
}

/** Index just past the first CR or LF of `bytes` at or after `from`, or -1. */
export function endOfFirstLine(bytes: Uint8Array, from = 0): number {
	for (let i = from; i < bytes.length; i++) {
		const byte = bytes[i];
		if (byte === 0x0a || byte === 0x0d) return i + 1;
	}
	return -1;
}

/** Text offsets of undecodable bytes, handed out in order and dropped once their record is read. */
export class UndecodableOffsets {
	private offsets: number[] = [];
	private head = 0;

	/** Records that the text at `offset` (UTF-16 units from the start of the decoded text) came from invalid bytes. */
	add(offset: number): void {
		this.offsets.push(offset);
	}

	/** The first offset not yet taken, or -1. */
	peek(): number {
		return this.head < this.offsets.length ? this.offsets[this.head] : -1;
	}

	/** The first offset in [start, end), dropping every offset before `end`; -1 when none lies there. */
	takeWithin(start: number, end: number): number {
		let found = -1;
		while (this.head < this.offsets.length && this.offsets[this.head] < end) {
			const offset = this.offsets[this.head++];
			if (found < 0 && offset >= start) found = offset;
		}
		if (this.head > 1024 && this.head * 2 > this.offsets.length) {
			this.offsets = this.offsets.slice(this.head);
			this.head = 0;
		}
		return found;
	}
}

/**
 * Lines that do not decode yet hold a card number (see `undecodableCardNumberColumn`): the text
 * offset where each begins and the 1-based column of the number, handed out in order.
 */
export class CardNumberLines {
	private offsets: number[] = [];
	private columns: number[] = [];
	private head = 0;

	/** Records that the line at text `offset` holds a card number in `column` (1-based). */
	add(offset: number, column: number): void {
		this.offsets.push(offset);
		this.columns.push(column);
	}

	/** The column of the first such line in [start, end), dropping every one before `end`; 0 when none. */
	takeWithin(start: number, end: number): number {
		let found = 0;
		while (this.head < this.offsets.length && this.offsets[this.head] < end) {
			const index = this.head++;
			if (found === 0 && this.offsets[index] >= start) found = this.columns[index];
		}
		return found;
	}
}

const fallbackDecoders = {
	'utf-8': new TextDecoder('utf-8', { ignoreBOM: true }),
	shift_jis: new TextDecoder('shift_jis', { ignoreBOM: true })
};

/** `text` with each run of U+FFFD (bytes that did not decode) as one space: a separator of the guard. */
function replacementsAsSpaces(text: string): string {
	return text.replace(/\ufffd+/g, ' ');
}

/**
 * The 1-based column (fields split at commas) of a card number in a line whose bytes do not decode
 * in the file's encoding, or 0. A row that does not decode is never read, but its bytes go back
 * in the failed-rows download, so the guard looks at it both ways (SPEC "Refused outright"): as
 * decoded in the other encoding (a UTF-8 row in a Shift_JIS file and the reverse), and as its
 * lenient text with every undecodable byte sequence counted as one separator, and character by
 * character in both encodings (`mixedCardNumberColumn`: a number pasted from the other encoding
 * into a row of this one, e.g. with Shift_JIS spaces in a UTF-8 file). Called only for
 * lines that fail to decode: the fast path of valid files never comes here.
 */
export function undecodableCardNumberColumn(line: Uint8Array, lenientText: string, isUtf8: boolean): number {
	const other = fallbackDecoders[isUtf8 ? 'shift_jis' : 'utf-8'].decode(line);
	for (const text of [lenientText, other]) {
		const column = findCardNumberColumn(replacementsAsSpaces(text).split(','));
		if (column > 0) return column;
	}
	return mixedCardNumberColumn(line);
}

// Characters a Japanese shop's text holds: what CP932 encodes in two bytes (rows of JIS X 0208,
// NEC and IBM extensions; not the user-defined area, whose characters are private-use), the
// half-width kana, and the JIS forms that other converters give for CP932's dashes and signs
// (U+2014 for U+2015, U+301C for U+FF5E, U+2016, U+2212, U+00A2, U+00A3, U+00AC). One flag per
// BMP code point, built on first use from the Shift_JIS decoder itself.
let japaneseFlags: Uint8Array | null = null;

function japaneseTable(): Uint8Array {
	if (japaneseFlags) return japaneseFlags;
	const flags = new Uint8Array(0x10000);
	// Every lead/trail pair, each followed by LF: a pair that does not decode never swallows the LF.
	const pairs: number[] = [];
	for (let lead = 0x81; lead <= 0xfc; lead++) {
		if ((lead > 0x9f && lead < 0xe0) || (lead >= 0xf0 && lead <= 0xf9)) continue;
		for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) pairs.push(lead, trail, 0x0a);
	}
	for (const char of new TextDecoder('shift_jis').decode(Uint8Array.from(pairs)).split('\n')) {
		if (char.length === 1 && char !== '\ufffd') flags[char.charCodeAt(0)] = 1;
	}
	for (let code = 0xff61; code <= 0xff9f; code++) flags[code] = 1;
	for (const code of [0x2014, 0x301c, 0x2016, 0x2212, 0xa2, 0xa3, 0xac]) flags[code] = 1;
	japaneseFlags = flags;
	return flags;
}

/**
 * True when `bytes` from `from` up to the end of its line (the first CR or LF, or `to`) read as a
 * UTF-8 row of a Japanese shop: valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
 * past U+10FFFF) holding at least one sequence of 3 or 4 bytes, where every 3-byte character is
 * one CP932 holds (`japaneseTable`). Characters of 2 bytes (U+0080–U+07FF: accented Latin and
 * the like) and of 4 bytes (beyond U+FFFF: 𠮷 and other rare kanji) pass as they are; in Shift_JIS
 * those bytes read as half-width kana and as user-defined characters. Stops at the first byte
 * that breaks the rule, so a genuine Shift_JIS line mostly costs a byte or two here.
 */
function isUtf8LookalikeFrom(bytes: Uint8Array, from: number, to: number): boolean {
	let hasLong = false;
	for (let i = from; i < to; ) {
		const byte = bytes[i];
		if (byte < 0x80) {
			if (byte === 0x0a || byte === 0x0d) break;
			i++;
			continue;
		}
		let trail: number;
		let low = 0x80;
		let high = 0xbf;
		if (byte >= 0xc2 && byte <= 0xdf) trail = 1;
		else if (byte >= 0xe0 && byte <= 0xef) {
			trail = 2;
			if (byte === 0xe0) low = 0xa0;
			else if (byte === 0xed) high = 0x9f;
		} else if (byte >= 0xf0 && byte <= 0xf4) {
			trail = 3;
			if (byte === 0xf0) low = 0x90;
			else if (byte === 0xf4) high = 0x8f;
		} else return false;
		if (i + trail >= to) return false;
		const second = bytes[i + 1];
		if (second < low || second > high) return false;
		for (let k = 2; k <= trail; k++) {
			const next = bytes[i + k];
			if (next < 0x80 || next > 0xbf) return false;
		}
		if (trail === 2) {
			const code = ((byte & 0x0f) << 12) | ((second & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
			if (japaneseTable()[code] === 0) return false;
		}
		if (trail >= 2) hasLong = true;
		i += trail + 1;
	}
	return hasLong;
}

/**
 * In a line read as Shift_JIS: the index of its first byte ≥ 0x80 when the line is a UTF-8 row
 * (see `isUtf8LookalikeFrom`), else -1. Such bytes often happen to be valid Shift_JIS too
 * (「鈴木 一」 in UTF-8 reads as 「驤ｴ譛ｨ 荳\x80」), so decoding alone never flags them: the line is
 * `undecodable` (SPEC "Rules and what bad input gets"). Before that index every byte is ASCII,
 * one UTF-16 unit each in the Shift_JIS text, so it is also the text offset.
 * Genuine Shift_JIS Japanese rarely passes: lead bytes 81–9F and half-width kana A1–C1 break
 * UTF-8 at once, and a level-2 kanji (lead E0–EA) whose bytes run on as UTF-8 must also read as
 * characters CP932 holds. Over random strings of 1–4 JIS X 0208 kanji and kana about 1 in 1,000
 * still passes (a level-2 kanji, then a character with an ASCII trail byte: 「濶櫟」 reads 「艟J」);
 * without the CP932 check it was about 7 in 1,000.
 */
export function utf8LookalikeIndex(line: Uint8Array): number {
	for (let i = 0; i < line.length; i++) {
		if (line[i] >= 0x80) return isUtf8LookalikeFrom(line, i, line.length) ? i : -1;
	}
	return -1;
}

/**
 * True when some line of `bytes` (Shift_JIS text, split at CR or LF) is a UTF-8 row as
 * `utf8LookalikeIndex` says, or holds a UTF-8 digit or separator where a card number would
 * (`utf8CardCharOrLineEnd`): such a piece is read line by line. One pass: ASCII bytes cost a
 * comparison; a line's checks start at its first byte ≥ 0x80.
 */
export function holdsUtf8Text(bytes: Uint8Array): boolean {
	// A plain loop: a native indexOf per line costs more in calls than it saves (measured).
	const length = bytes.length;
	for (let i = 0; i < length; i++) {
		if (bytes[i] < 0x80) continue;
		if (isUtf8LookalikeFrom(bytes, i, length)) return true;
		const end = utf8CardCharOrLineEnd(bytes, i);
		if (end === FOUND_CARD_CHAR) return true;
		if (end < 0) return false;
		i = end - 1;
	}
	return false;
}
