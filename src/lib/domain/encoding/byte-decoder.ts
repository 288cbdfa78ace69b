import {
	decideWindow,
	detectionWindow,
	firstNonAscii,
	hasUtf8Bom,
	type DetectedEncoding,
	type EncodingChoice
} from './detect-encoding';
import { joinBytes } from '../bytes';
import { sniffNonText, type NonTextCode } from './sniff-binary';
import {
	CardNumberLines,
	endOfFirstLine,
	endOfLastLine,
	firstUndecodableIndex,
	holdsUtf8Text,
	undecodableCardNumberColumn,
	UndecodableOffsets,
	utf8LookalikeIndex
} from './undecodable';
import { holdsUtf8CardChar, mixedCardNumberColumn } from './mixed-card-number';

/** Bytes in, text out, in any chunking; the encoding is settled from the bytes seen (see SPEC). */
export interface ByteDecoder {
	push(bytes: Uint8Array): string;
	finish(): string;
	/** The encoding used (final once text came out; 'utf-8' for pure ASCII so far). */
	readonly encoding: DetectedEncoding;
	/** Why the file is no text CSV, or null. */
	readonly refusal: NonTextCode | null;
	/**
	 * Offsets (UTF-16 units from the start of all text handed out) of the first invalid byte
	 * sequence of each line that does not decode: there the text holds a U+FFFD that the file did
	 * not hold. A reader turns the records holding them into `undecodable` errors (SPEC).
	 */
	readonly undecodable: UndecodableOffsets;
	/**
	 * Lines that do not decode but hold a card number when read in the other encoding or with
	 * their undecodable bytes as separators (text offset of the line, column): such a file is
	 * refused like any holding a card number, so the row's bytes never go back out.
	 */
	readonly cardNumberLines: CardNumberLines;
	/**
	 * True when every byte pushed has come out as text and no later byte can change how a line of
	 * plain ASCII (see `isPlainAscii`) reads: the encoding is settled, or still open only until the
	 * first non-ASCII byte (state `ascii`, whose detection window starts there). A reader may then
	 * take such lines past the decoder (the text offsets above count only the text handed out).
	 */
	readonly isIdle: boolean;
}

type State = 'sniffing' | 'ascii' | 'deciding' | 'decoding' | 'refused';

/**
 * True when every byte decodes the same in Shift_JIS as in ASCII. 0x1A and 0x7F are left out:
 * some Shift_JIS decoders (Node's) map them elsewhere, and the fast path must never change text.
 * Called on every piece of a Shift_JIS file, so it reads four bytes at a time where it can: a
 * word fails when a byte has its high bit set, or equals 0x7F or 0x1A (a zero byte of the word
 * XOR the repeated value: `(v - 0x01010101) & ~v & 0x80808080`, exact once no high bit is set).
 */
export function isPlainAscii(bytes: Uint8Array): boolean {
	const length = bytes.length;
	let i = 0;
	const head = Math.min(length, (4 - (bytes.byteOffset & 3)) & 3);
	for (; i < head; i++) if (!isPlainByte(bytes[i])) return false;
	const words = (length - i) >>> 2;
	if (words > 0) {
		const view = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
		for (let w = 0; w < words; w++) {
			const word = view[w];
			if ((word & 0x80808080) !== 0 || hasZeroByte(word ^ 0x7f7f7f7f) || hasZeroByte(word ^ 0x1a1a1a1a)) return false;
		}
		i += words << 2;
	}
	for (; i < length; i++) if (!isPlainByte(bytes[i])) return false;
	return true;
}

/**
 * What a browser's Shift_JIS decoder makes of a lone byte 0x80 (WHATWG Encoding, Shift_JIS
 * decoder: "an ASCII byte or 0x80" is its own code point); Node's decoder refuses the byte.
 * Shift_JIS and CP932 give 0x80 no character, and in a Shift_JIS file it is mostly the last byte
 * of a UTF-8 character (U+3000 is E3 80 80): a line holding one is `undecodable` in both, so a
 * browser and the tests read every file alike. No two-byte character decodes to U+0080.
 */
const LONE_0X80 = '\u0080';

/** True when this runtime's Shift_JIS decoder reads a lone 0x80 without error (browsers do, Node does not). */
function decodesLone0x80(): boolean {
	try {
		new TextDecoder('shift_jis', { fatal: true }).decode(Uint8Array.of(0x80));
		return true;
	} catch {
		return false;
	}
}

/**
 * True when `text`, decoded without error from the Shift_JIS `bytes`, came from a lone 0x80. Only a
 * decoder that reads 0x80 can give one, and only from bytes holding 0x80 (a native byte search):
 * the search of the text, costlier, runs only then.
 */
function holdsLone0x80(bytes: Uint8Array, text: string, decoderReads0x80: boolean): boolean {
	return decoderReads0x80 && bytes.indexOf(0x80) >= 0 && text.indexOf(LONE_0X80) >= 0;
}

function isPlainByte(byte: number): boolean {
	return byte < 0x7f && byte !== 0x1a;
}

function hasZeroByte(word: number): boolean {
	return ((word - 0x01010101) & ~word & 0x80808080) !== 0;
}

// The BOM is taken off by hand: a decoder started mid-file must not eat a U+FEFF there.
function textDecoder(encoding: 'utf-8' | 'shift_jis', fatal: boolean): TextDecoder {
	return new TextDecoder(encoding, { ignoreBOM: true, fatal });
}

// Past this many bytes without a line break the line is far over the reader's limit (1 MiB of
// text, at most 3 bytes a UTF-16 unit) and the file is refused: it is decoded as it stands.
const carryLimit = 4 << 20;

/** Creates a streaming decoder for `choice` ('auto' detects: BOM, else UTF-8 or Shift_JIS). */
export function createByteDecoder(choice: EncodingChoice = 'auto'): ByteDecoder {
	let state: State = 'sniffing';
	let encoding: DetectedEncoding = choice === 'shift_jis' ? 'shift_jis' : 'utf-8';
	let refusal: NonTextCode | null = null;
	let parts: Uint8Array[] = [];
	let length = 0;
	const ascii = new TextDecoder('utf-8');

	const hold = (bytes: Uint8Array) => {
		parts.push(bytes.slice());
		length += bytes.length;
	};
	const takeHeld = () => {
		const all = joinBytes(parts);
		parts = [];
		length = 0;
		return all;
	};
	const undecodable = new UndecodableOffsets();
	const cardNumberLines = new CardNumberLines();
	let emitted = 0;
	const out = (text: string): string => {
		emitted += text.length;
		return text;
	};
	let fatal: TextDecoder | null = null;
	let lenient: TextDecoder | null = null;
	let isUtf8Target = true;
	let reads0x80 = false;
	// A line that does not decode: marked where its first bad byte lies, and checked for a card number.
	const markLine = (line: Uint8Array, base: number, index: number): string => {
		undecodable.add(base + Math.max(index, 0));
		const text = lenient!.decode(line);
		const column = undecodableCardNumberColumn(line, text, isUtf8Target);
		if (column > 0) cardNumberLines.add(base, column);
		return text;
	};
	// A line that holds invalid bytes, or in Shift_JIS is a UTF-8 row (see `utf8LookalikeIndex`)
	// or holds a lone 0x80: its lenient text, and where the first bad byte lies. A Shift_JIS line
	// that decodes but holds UTF-8 digits or separators is also read in both encodings at once.
	const decodeLine = (line: Uint8Array, base: number): string => {
		if (!isUtf8Target) {
			const index = utf8LookalikeIndex(line);
			if (index >= 0) return markLine(line, base, index);
		}
		let text: string;
		try {
			text = fatal!.decode(line);
		} catch {
			return markLine(line, base, firstUndecodableIndex(line, lenient!, isUtf8Target));
		}
		if (isUtf8Target) return text;
		if (holdsLone0x80(line, text, reads0x80)) return markLine(line, base, text.indexOf(LONE_0X80));
		if (holdsUtf8CardChar(line)) {
			const column = mixedCardNumberColumn(line);
			if (column > 0) cardNumberLines.add(base, column);
		}
		return text;
	};
	// Whole lines (or the file's last bytes) in: valid bytes take one fatal call, the fast path;
	// only a piece that fails is read again line by line to find where.
	const decodePiece = (bytes: Uint8Array): string => {
		if (bytes.length === 0) return '';
		// Shift_JIS files are mostly ASCII rows under a Japanese header, and the Shift_JIS decoder is
		// several times slower than the UTF-8 one: a plain-ASCII piece (it starts on a line, so no lead
		// byte can be pending) goes through the UTF-8 decoder, which gives the same text.
		if (!isUtf8Target && isPlainAscii(bytes)) return out(ascii.decode(bytes));
		// UTF-8 rows in a Shift_JIS file often decode without error, as mojibake: looked for first,
		// and so are UTF-8 digits and separators that a card number pasted into a row may hold.
		if (isUtf8Target || !holdsUtf8Text(bytes)) {
			try {
				const text = fatal!.decode(bytes);
				if (isUtf8Target || !holdsLone0x80(bytes, text, reads0x80)) return out(text);
			} catch {
				// Read again line by line below.
			}
		}
		let text = '';
		for (let start = 0; start < bytes.length; ) {
			const end = endOfFirstLine(bytes, start);
			const stop = end < 0 ? bytes.length : end;
			text += decodeLine(bytes.subarray(start, stop), emitted + text.length);
			start = stop;
		}
		return out(text);
	};
	// Decoding runs on whole lines: CR and LF are never part of a character in UTF-8 or Shift_JIS,
	// so bytes after the last line break wait for the next chunk.
	let carry: Uint8Array | null = null;
	const decode = (bytes: Uint8Array, final: boolean): string => {
		if (final) {
			const all = carry ? joinBytes([carry, bytes]) : bytes;
			carry = null;
			return decodePiece(all);
		}
		const lastEnd = endOfLastLine(bytes);
		if (lastEnd === 0) {
			carry = carry ? joinBytes([carry, bytes]) : bytes.slice();
			if (carry.length <= carryLimit) return '';
			const all = carry;
			carry = null;
			return decodePiece(all);
		}
		let text = '';
		let from = 0;
		if (carry) {
			from = endOfFirstLine(bytes);
			text += decodePiece(joinBytes([carry, bytes.subarray(0, from)]));
			carry = null;
		}
		text += decodePiece(bytes.subarray(from, lastEnd));
		if (lastEnd < bytes.length) carry = bytes.slice(lastEnd);
		return text;
	};
	const startDecoding = (target: 'utf-8' | 'shift_jis', bytes: Uint8Array, final: boolean) => {
		fatal = textDecoder(target, true);
		lenient = textDecoder(target, false);
		isUtf8Target = target === 'utf-8';
		reads0x80 = !isUtf8Target && decodesLone0x80();
		state = 'decoding';
		return decode(bytes, final);
	};
	const decide = (final: boolean): string => {
		const window = takeHeld();
		const target = decideWindow(window, false);
		encoding = target;
		return startDecoding(target, window, final);
	};
	const readAscii = (bytes: Uint8Array, final: boolean): string => {
		const start = firstNonAscii(bytes);
		if (start < 0) return out(ascii.decode(bytes));
		const text = out(ascii.decode(bytes.subarray(0, start)));
		state = 'deciding';
		hold(bytes.subarray(start));
		return text + (length > detectionWindow || final ? decide(final) : '');
	};
	const begin = (final: boolean): string => {
		const head = takeHeld();
		refusal = sniffNonText(head.subarray(0, detectionWindow));
		if (refusal) {
			state = 'refused';
			return '';
		}
		const hasBom = hasUtf8Bom(head);
		const body = hasBom && choice !== 'shift_jis' ? head.subarray(3) : head;
		if (hasBom && choice !== 'shift_jis') encoding = 'utf-8-bom';
		if (hasBom || choice !== 'auto') {
			return startDecoding(encoding === 'shift_jis' ? 'shift_jis' : 'utf-8', body, final);
		}
		state = 'ascii';
		return readAscii(body, final);
	};
	const step = (bytes: Uint8Array, final: boolean): string => {
		switch (state) {
			case 'sniffing':
				hold(bytes);
				return length > detectionWindow || final ? begin(final) : '';
			case 'ascii':
				return readAscii(bytes, final);
			case 'deciding':
				hold(bytes);
				return length > detectionWindow || final ? decide(final) : '';
			case 'decoding':
				return decode(bytes, final);
			default:
				return '';
		}
	};

	return {
		push: (bytes) => step(bytes, false),
		finish: () => step(new Uint8Array(0), true),
		get encoding() {
			return encoding;
		},
		get refusal() {
			return refusal;
		},
		undecodable,
		cardNumberLines,
		get isIdle() {
			return (state === 'decoding' || state === 'ascii') && carry === null;
		}
	};
}
