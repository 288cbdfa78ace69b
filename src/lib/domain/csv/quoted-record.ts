import { maxLineLength } from './limits';

/** Why a record breaks RFC 4180. */
export type MalformedReason = 'stray-quote' | 'unclosed-quote' | 'text-after-quote';

/** A record read by the quote-aware path; `next` is where the following record starts. */
export interface QuotedRecord {
	fields: string[];
	raw: string;
	next: number;
	malformed: { reason: MalformedReason; column: number } | undefined;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

function lineEnd(buf: string, from: number): number {
	const lf = buf.indexOf('\n', from);
	const cr = buf.indexOf('\r', from);
	if (lf < 0) return cr < 0 ? buf.length : cr;
	return cr < 0 || lf < cr ? lf : cr;
}

/** Where the record after a line break at `at` starts, or -1 when CR ends the text so far. */
function afterBreak(buf: string, at: number, final: boolean): number {
	if (buf.charCodeAt(at) === LF) return at + 1;
	if (at + 1 === buf.length && !final) return -1;
	return buf.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}

/**
 * A malformed record is its first physical line (so one bad quote costs one row, and reading
 * resumes on the next line). Its column is that of the bad field when the fault is on that
 * line, else that of the quoted field that ran past it.
 */
function malformedLine(
	buf: string,
	start: number,
	final: boolean,
	reason: MalformedReason,
	column: number
): QuotedRecord | null {
	const end = lineEnd(buf, start);
	if (end === buf.length && !final) return null;
	const next = end === buf.length ? end : afterBreak(buf, end, final);
	if (next < 0) return null;
	const raw = buf.slice(start, end);
	return { fields: raw.split(','), raw, next, malformed: { reason, column } };
}

/** Reads one record that has a quote on its first line, starting at `start`; null: needs more text. */
export function parseQuotedRecord(buf: string, start: number, final: boolean): QuotedRecord | null {
	const len = buf.length;
	const firstEnd = lineEnd(buf, start);
	const fields: string[] = [];
	let spanning = 0;
	let i = start;
	// A fault past the first line means the quote opened there never closed as it should.
	const fail = (reason: MalformedReason, at: number) =>
		at < firstEnd
			? malformedLine(buf, start, final, reason, fields.length + 1)
			: malformedLine(buf, start, final, 'unclosed-quote', spanning);
	for (;;) {
		let value = '';
		if (i < len && buf.charCodeAt(i) === QUOTE) {
			const open = i;
			let from = i + 1;
			for (;;) {
				const close = buf.indexOf('"', from);
				if (close < 0 || close - start > maxLineLength) {
					if (close < 0 && !final && len - start <= maxLineLength) return null;
					if (spanning === 0) spanning = fields.length + 1;
					return fail('unclosed-quote', open);
				}
				if (close + 1 === len && !final) return null;
				if (buf.charCodeAt(close + 1) === QUOTE) {
					value += buf.slice(from, close + 1);
					from = close + 2;
					continue;
				}
				value += buf.slice(from, close);
				if (close > firstEnd && spanning === 0) spanning = fields.length + 1;
				i = close + 1;
				break;
			}
			const code = i < len ? buf.charCodeAt(i) : -1;
			if (code !== COMMA && code !== LF && code !== CR && code !== -1) return fail('text-after-quote', i);
		} else {
			let k = i;
			let code = -1;
			while (k < len) {
				code = buf.charCodeAt(k);
				if (code === COMMA || code === LF || code === CR || code === QUOTE) break;
				k++;
			}
			if (k < len && code === QUOTE) return fail('stray-quote', k);
			value = buf.slice(i, k);
			i = k;
		}
		fields.push(value);
		if (i === len) return final ? { fields, raw: buf.slice(start, len), next: len, malformed: undefined } : null;
		if (buf.charCodeAt(i) === COMMA) {
			i++;
			continue;
		}
		const next = afterBreak(buf, i, final);
		if (next < 0) return null;
		return { fields, raw: buf.slice(start, i), next, malformed: undefined };
	}
}
