import { z } from '../zod';

/** Values per block of a packed column: a value's end is kept relative to its block's start. */
export const packedBlockSize = 256;
const blockShift = 8;

/**
 * A column of texts as one string and where each value ends in it (UTF-16 code units), kept in
 * blocks of `packedBlockSize` values: `starts[b]` is where block `b` starts in `text`, and value
 * `i` ends at `starts[i >> 8] + ends[i]`. `ends` is 16 bits a value whenever every block's text
 * is under 64 Ki code units (any 256 values of a customer column, unless they average 256
 * characters), else 32 bits. A million customers' columns are then a few hundred strings, not seven
 * million, which the garbage collector never copies or marks one by one, and IndexedDB clones one
 * string and two typed arrays per column of a chunk; 2 bytes a value where absolute Uint32 ends took
 * 4 (1M × 7 values: 14 MB instead of 28, issue 14). A column with no text (no row fills it) is one
 * shared value per count (`emptyTexts`). Typed arrays own their buffers (a structured clone copies a
 * view's whole buffer).
 */
export interface PackedText {
	readonly text: string;
	readonly ends: Uint16Array | Uint32Array;
	readonly starts: Uint32Array;
}

/** A column as v6 stored it (2026-11-30): absolute `ends`, 32 bits a value. Read, never written since v7. */
export interface PackedTextV6 {
	readonly text: string;
	readonly ends: Uint32Array;
}

/** How many blocks `count` values take. */
function blockCountOf(count: number): number {
	return (count + packedBlockSize - 1) >>> blockShift;
}

// Shared empty columns by count: every part of a million customers with no 郵便番号 holds the same one.
const emptyByCount = new Map<number, PackedText>();
const emptyCacheLimit = 64;

/** `count` empty values: one shared, never-changed column per count (a column no row fills, placeholders). */
export function emptyTexts(count: number): PackedText {
	let empty = emptyByCount.get(count);
	if (empty) return empty;
	empty = { text: '', ends: new Uint16Array(count), starts: new Uint32Array(blockCountOf(count)) };
	if (emptyByCount.size < emptyCacheLimit) emptyByCount.set(count, empty);
	return empty;
}

/** The packed form of no values. */
export const emptyPackedText: PackedText = emptyTexts(0);

/**
 * `text` with the absolute end of each of its `count` values (`absolute[i]`, ascending, the last at
 * the text's end: checked by the caller) in the block form; shared `emptyTexts` when the text is empty.
 */
function blocked(text: string, absolute: Uint32Array, count: number): PackedText {
	if (text.length === 0) return emptyTexts(count);
	const starts = new Uint32Array(blockCountOf(count));
	let isNarrow = true;
	for (let b = 0; b < starts.length; b++) {
		const first = b << blockShift;
		const start = first === 0 ? 0 : absolute[first - 1];
		starts[b] = start;
		if (absolute[Math.min(count, first + packedBlockSize) - 1] - start > 0xffff) isNarrow = false;
	}
	const ends = isNarrow ? new Uint16Array(count) : new Uint32Array(count);
	for (let i = 0; i < count; i++) ends[i] = absolute[i] - starts[i >>> blockShift];
	return { text, ends, starts };
}

// Reused absolute ends while packing (one part at a time).
let scratch = new Uint32Array(1024);

/** Values `from`–`to` (exclusive) of `values` packed; any text (empty, astral, lone surrogates) as it is. */
export function packTexts(values: readonly string[], from = 0, to = values.length): PackedText {
	const count = Math.max(0, to - from);
	if (scratch.length < count) scratch = new Uint32Array(Math.max(count, scratch.length * 2));
	const absolute = scratch;
	let end = 0;
	for (let i = 0; i < count; i++) absolute[i] = end += values[from + i].length;
	if (end === 0) return emptyTexts(count);
	// One join per column of a chunk: the values stay young garbage the scavenger frees at once.
	return blocked(from === 0 && to === values.length ? values.join('') : values.slice(from, to).join(''), absolute, count);
}

// Character codes turned into text at a time (`String.fromCharCode.apply` puts each on the stack).
const codesPerPiece = 8192;

/** `length` UTF-16 code units of `codes` as text through `String.fromCharCode`, piece by piece. */
function textOfCodesInHeap(codes: Uint16Array, length: number): string {
	if (length <= codesPerPiece) return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
	const pieces: string[] = [];
	for (let at = 0; at < length; at += codesPerPiece) {
		pieces.push(String.fromCharCode.apply(null, codes.subarray(at, Math.min(length, at + codesPerPiece)) as unknown as number[]));
	}
	return pieces.join('');
}

// A Uint16Array's bytes are UTF-16LE only on a little-endian machine (every browser's today).
const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
// Reused: both decode whole buffers in one call (no stream state). `ignoreBOM`: a value opening with
// U+FEFF keeps it.
let asciiDecoder: TextDecoder | null = null;
let utf16Decoder: TextDecoder | null = null;

/**
 * `length` ASCII bytes as text (one byte a character): through `TextDecoder` as UTF-8, which a browser
 * makes outside the JavaScript heap (see `textOfCodes`), else `String.fromCharCode`.
 */
function textOfAscii(bytes: Uint8Array, length: number): string {
	if (typeof TextDecoder === 'undefined') return textOfCodesInHeap(Uint16Array.from(bytes.subarray(0, length)), length);
	asciiDecoder ??= new TextDecoder('utf-8');
	return asciiDecoder.decode(bytes.subarray(0, length));
}

/** True when `codes[0..length)` holds a surrogate not in a pair (UTF-16LE decoding would replace it). */
function hasLoneSurrogate(codes: Uint16Array, length: number): boolean {
	for (let i = 0; i < length; i++) {
		const c = codes[i];
		if (c < 0xd800 || c > 0xdfff) continue;
		if (c <= 0xdbff && i + 1 < length && codes[i + 1] >= 0xdc00 && codes[i + 1] <= 0xdfff) i++;
		else return true;
	}
	return false;
}

/**
 * `length` UTF-16 code units of `codes` as text, exactly (any code units, lone surrogates too).
 * `maxCode` is the largest of them, `hasSurrogate` whether any is a surrogate (the builder notes both
 * as it copies; an ASCII part never comes here: `textOfAscii`). Through `TextDecoder` as UTF-16LE
 * when that gives the same text (no lone surrogates): a browser makes the decoded text outside the
 * JavaScript heap, so a part's column never grows the worker's young generation nor its large-object
 * space (issue 14: the register job's peak held +63 MB of young generation and +70 MB of such
 * texts); else through `String.fromCharCode` (Latin-1 beyond ASCII, lone surrogates).
 */
function textOfCodes(codes: Uint16Array, length: number, maxCode: number, hasSurrogate: boolean): string {
	if (typeof TextDecoder === 'undefined' || !isLittleEndian) return textOfCodesInHeap(codes, length);
	if (maxCode < 0x100 || (hasSurrogate && hasLoneSurrogate(codes, length))) return textOfCodesInHeap(codes, length);
	utf16Decoder ??= new TextDecoder('utf-16le', { ignoreBOM: true });
	return utf16Decoder.decode(codes.subarray(0, length));
}

/**
 * Builds one packed column value by value, copying each value's code units into a reused buffer at
 * once: no string per value outlives its row (a million customers' cells once survived the young
 * generation's collections until their part was packed, growing it to its maximum: issue 14), and
 * the column's text is made once, at `build`.
 */
export class PackedTextBuilder {
	// While every value since the last `build` is ASCII, one byte a code unit in `bytes`; from the first
	// other character on, `codes` (the bytes widened once).
	private bytes = new Uint8Array(1 << 15);
	private codes = new Uint16Array(0);
	private isAscii = true;
	private length = 0;
	private ends: Uint32Array;
	private count = 0;
	// The largest code unit since the last `build`, and whether a surrogate was among them.
	private maxCode = 0;
	private hasSurrogate = false;

	constructor(capacity: number) {
		this.ends = new Uint32Array(Math.max(1, capacity));
	}

	/** Values added since the last `build`. */
	get size(): number {
		return this.count;
	}

	/** Adds `text.slice(from, to)` as the next value (any code units, as they are). */
	addRange(text: string, from: number, to: number): void {
		const length = this.length;
		const needed = length + (to - from);
		if (this.isAscii) {
			if (needed > this.bytes.length) {
				const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2));
				grown.set(this.bytes.subarray(0, length));
				this.bytes = grown;
			}
			const bytes = this.bytes;
			let seen = 0;
			for (let i = from, at = length; i < to; i++, at++) {
				const c = text.charCodeAt(i);
				bytes[at] = c;
				seen |= c;
			}
			if (seen < 0x80) {
				this.endValue(needed);
				return;
			}
			this.widen(needed);
		} else if (needed > this.codes.length) {
			const grown = new Uint16Array(Math.max(needed, this.codes.length * 2));
			grown.set(this.codes.subarray(0, length));
			this.codes = grown;
		}
		const codes = this.codes;
		let max = this.maxCode;
		let surrogates = 0;
		for (let i = from, at = length; i < to; i++, at++) {
			const c = text.charCodeAt(i);
			codes[at] = c;
			if (c > max) max = c;
			surrogates |= +((c & 0xf800) === 0xd800);
		}
		this.maxCode = max;
		if (surrogates !== 0) this.hasSurrogate = true;
		this.endValue(needed);
	}

	/** Adds `value` as the next value. */
	add(value: string): void {
		this.addRange(value, 0, value.length);
	}

	/** The values added since the last `build`, packed; the builder starts empty again. */
	build(): PackedText {
		const count = this.count;
		const length = this.length;
		const packed =
			length === 0
				? emptyTexts(count)
				: blocked(this.isAscii ? textOfAscii(this.bytes, length) : textOfCodes(this.codes, length, this.maxCode, this.hasSurrogate), this.ends, count);
		this.count = 0;
		this.length = 0;
		this.isAscii = true;
		this.maxCode = 0;
		this.hasSurrogate = false;
		return packed;
	}

	private endValue(end: number): void {
		this.length = end;
		if (this.count === this.ends.length) {
			const grown = new Uint32Array(this.ends.length * 2);
			grown.set(this.ends);
			this.ends = grown;
		}
		this.ends[this.count++] = end;
	}

	// The first value holding a character past ASCII: the part's bytes so far become code units (once a part).
	private widen(needed: number): void {
		const length = this.length;
		if (this.codes.length < needed) this.codes = new Uint16Array(Math.max(needed, this.bytes.length));
		this.codes.set(this.bytes.subarray(0, length));
		this.isAscii = false;
		this.maxCode = 0x7f;
	}
}

/** A column as v6 stored it, in the block form (its text kept as it is). */
export function fromV6(packed: PackedTextV6): PackedText {
	return blocked(packed.text, packed.ends, packed.ends.length);
}

/** The number of values in `packed`. */
export function packedCount(packed: PackedText): number {
	return packed.ends.length;
}

/** Where value `i` ends in `packed.text`. */
export function packedEnd(packed: PackedText, i: number): number {
	return packed.starts[i >>> blockShift] + packed.ends[i];
}

/** Where value `i` starts in `packed.text`. */
export function packedStart(packed: PackedText, i: number): number {
	return i === 0 ? 0 : packed.starts[(i - 1) >>> blockShift] + packed.ends[i - 1];
}

/** Value `i` of `packed` (a new string: for a page or a view, never per customer on a whole-registry path). */
export function packedAt(packed: PackedText, i: number): string {
	return packed.text.slice(packedStart(packed, i), packedEnd(packed, i));
}

/** Every value of `packed`, as an array (tests, v5-shaped output). */
export function unpackTexts(packed: PackedText): string[] {
	const values: string[] = new Array(packed.ends.length);
	for (let i = 0; i < values.length; i++) values[i] = packedAt(packed, i);
	return values;
}

/** True when value `i` of `packed` equals `value`, compared in place (no slice). */
export function packedEquals(packed: PackedText, i: number, value: string): boolean {
	const start = packedStart(packed, i);
	const end = packedEnd(packed, i);
	if (end - start !== value.length) return false;
	const text = packed.text;
	for (let k = 0; k < value.length; k++) if (text.charCodeAt(start + k) !== value.charCodeAt(k)) return false;
	return true;
}

/**
 * True when `value` is a well-formed packed column of `count` values: 16- or 32-bit `ends` and one
 * start a block, each block starting where the one before ends, ends ascending, the last at the
 * text's end.
 */
export function isPackedText(value: unknown, count: number): value is PackedText {
	if (typeof value !== 'object' || value === null) return false;
	const { text, ends, starts } = value as { text?: unknown; ends?: unknown; starts?: unknown };
	if (typeof text !== 'string' || !(ends instanceof Uint16Array || ends instanceof Uint32Array) || ends.length !== count) return false;
	if (!(starts instanceof Uint32Array) || starts.length !== blockCountOf(count)) return false;
	let last = 0;
	for (let i = 0; i < count; i++) {
		const base = starts[i >>> blockShift];
		if ((i & (packedBlockSize - 1)) === 0 && base !== last) return false;
		if (base + ends[i] < last) return false;
		last = base + ends[i];
	}
	return last === text.length;
}

/** True when `value` is a column as v6 stored it: absolute 32-bit `ends`, ascending, the last at the text's end. */
export function isPackedTextV6(value: unknown, count: number): value is PackedTextV6 {
	if (typeof value !== 'object' || value === null) return false;
	const { text, ends } = value as { text?: unknown; ends?: unknown };
	if (typeof text !== 'string' || !(ends instanceof Uint32Array) || ends.length !== count) return false;
	let last = 0;
	for (let i = 0; i < count; i++) {
		if (ends[i] < last) return false;
		last = ends[i];
	}
	return last === text.length;
}

const lengthOfEnds = (value: unknown) => (value as { ends?: { length?: number } } | null)?.ends?.length ?? -1;

/** A packed column (its length is checked by the record holding it). */
export const packedTextSchema = z.custom<PackedText>((value) => isPackedText(value, lengthOfEnds(value)), {
	error: 'records.error.packedText'
});

/** A column as v6 stored it (its length is checked by the record holding it). */
export const packedTextV6Schema = z.custom<PackedTextV6>((value) => isPackedTextV6(value, lengthOfEnds(value)), {
	error: 'records.error.packedText'
});
