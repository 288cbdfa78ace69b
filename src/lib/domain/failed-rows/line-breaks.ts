const LF = 10;
const CR = 13;

/** How many line breaks (CRLF, LF or a lone CR) a text holds. */
export function countLineBreaks(text: string): number {
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === LF) count++;
		else if (code === CR) {
			count++;
			if (text.charCodeAt(i + 1) === LF) i++;
		}
	}
	return count;
}

/** A span of physical lines, `first` to `last` inclusive (0-based). */
export interface LineSpan {
	first: number;
	last: number;
}

/**
 * The bytes of each span, from the start of its first line to the end of its last line (its
 * final line break left out), reading `bytes` from `start`. Spans must be in file order and
 * must not overlap. CR and LF bytes are never part of a multi-byte character in UTF-8 or
 * Shift_JIS, so physical lines of the bytes are those of the decoded text.
 */
export function sliceLineSpans(bytes: Uint8Array, start: number, spans: readonly LineSpan[]): Uint8Array[] {
	const slices: Uint8Array[] = [];
	let line = 0;
	let lineStart = start;
	let next = 0;
	let spanStart = -1;
	for (let i = start; i <= bytes.length && next < spans.length; i++) {
		const byte = i < bytes.length ? bytes[i] : -1;
		if (byte !== LF && byte !== CR && byte !== -1) continue;
		if (line === spans[next].first) spanStart = lineStart;
		if (line === spans[next].last) {
			slices.push(bytes.subarray(spanStart, i));
			next++;
		}
		if (byte === CR && bytes[i + 1] === LF) i++;
		line++;
		lineStart = i + 1;
	}
	return slices;
}
