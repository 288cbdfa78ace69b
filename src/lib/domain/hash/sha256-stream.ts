import { compressBlocks } from './sha256-blocks';

/** An incremental SHA-256 (FIPS 180-4): bytes given slice by slice, the digest as lower-case hex. */
export interface Sha256Stream {
	/** Adds the next bytes of the message. */
	update(bytes: Uint8Array): void;
	/** The digest of every byte given so far, as 64 lower-case hex characters; call once. */
	hex(): string;
}

const initialState = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/**
 * A SHA-256 fed slice by slice, so a file is hashed while it streams and never sits whole in
 * memory (issue 14). Web Crypto's `digest` takes one whole buffer only; whole blocks of a slice
 * are hashed where they lie (`compressBlocks`, measured faster than @noble/hashes: see there),
 * only a slice's last partial block is copied, to wait for the next slice.
 */
export function createSha256Stream(): Sha256Stream {
	const state = Int32Array.from(initialState);
	const pending = new Uint8Array(128);
	let pendingLength = 0;
	let total = 0;
	return {
		update: (bytes) => {
			total += bytes.length;
			let from = 0;
			if (pendingLength > 0) {
				from = Math.min(64 - pendingLength, bytes.length);
				pending.set(bytes.subarray(0, from), pendingLength);
				pendingLength += from;
				if (pendingLength < 64) return;
				compressBlocks(state, pending, 0, 64);
				pendingLength = 0;
			}
			const whole = from + ((bytes.length - from) & ~63);
			if (whole > from) compressBlocks(state, bytes, from, whole);
			pending.set(bytes.subarray(whole), 0);
			pendingLength = bytes.length - whole;
		},
		hex: () => {
			// Padding (FIPS 180-4 §5.1.1): 0x80, zeros, the message's length in bits as 64 bits.
			const end = pendingLength + 9 <= 64 ? 64 : 128;
			pending[pendingLength] = 0x80;
			pending.fill(0, pendingLength + 1, end);
			writeBitLength(pending, end - 8, total);
			compressBlocks(state, pending, 0, end);
			let hex = '';
			for (const word of state) hex += (word >>> 0).toString(16).padStart(8, '0');
			return hex;
		}
	};
}

/**
 * Writes `byteCount × 8` as a 64-bit big-endian integer at `bytes[at, at + 8)`: the length field
 * of SHA-256's padding (FIPS 180-4 §5.1.1), exact for any file size below 2^53 bytes (a file past
 * 512 MiB has more than 2^32 bits: the high word is not zero).
 */
export function writeBitLength(bytes: Uint8Array, at: number, byteCount: number): void {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	view.setUint32(at, Math.floor(byteCount / 2 ** 29));
	view.setUint32(at + 4, (byteCount % 2 ** 29) * 8);
}
