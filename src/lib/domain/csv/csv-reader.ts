import { indexOfLongDigitRun } from '../guard/card-number';
import { maxLineLength } from './limits';
import { parseQuotedRecord, type MalformedReason } from './quoted-record';

/** How a record breaks RFC 4180, and in which (1-based) column. */
export interface Malformation {
	reason: MalformedReason;
	column: number;
}

/** One record of a CSV file. `row` counts records and blank lines from 1. */
export interface CsvRecord {
	row: number;
	fields: string[];
	/** The record's text as it stands in the file, without its line break. */
	raw: string;
	/** Set when the record breaks RFC 4180; its fields are then the raw line split at commas. */
	malformed: Malformation | undefined;
}

/**
 * Receives each record as it is read (no object is made for it: the fast path stays lean).
 * `fields` is null for a line without quotes: `raw.split(',')` gives them, when they are needed.
 * `mayHoldCardNumber` is false when the record has no run of 13 digits: no card number then.
 */
export type RecordSink = (
	row: number,
	fields: string[] | null,
	raw: string,
	malformed: Malformation | undefined,
	mayHoldCardNumber: boolean
) => void;

/** A streaming RFC 4180 reader: text in, in any chunking, records out. */
export interface CsvReader {
	/** Reads what `text` completes and hands each record to `sink`. */
	feed(text: string, final: boolean, sink: RecordSink): void;
	push(text: string): CsvRecord[];
	finish(): CsvRecord[];
	/** The row of a physical line longer than `maxLineLength`, where reading stopped; else 0. */
	readonly tooLongAt: number;
	/**
	 * Where the record being handed to the sink starts and ends (end: past its line break), in
	 * UTF-16 units from the start of all text fed: read them inside the sink call.
	 */
	readonly recordStart: number;
	readonly recordEnd: number;
	/** True when no partial record waits for more text (and reading has not stopped). */
	readonly isIdle: boolean;
	/**
	 * Counts one record read elsewhere (a plain line a file kind read from the bytes, never fed
	 * here) and returns its row; only while `isIdle`. Text offsets count only the text fed.
	 */
	skipRecord(): number;
}

const LF = 10;
const CR = 13;

function indexOrEnd(text: string, char: string, from: number): number {
	const index = text.indexOf(char, from);
	return index < 0 ? text.length : index;
}

/** Creates a streaming CSV reader (comma separated; CRLF, LF or lone CR line breaks). */
export function createCsvReader(): CsvReader {
	let pending = '';
	let row = 0;
	let tooLongAt = 0;
	// Offset of `pending` in all the text fed, and of the record being handed out.
	let consumed = 0;
	let recordStart = 0;
	let recordEnd = 0;

	const feed = (text: string, final: boolean, sink: RecordSink): void => {
		if (tooLongAt) return;
		const buf = pending + text;
		const len = buf.length;
		let pos = 0;
		let lf = -1;
		let cr = -1;
		let quote = -1;
		let digits = -1;
		while (pos < len) {
			// Cached positions keep the scan linear: each indexOf runs again only once passed.
			if (lf < pos) lf = indexOrEnd(buf, '\n', pos);
			if (cr < pos) cr = indexOrEnd(buf, '\r', pos);
			if (quote < pos) quote = indexOrEnd(buf, '"', pos);
			// One scan of the buffer serves every record: a run found before a record's end flags it
			// (a run crossing a line break flags one record too many, never one too few).
			if (digits < pos) {
				digits = indexOfLongDigitRun(buf, pos);
				if (digits < 0) digits = len;
			}
			const eol = lf < cr ? lf : cr;
			if (eol - pos > maxLineLength) {
				tooLongAt = row + 1;
				pending = '';
				return;
			}
			if (quote < eol) {
				const record = parseQuotedRecord(buf, pos, final);
				if (record === null) break;
				recordStart = consumed + pos;
				recordEnd = consumed + record.next;
				sink(++row, record.fields, record.raw, record.malformed, digits < record.next);
				pos = record.next;
				continue;
			}
			if (eol === len && !final) break;
			let next = eol + 1;
			if (eol < len && buf.charCodeAt(eol) === CR) {
				if (eol + 1 === len && !final) break;
				if (buf.charCodeAt(eol + 1) === LF) next++;
			}
			row++;
			if (eol > pos) {
				const line = buf.slice(pos, eol);
				recordStart = consumed + pos;
				recordEnd = consumed + next;
				sink(row, null, line, undefined, digits < eol);
			}
			pos = next;
		}
		pending = pos < len ? buf.slice(pos) : '';
		consumed += pos;
	};
	const collect = (text: string, final: boolean): CsvRecord[] => {
		const records: CsvRecord[] = [];
		feed(text, final, (row, fields, raw, malformed) =>
			records.push({ row, fields: fields ?? raw.split(','), raw, malformed })
		);
		return records;
	};

	return {
		feed,
		push: (text) => collect(text, false),
		finish: () => collect('', true),
		get tooLongAt() {
			return tooLongAt;
		},
		get recordStart() {
			return recordStart;
		},
		get recordEnd() {
			return recordEnd;
		},
		get isIdle() {
			return pending === '' && tooLongAt === 0;
		},
		skipRecord: () => ++row
	};
}
