// A synchronous SHA-256 for short texts (card tokens): Web Crypto's digest is asynchronous, and
// awaiting it once per card costs more than the hash itself on a million-card import. The blocks
// go through step d's compression function written out round by round (`compressBlocksOfView`): 1M
// 30-character tokens fingerprinted in 943 ms as text and 907 ms from the file's bytes, against
// 1058 and 995 ms with the looped compression it replaced (0.89 / 0.91 ×; Node 20, CPU time, median
// of 7 alternated in one process, load 3.1-3.2).
import { compressBlocksOfView } from './sha256-blocks';

// The character codes of the 16 hex digits, and the 64 of one digest (reused between calls).
const hexDigits = new Uint8Array(Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0)));
// A plain array of small integers: `String.fromCharCode.apply` reads it about twice as fast as a
// typed array (Node 20, 1M digests side by side).
const hexCodes: number[] = new Array<number>(64).fill(48);
const encoder = new TextEncoder();
const initial = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
// Reused between calls (a million per card import): the running state and the padded message.
const state = new Int32Array(8);
let padded = new Uint8Array(128);
// A view of `padded`, made again only when it grows (one per call was most of an import's garbage).
let paddedView = new DataView(padded.buffer);

// Makes `padded` hold at least `size` bytes (whole blocks).
function reservePadded(size: number): void {
	if (padded.length >= size) return;
	padded = new Uint8Array(Math.ceil(size / 64) * 64);
	paddedView = new DataView(padded.buffer);
}

// The UTF-8 bytes of `text` at the start of `padded` (grown when short); returns their count.
function writeUtf8(text: string): number {
	const length = text.length;
	reservePadded(length * 3 + 72);
	for (let i = 0; i < length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x80) return encoder.encodeInto(text, padded).written;
		padded[i] = code;
	}
	return length;
}

/**
 * The SHA-256 (FIPS 180-4) of a text's UTF-8 bytes as lower-case hex, computed synchronously.
 * Called once per card of an import (a million of them), so nothing is allocated but the result:
 * an ASCII text is copied into a reused buffer, padded there, and hashed block by block.
 */
export function sha256HexSync(text: string): string {
	return digestHex(writeUtf8(text));
}

/**
 * The SHA-256 of bytes[start, end) as lower-case hex, like `sha256HexSync` of their text (a card
 * import's token read straight from the file's bytes, with no text made of it).
 */
export function sha256HexOfBytes(bytes: Uint8Array, start: number, end: number): string {
	const length = end - start;
	reservePadded(length + 72);
	for (let i = 0; i < length; i++) padded[i] = bytes[start + i];
	return digestHex(length);
}

/**
 * The SHA-256 of bytes[start, end) as its 32 raw bytes, written to out[at, at + 32): a card import's
 * fingerprint straight into its byte column, no hex text per card.
 */
export function sha256OfBytesInto(bytes: Uint8Array, start: number, end: number, out: Uint8Array, at: number): void {
	const length = end - start;
	reservePadded(length + 72);
	for (let i = 0; i < length; i++) padded[i] = bytes[start + i];
	digestInto(length, out, at);
}

/** The SHA-256 of a text's UTF-8 bytes as its 32 raw bytes, written to out[at, at + 32) (as `sha256OfBytesInto`). */
export function sha256SyncInto(text: string, out: Uint8Array, at: number): void {
	digestInto(writeUtf8(text), out, at);
}

// The digest of the first `length` bytes of `padded` (padded in place) as big-endian bytes at out[at].
function digestInto(length: number, out: Uint8Array, at: number): void {
	digest(length);
	for (let i = 0; i < 8; i++) {
		const word = state[i];
		const to = at + i * 4;
		out[to] = word >>> 24;
		out[to + 1] = word >>> 16;
		out[to + 2] = word >>> 8;
		out[to + 3] = word;
	}
}

// Hashes the first `length` bytes of `padded`, which it pads in place, into `state`.
function digest(length: number): void {
	const end = Math.ceil((length + 9) / 64) * 64;
	padded[length] = 0x80;
	padded.fill(0, length + 1, end);
	const bits = length * 8;
	padded[end - 5] = Math.floor(bits / 2 ** 32);
	padded[end - 4] = bits >>> 24;
	padded[end - 3] = bits >>> 16;
	padded[end - 2] = bits >>> 8;
	padded[end - 1] = bits;
	state.set(initial);
	compressBlocksOfView(state, paddedView, 0, end);
}

// The digest of the first `length` bytes of `padded`, which it pads in place, as lower-case hex.
function digestHex(length: number): string {
	digest(length);
	for (let i = 0; i < 8; i++) {
		const word = state[i];
		for (let shift = 28, at = i * 8; shift >= 0; shift -= 4, at++) hexCodes[at] = hexDigits[(word >>> shift) & 15];
	}
	// One flat text from the 64 codes. Built by `+=` it was a rope of 32 pieces per card, held by the
	// import's columns until flattened: 1M fingerprints took 424 MB of heap against 88 MB flat, and
	// 3.4 s against 1.8 s to make (Node 20, measured side by side).
	return String.fromCharCode.apply(null, hexCodes);
}
