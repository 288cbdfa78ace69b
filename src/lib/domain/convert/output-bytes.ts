import { joinBytes } from '../bytes';
import { encodeOutput, type OutputEncoding } from '../encoding/encode-text';
import { cardBrands } from '../rules/brand';
import { cardImportHeaderLine } from './card-import-line';
import type { WarnedCardLine } from './warned-card-bytes';

const utf8Bom = Uint8Array.of(0xef, 0xbb, 0xbf);
// The brands in capitals as ASCII bytes (the same in Shift_JIS and UTF-8).
const brandBytes = cardBrands.map((brand) => Uint8Array.from(brand, (c) => c.charCodeAt(0)));
const empty = new Uint8Array(0);
/**
 * Bytes a sink gets at a time (from one reused buffer): the buffer and the sink's copy of a piece
 * (a Blob's bytes wait in the renderer until the browser takes them) are part of step d's fixed
 * peak of memory, so a piece is 1 MiB (issue 14: 8 MiB pieces held 16 MiB and more of a 36 MB
 * file's 46 MB peak); a million-row output is then ~60 Blobs, each well under a millisecond.
 */
export const sinkPiece = 1 << 20;
// The first buffer without a sink: a file of a few rows (a preview, a test) does not pay for zeroing
// a megabyte; a large one reaches full size after a few doublings, one join on the first push.
const firstCapacity = 1 << 16;
// The header row in each output encoding, encoded once (the Shift_JIS encoder works a character at a time).
const headerBytes = {
	shift_jis: encodeOutput(cardImportHeaderLine, 'shift_jis', false),
	'utf-8-bom': encodeOutput(cardImportHeaderLine, 'utf-8-bom', false)
} satisfies Record<OutputEncoding, Uint8Array>;

/**
 * The card import file's bytes as step d writes them, line by line into a buffer: no string per
 * line on the plain path (a plain line's ASCII bytes are copied as they stand, the same bytes in
 * Shift_JIS and UTF-8). `take` hands out what was written since the last call, without a copy.
 */
export class OutputBytes {
	private buffer = empty;
	private capacity = firstCapacity;
	private length = 0;
	private parts: Uint8Array[] = [];
	private readonly prefix: Uint8Array;
	// Views for `plainLine`'s four-byte copies: of the buffer, of the prefix (padded to whole words)
	// and of the bytes of the last line copied.
	private view: DataView = new DataView(empty.buffer);
	private readonly prefixView: DataView;
	private lineBytes: Uint8Array = empty;
	private lineView: DataView = new DataView(empty.buffer);

	/**
	 * `service` is column 1 of every line (settings 利用サービス), encoded once. With `sink`, the
	 * bytes go to it instead, as views of one reused buffer, valid only during the call (the sink
	 * copies what it keeps), in pieces of `pieceSize` bytes (`sinkPiece`; a line longer than that
	 * grows the buffer to hold it) as the buffer fills and the rest at the last `take`.
	 */
	constructor(
		private readonly encoding: OutputEncoding,
		service: string,
		private readonly sink?: (bytes: Uint8Array) => void,
		pieceSize = sinkPiece
	) {
		this.prefix = encodeOutput(`${service},`, encoding, false);
		const padded = new Uint8Array(this.prefix.length + 3);
		padded.set(this.prefix);
		this.prefixView = new DataView(padded.buffer);
		// A sink gets few large pieces (a Blob made per piece costs far more than its bytes' copy).
		if (sink) this.capacity = pieceSize;
	}

	/** The file's start: the BOM of UTF-8 output, then the header row when `withHeader`. */
	start(withHeader: boolean): void {
		if (this.encoding === 'utf-8-bom') this.bytes(utf8Bom, 0, 3);
		if (withHeader) {
			const header = headerBytes[this.encoding];
			this.bytes(header, 0, header.length);
		}
	}

	/** A line as text; `isAscii` when the caller knows every character is ASCII (written as it stands). */
	text(line: string, isAscii: boolean): void {
		if (!isAscii) {
			const bytes = encodeOutput(line, this.encoding, false);
			return this.bytes(bytes, 0, bytes.length);
		}
		const length = line.length;
		this.room(length);
		const buffer = this.buffer;
		let at = this.length;
		for (let i = 0; i < length; i++) buffer[at++] = line.charCodeAt(i);
		this.length = at;
	}

	/**
	 * A plain return line bytes[start, end) (ASCII, see `readPlainCardBytes`) as its import line:
	 * the service, the line up to the brand's end, `,,,0`, the rest of the line, CR LF. Copied four
	 * bytes at a time (1M lines 155 → 55 ms of CPU against a byte loop, Node 20): a word may run up
	 * to 3 bytes past its span, when read into what follows it in `bytes` (a span ending less than
	 * 3 bytes before the end of `bytes` goes byte by byte), when written into what the next span or
	 * line overwrites (the buffer keeps 3 bytes of room past each line, never handed out).
	 */
	plainLine(bytes: Uint8Array, start: number, brandEnd: number, end: number): void {
		const prefixLength = this.prefix.length;
		const first = brandEnd - start;
		const second = end - brandEnd;
		this.room(prefixLength + first + second + 9);
		if (bytes !== this.lineBytes) (this.lineBytes = bytes), (this.lineView = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
		const input = this.lineView;
		const output = this.view;
		const prefix = this.prefixView;
		let at = this.length;
		for (let i = 0; i < prefixLength; i += 4) output.setInt32(at + i, prefix.getInt32(i));
		at += prefixLength;
		if (brandEnd + 3 <= bytes.length) for (let i = 0; i < first; i += 4) output.setInt32(at + i, input.getInt32(start + i));
		else for (let i = 0; i < first; i++) this.buffer[at + i] = bytes[start + i];
		at += first;
		// `,,,0`: columns 5 and 6 blank, column 7 `0` (SPEC "Card import file").
		output.setInt32(at, 0x2c2c2c30);
		at += 4;
		if (end + 3 <= bytes.length) for (let i = 0; i < second; i += 4) output.setInt32(at + i, input.getInt32(brandEnd + i));
		else for (let i = 0; i < second; i++) this.buffer[at + i] = bytes[brandEnd + i];
		at += second;
		output.setInt16(at, 0x0d0a);
		this.length = at + 2;
	}

	/**
	 * A warned return row read by `readWarnedCardBytes` (its bytes still in `bytes`) as its import
	 * line, repaired: the service, the customer ID, the tail in 3 digits, the brand in capitals,
	 * `,,,0`, the expiry in YYMM, the token, CR LF — what `cardImportLine` writes for the card the
	 * rules make of the same row, byte for byte.
	 */
	warnedLine(bytes: Uint8Array, line: WarnedCardLine): void {
		const prefix = this.prefix;
		const brand = brandBytes[line.brand];
		const tokenLength = line.tokenEnd - line.tokenStart;
		this.room(prefix.length + 12 + 4 + brand.length + 5 + 5 + tokenLength + 2);
		const buffer = this.buffer;
		let at = this.length;
		for (let i = 0; i < prefix.length; i++) buffer[at++] = prefix[i];
		for (let i = line.idStart; i < line.idStart + 11; i++) buffer[at++] = bytes[i];
		const tail = line.tail;
		buffer[at] = 44;
		buffer[at + 1] = 48 + ((tail / 100) | 0);
		buffer[at + 2] = 48 + (((tail / 10) | 0) % 10);
		buffer[at + 3] = 48 + (tail % 10);
		buffer[at + 4] = 44;
		at += 5;
		for (let i = 0; i < brand.length; i++) buffer[at++] = brand[i];
		// `,,,0,`: columns 5 and 6 blank, column 7 `0` (SPEC "Card import file").
		buffer[at] = 44;
		buffer[at + 1] = 44;
		buffer[at + 2] = 44;
		buffer[at + 3] = 48;
		buffer[at + 4] = 44;
		const yymm = line.yymm;
		buffer[at + 5] = 48 + ((yymm / 1000) | 0);
		buffer[at + 6] = 48 + (((yymm / 100) | 0) % 10);
		buffer[at + 7] = 48 + (((yymm / 10) | 0) % 10);
		buffer[at + 8] = 48 + (yymm % 10);
		buffer[at + 9] = 44;
		at += 10;
		for (let i = line.tokenStart; i < line.tokenEnd; i++) buffer[at++] = bytes[i];
		buffer[at] = 13;
		buffer[at + 1] = 10;
		this.length = at + 2;
	}

	/**
	 * The bytes written since the last call (the caller keeps them); with a sink, nothing: the sink
	 * has had every full buffer, and gets the rest when `isLast`. A buffer at least half full is
	 * handed over as it stands and the next line starts a new one; a less filled one is copied out
	 * and reused (a part never holds on to a buffer much larger than itself).
	 */
	take(isLast = false): Uint8Array {
		if (this.sink) {
			// Whole pieces go to the sink as the buffer fills; the rest waits for the end.
			if (this.length > 0 && isLast) this.sink(this.buffer.subarray(0, this.length));
			if (isLast) this.length = 0;
			return empty;
		}
		if (this.length * 2 >= this.buffer.length && this.length > 0) {
			this.parts.push(this.buffer.subarray(0, this.length));
			this.use(empty);
		} else if (this.length > 0) this.parts.push(this.buffer.slice(0, this.length));
		this.length = 0;
		const all = this.parts.length === 1 ? this.parts[0] : joinBytes(this.parts);
		this.parts = [];
		return all;
	}

	private bytes(bytes: Uint8Array, start: number, end: number): void {
		this.room(end - start);
		this.buffer.set(bytes.subarray(start, end), this.length);
		this.length += end - start;
	}

	// Makes room for `count` more bytes: a full buffer is kept as a part and a new one started,
	// twice as large (up to 16 MiB), so what one push writes soon fits one buffer (no join).
	private room(count: number): void {
		if (this.length + count <= this.buffer.length) return;
		if (this.sink) {
			if (this.length > 0) this.sink(this.buffer.subarray(0, this.length));
			this.length = 0;
			if (count > this.buffer.length) this.use(new Uint8Array(Math.max(this.capacity, count)));
			return;
		}
		if (this.length > 0) {
			this.parts.push(this.buffer.subarray(0, this.length));
			this.capacity = Math.min(this.capacity * 2, 16 << 20);
		}
		this.use(new Uint8Array(Math.max(this.capacity, count)));
		this.length = 0;
	}

	private use(buffer: Uint8Array<ArrayBuffer>): void {
		this.buffer = buffer;
		this.view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
	}
}
