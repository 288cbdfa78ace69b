import type { ProblemCode } from '../problems/problem';

/** What a file that is not a text CSV is refused as. */
export type NonTextCode = Extract<
	ProblemCode,
	'utf-16-file' | 'png-file' | 'zip-file' | 'binary-file' | 'unsupported-encoding'
>;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
	return signature.every((byte, i) => bytes[i] === byte);
}

function nulCodeOrNull(bytes: Uint8Array): NonTextCode | null {
	let even = 0;
	let odd = 0;
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i] === 0) {
			if (i % 2 === 0) even++;
			else odd++;
		}
	}
	if (even + odd === 0) return null;
	// UTF-16 text puts a NUL beside nearly every ASCII character, always on the same side.
	const half = bytes.length / 2;
	return Math.max(even, odd) >= half * 0.3 && Math.min(even, odd) <= half * 0.05
		? 'utf-16-file'
		: 'binary-file';
}

function controlCodeOrNull(bytes: Uint8Array): NonTextCode | null {
	let controls = 0;
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i];
		if (byte === 0x1b && (bytes[i + 1] === 0x24 || bytes[i + 1] === 0x28)) return 'unsupported-encoding';
		if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) controls++;
	}
	return controls > Math.max(8, bytes.length / 100) ? 'binary-file' : null;
}

/**
 * Looks at the start of a file (up to 64 KiB) and names why it is no text CSV, or returns null:
 * UTF-16 (BOM or NUL pattern), PNG, ZIP/xlsx, ISO-2022-JP, or binary bytes (NULs, many controls).
 */
export function sniffNonText(head: Uint8Array): NonTextCode | null {
	if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return 'utf-16-file';
	if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png-file';
	if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
		return 'zip-file';
	}
	return nulCodeOrNull(head) ?? controlCodeOrNull(head);
}
