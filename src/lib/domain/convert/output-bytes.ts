import { joinBytes } from '../bytes';
import { encodeOutput, type OutputEncoding } from '../encoding/encode-text';
import { cardImportHeaderLine } from './card-import-line';

const utf8Bom = Uint8Array.of(0xef, 0xbb, 0xbf);

/**
 * The card import file's bytes as step d writes them, line by line into one reused buffer: no
 * string per line on the plain path (a plain line's ASCII bytes are copied as they stand, the same
 * bytes in Shift_JIS and UTF-8). `take` hands out what was written since the last call.
 */
export class OutputBytes {
	private buffer = new Uint8Array(1 << 20);
	private length = 0;
	private parts: Uint8Array[] = [];
	private readonly prefix: Uint8Array;

	/** `service` is column 1 of every line (settings 利用サービス), encoded once. */
	constructor(
		private readonly encoding: OutputEncoding,
		service: string
	) {
		this.prefix = encodeOutput(`${service},`, encoding, false);
	}

	/** The file's start: the BOM of UTF-8 output, then the header row when `withHeader`. */
	start(withHeader: boolean): void {
		if (this.encoding === 'utf-8-bom') this.bytes(utf8Bom, 0, 3);
		if (withHeader) {
			const header = encodeOutput(cardImportHeaderLine, this.encoding, false);
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
	 * the service, the line up to the brand's end, `,,,0`, the rest of the line, CR LF.
	 */
	plainLine(bytes: Uint8Array, start: number, brandEnd: number, end: number): void {
		const prefix = this.prefix;
		this.room(prefix.length + end - start + 6);
		const buffer = this.buffer;
		let at = this.length;
		for (let i = 0; i < prefix.length; i++) buffer[at++] = prefix[i];
		for (let i = start; i < brandEnd; i++) buffer[at++] = bytes[i];
		// `,,,0`: columns 5 and 6 blank, column 7 `0` (SPEC "Card import file").
		buffer[at++] = 44;
		buffer[at++] = 44;
		buffer[at++] = 44;
		buffer[at++] = 48;
		for (let i = brandEnd; i < end; i++) buffer[at++] = bytes[i];
		buffer[at++] = 13;
		buffer[at++] = 10;
		this.length = at;
	}

	/** The bytes written since the last call (a fresh array the caller may keep). */
	take(): Uint8Array {
		this.parts.push(this.buffer.slice(0, this.length));
		this.length = 0;
		const all = joinBytes(this.parts);
		this.parts = [];
		return all;
	}

	private bytes(bytes: Uint8Array, start: number, end: number): void {
		this.room(end - start);
		this.buffer.set(bytes.subarray(start, end), this.length);
		this.length += end - start;
	}

	// Makes room for `count` more bytes: a full buffer is handed to the parts, a too small one grows.
	private room(count: number): void {
		if (this.length + count <= this.buffer.length) return;
		if (this.length > 0) {
			this.parts.push(this.buffer.slice(0, this.length));
			this.length = 0;
		}
		if (count > this.buffer.length) this.buffer = new Uint8Array(count);
	}
}
