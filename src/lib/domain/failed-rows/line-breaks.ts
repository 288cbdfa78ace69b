import { joinBytes } from '../bytes';

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

const crlf = Uint8Array.of(CR, LF);

/** A streaming copier of line spans: the file's bytes in, each span's bytes out. */
export interface LineSpanCopier {
	/** Reads the next bytes of the file, in file order; copies what it keeps (`bytes` may be reused). */
	push(bytes: Uint8Array): void;
	/** Ends the file: each span's bytes (one array a span) followed by CRLF, in order (join them for the file). */
	finish(): Uint8Array[];
}

/**
 * Copies the bytes of each span, from the start of its first line to the end of its last line
 * (its final line break left out, CRLF put after it), skipping the file's first `skip` bytes (a
 * BOM), however the file is sliced: a CR LF split between two pushes is one line break. Spans
 * must be in file order and must not overlap; a span the file ends inside gives nothing. CR and
 * LF bytes are never part of a multi-byte character in UTF-8 or Shift_JIS, so physical lines of
 * the bytes are those of the decoded text. Holds only the spans' bytes.
 */
export function createLineSpanCopier(skip: number, spans: readonly LineSpan[]): LineSpanCopier {
	const out: Uint8Array[] = [];
	let held: Uint8Array[] = [];
	let line = 0;
	let next = 0;
	let toSkip = skip;
	let isInSpan = spans.length > 0 && spans[0].first === 0;
	// A push that ended on a CR: an LF opening the next push belongs to that line break, and is
	// the span's own byte unless the span began right after that break.
	let isAfterCr = false;
	let hasSpanBegunAfterCr = false;
	const endSpan = () => {
		out.push(held.length === 1 ? held[0] : joinBytes(held));
		out.push(crlf);
		held = [];
		next++;
		isInSpan = false;
	};
	return {
		push(bytes) {
			const length = bytes.length;
			let i = 0;
			if (toSkip > 0) {
				i = Math.min(toSkip, length);
				toSkip -= i;
			}
			if (next >= spans.length || i >= length) return;
			let from = i;
			if (isAfterCr) {
				isAfterCr = false;
				if (bytes[i] === LF) {
					i++;
					if (hasSpanBegunAfterCr) from = i;
				}
			}
			hasSpanBegunAfterCr = false;
			for (; i < length; i++) {
				const byte = bytes[i];
				if (byte !== LF && byte !== CR) continue;
				let breakEnd = i + 1;
				if (byte === CR) {
					if (breakEnd === length) isAfterCr = true;
					else if (bytes[breakEnd] === LF) breakEnd++;
				}
				if (isInSpan && line === spans[next].last) {
					held.push(bytes.slice(from, i));
					endSpan();
					if (next >= spans.length) return;
				}
				line++;
				i = breakEnd - 1;
				if (!isInSpan && spans[next].first === line) {
					isInSpan = true;
					from = breakEnd;
					hasSpanBegunAfterCr = isAfterCr;
				}
			}
			if (isInSpan && from < length) held.push(bytes.slice(from, length));
		},
		finish() {
			// A file shorter than its skipped bytes has no line at all.
			if (toSkip === 0 && isInSpan && next < spans.length && line === spans[next].last) endSpan();
			return out;
		}
	};
}
