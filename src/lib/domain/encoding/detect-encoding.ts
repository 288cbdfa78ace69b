/** The encodings a file can be read as and is reported with. */
export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

/** How the user wants a file read: detected, or forced. */
export type EncodingChoice = 'auto' | 'utf-8' | 'shift_jis';

/** How many bytes from the first non-ASCII byte decide between UTF-8 and Shift_JIS. */
export const detectionWindow = 64 * 1024;

/** True when the bytes begin with the UTF-8 byte order mark EF BB BF. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
	return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Index of the first byte ≥ 0x80 at or after `from`, or -1 when the rest is ASCII. */
export function firstNonAscii(bytes: Uint8Array, from = 0): number {
	for (let i = from; i < bytes.length; i++) {
		if (bytes[i] >= 0x80) return i;
	}
	return -1;
}

/** True when the bytes are valid UTF-8; with `mayContinue`, a sequence cut at the end is allowed. */
export function isUtf8(bytes: Uint8Array, mayContinue: boolean): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: mayContinue });
		return true;
	} catch {
		return false;
	}
}

/**
 * Decides the window that starts at the first non-ASCII byte, line by line (LF): UTF-8 when at
 * least as many of its lines holding non-ASCII bytes decode as UTF-8 as do not (a character cut at
 * the window's end is not held against it when more bytes follow). So one row of the other encoding
 * does not decide a file: a Shift_JIS row among UTF-8 rows leaves the file UTF-8 and that row
 * `undecodable` (SPEC "Rules and what bad input gets"), as a UTF-8 row among Shift_JIS rows is.
 * Genuine Shift_JIS lines holding Japanese almost never decode as UTF-8.
 */
export function decideWindow(window: Uint8Array, moreFollows: boolean): 'utf-8' | 'shift_jis' {
	const part = window.subarray(0, detectionWindow);
	const cut = moreFollows || window.length > detectionWindow;
	let utf8Lines = 0;
	let otherLines = 0;
	for (let start = 0; start < part.length; ) {
		const lf = part.indexOf(0x0a, start);
		const end = lf < 0 ? part.length : lf + 1;
		const line = part.subarray(start, end);
		if (firstNonAscii(line) >= 0) {
			if (isUtf8(line, lf < 0 && cut)) utf8Lines++;
			else otherLines++;
		}
		start = end;
	}
	return utf8Lines > 0 && utf8Lines >= otherLines ? 'utf-8' : 'shift_jis';
}

/**
 * The encoding of a whole file: a BOM gives 'utf-8-bom'; else pure ASCII or UTF-8 gives 'utf-8'
 * (judged on 64 KiB from the first non-ASCII byte); anything else is read as Shift_JIS (CP932).
 */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
	if (hasUtf8Bom(bytes)) return 'utf-8-bom';
	const start = firstNonAscii(bytes);
	if (start < 0) return 'utf-8';
	return decideWindow(bytes.subarray(start), false);
}
