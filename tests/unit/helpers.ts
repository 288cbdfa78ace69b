import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Encoding from 'encoding-japanese';
import { joinBytes } from '$lib/domain/bytes';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Bytes of a file in tests/fixtures. */
export function fixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(fixtures + name));
}

/**
 * Shift_JIS bytes of a text. ASCII has the same bytes in Shift_JIS (encoding-japanese maps each of
 * the 128 codes to itself): only the runs of other characters go through encoding-japanese, whose
 * arrays of one slot a character made long ASCII padding the slowest part of some property tests.
 */
export function sjis(text: string): Uint8Array {
	const parts: Uint8Array[] = [];
	for (const [run] of text.matchAll(/[\x00-\x7f]+|[^\x00-\x7f]+/g)) {
		parts.push(run.charCodeAt(0) < 0x80 ? ascii.encode(run) : Uint8Array.from(Encoding.convert(Encoding.stringToCode(run), { to: 'SJIS', from: 'UNICODE' })));
	}
	return joinBytes(parts);
}

const ascii = new TextEncoder();

/** UTF-8 bytes of a text (with a BOM when asked). */
export function utf8(text: string, bom = false): Uint8Array {
	const body = new TextEncoder().encode(text);
	if (!bom) return body;
	const all = new Uint8Array(body.length + 3);
	all.set([0xef, 0xbb, 0xbf]);
	all.set(body, 3);
	return all;
}

/**
 * Bytes as a string of one character a byte (null stays null): equal exactly when the bytes are,
 * and compared at once, where `toEqual` on arrays walks them element by element.
 */
export function bytesText(bytes: Uint8Array | null): string | null {
	return bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}

/** Text of Shift_JIS bytes. */
export function fromSjis(bytes: Uint8Array | null): string {
	return bytes === null ? '<null>' : new TextDecoder('shift_jis').decode(bytes);
}

/** 2026-11-28 noon in Tokyo: `2611` is valid, `2610` expired. */
/** A report's problems as `code@row,column`, in order: the short form specs compare reports by. */
export const codesAt = (report: { problems: readonly { row: number; column: number; code: string }[] }): string[] =>
	report.problems.map((p) => `${p.code}@${p.row},${p.column}`);

export const today = new Date('2026-11-28T12:00:00+09:00');

/** The header of Yamato's return file, as the fixture has it. */
export const returnHeader =
	'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';

/** The header row of the card import file. */
export const importHeader =
	'決済代行会社,顧客ID,カード番号下3桁,カードブランド,カード名義人,SEND ID,連番物理,有効期限,クロネコwebコレクトカード認証キー';

/** Splits bytes at the given offsets (sorted, deduplicated, inside the array). */
export function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
	const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
	const parts: Uint8Array[] = [];
	let last = 0;
	for (const point of points) {
		parts.push(bytes.slice(last, point));
		last = point;
	}
	parts.push(bytes.slice(last));
	return parts;
}

/** The brand prefixes of SPEC's card-number rule (Visa, Mastercard, AMEX, JCB, Diners, Discover/UnionPay). */
export const cardPrefixes = ['4', '51', '55', '2221', '2720', '34', '37', '3528', '3589', '300', '305', '36', '38', '39', '6011', '62', '644', '649', '65'];

/** The Luhn check digit that makes `body` + it a valid card number. */
export function luhnDigit(body: string): string {
	let sum = 0;
	for (let i = 0; i < body.length; i++) {
		let digit = Number(body[body.length - 1 - i]);
		if (i % 2 === 0) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return String((10 - (sum % 10)) % 10);
}

/**
 * The test's own reading of SPEC's rule for a line in a Shift_JIS file: true when the bytes are a
 * UTF-8 row of Japanese text (valid UTF-8, at least one character of 3 or 4 bytes, every character
 * from U+0800 to U+FFFF one that Shift_JIS holds as encoding-japanese writes it, or U+2014, and
 * none private-use). Written apart from the decoder: TextDecoder and encoding-japanese only.
 */
export function isUtf8JapaneseRow(bytes: Uint8Array): boolean {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return false;
	}
	let hasLong = false;
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (code < 0x800) continue;
		hasLong = true;
		if (code > 0xffff || code === 0x2014) continue;
		if (code >= 0xe000 && code <= 0xf8ff) return false;
		const encoded = sjis(char);
		if (encoded.length === 1 && encoded[0] === 0x3f) return false;
	}
	return hasLong;
}

const NodeTextDecoder = globalThis.TextDecoder;
const nodeSjis = new NodeTextDecoder('shift_jis');
let sjisPairCodes: Int32Array | null = null;

/** Code point of each Shift_JIS pair by WHATWG pointer (-1: none): Node's table, WHATWG's user-defined area. */
function sjisPairTable(): Int32Array {
	if (sjisPairCodes) return sjisPairCodes;
	const table = new Int32Array(188 * 120).fill(-1);
	for (let lead = 0x81; lead <= 0xfc; lead++) {
		if (lead > 0x9f && lead < 0xe0) continue;
		for (let trail = 0x40; trail <= 0xfc; trail++) {
			if (trail === 0x7f) continue;
			const pointer = (lead - (lead < 0xa0 ? 0x81 : 0xc1)) * 188 + trail - (trail < 0x7f ? 0x40 : 0x41);
			if (pointer >= 8836 && pointer <= 10715) {
				table[pointer] = 0xe000 - 8836 + pointer;
				continue;
			}
			const char = nodeSjis.decode(Uint8Array.of(lead, trail));
			if (char.length === 1 && char !== '\ufffd') table[pointer] = char.charCodeAt(0);
		}
	}
	sjisPairCodes = table;
	return table;
}

/**
 * The WHATWG Encoding standard's Shift_JIS decoder, as browsers run it: ASCII bytes and 0x80 are
 * their own code points (Node's decoder refuses 0x80 and maps 0x1A and 0x7F elsewhere), A1–DF
 * are half-width kana, a lead byte takes the next byte when that is a trail byte and the pair is
 * in the index (an ASCII byte after a bad lead is not swallowed). The two-byte index is Node's.
 */
function whatwgShiftJis(bytes: Uint8Array, fatal: boolean): string {
	const table = sjisPairTable();
	const units: number[] = [];
	const error = () => {
		if (fatal) throw new TypeError('The encoded data was not valid for encoding shift_jis');
		units.push(0xfffd);
	};
	for (let i = 0; i < bytes.length; ) {
		const byte = bytes[i];
		if (byte <= 0x80) {
			units.push(byte);
			i++;
		} else if (byte >= 0xa1 && byte <= 0xdf) {
			units.push(0xff61 - 0xa1 + byte);
			i++;
		} else if ((byte >= 0x81 && byte <= 0x9f) || (byte >= 0xe0 && byte <= 0xfc)) {
			if (i + 1 >= bytes.length) {
				error();
				i++;
				continue;
			}
			const trail = bytes[i + 1];
			const isTrail = (trail >= 0x40 && trail <= 0x7e) || (trail >= 0x80 && trail <= 0xfc);
			const pointer = (byte - (byte < 0xa0 ? 0x81 : 0xc1)) * 188 + trail - (trail < 0x7f ? 0x40 : 0x41);
			const code = isTrail ? table[pointer] : -1;
			if (code >= 0) {
				units.push(code);
				i += 2;
			} else {
				error();
				i += trail < 0x80 ? 1 : 2;
			}
		} else {
			error();
			i++;
		}
	}
	let text = '';
	for (let at = 0; at < units.length; at += 4096) text += String.fromCharCode(...units.slice(at, at + 4096));
	return text;
}

/**
 * A TextDecoder that reads Shift_JIS as browsers do (`whatwgShiftJis`) and every other encoding
 * as Node does; for `vi.stubGlobal('TextDecoder', BrowserTextDecoder)`, so the product's own code
 * runs on the bytes as a browser decodes them.
 */
export class BrowserTextDecoder {
	private readonly node: TextDecoder | null;
	readonly encoding: string;
	readonly fatal: boolean;
	readonly ignoreBOM: boolean;

	constructor(label = 'utf-8', options: TextDecoderOptions = {}) {
		const isSjis = ['shift_jis', 'shift-jis', 'sjis', 'ms_kanji', 'windows-31j', 'csshiftjis', 'x-sjis', 'ms932'].includes(label.toLowerCase());
		this.node = isSjis ? null : new NodeTextDecoder(label, options);
		this.encoding = isSjis ? 'shift_jis' : this.node!.encoding;
		this.fatal = options.fatal ?? false;
		this.ignoreBOM = options.ignoreBOM ?? false;
	}

	decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
		if (this.node) return this.node.decode(input, options);
		if (options?.stream) throw new Error('streaming Shift_JIS is not emulated');
		if (input === undefined) return '';
		const bytes = input instanceof Uint8Array ? input : ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
		return whatwgShiftJis(bytes, this.fatal);
	}
}

/** `input` cut at `cuts` (each taken modulo its length + 1, repeats dropped): the chunks a stream may hand over. */
export function pieces(input: Uint8Array, cuts: number[]): Uint8Array[] {
	const sorted = [...new Set(cuts.map((cut) => cut % (input.length + 1)))].sort((a, b) => a - b);
	const parts: Uint8Array[] = [];
	let from = 0;
	for (const cut of [...sorted, input.length]) {
		parts.push(input.subarray(from, cut));
		from = cut;
	}
	return parts;
}
