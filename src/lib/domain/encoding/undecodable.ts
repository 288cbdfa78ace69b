import { findCardNumberColumn } from '../guard/card-number';
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
 * lenient text with every undecodable byte sequence counted as one separator. Called only for
 * lines that fail to decode: the fast path of valid files never comes here.
 */
export function undecodableCardNumberColumn(line: Uint8Array, lenientText: string, isUtf8: boolean): number {
	const other = fallbackDecoders[isUtf8 ? 'shift_jis' : 'utf-8'].decode(line);
	for (const text of [lenientText, other]) {
		const column = findCardNumberColumn(replacementsAsSpaces(text).split(','));
		if (column > 0) return column;
	}
	return 0;
}
