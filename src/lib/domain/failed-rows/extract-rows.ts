import { joinBytes } from '../bytes';
import { createCsvReader, type RecordSink } from '../csv/csv-reader';
import { createByteDecoder } from '../encoding/byte-decoder';
import type { DetectedEncoding, EncodingChoice } from '../encoding/detect-encoding';
import { findCardNumberColumn } from '../guard/card-number';
import { matchHeader } from '../headers/match-header';
import type { HeaderRule } from './header-rules';
import { countLineBreaks, createLineSpanCopier, type LineSpan } from './line-breaks';
import { settleEncoding, type RowBytes, type RowEncodings } from './one-encoding';

/** How the file was read: the encoding its history entry recorded, or 'auto' when it has none. */
export interface ExtractOptions {
	encoding: DetectedEncoding | 'auto';
	/** The header rule of the file's kind; null or absent: the file has no header to keep. */
	header?: HeaderRule | null;
}

/** Why no rows can be given back. */
export type ExtractProblemCode = 'card-number-found' | 'not-text' | 'line-too-long' | 'rows-not-found';

export type ExtractResult =
	| {
			ok: true;
			/** Header record (when the file has one), then each failed record, CRLF after each. */
			output: Uint8Array;
			/** The encoding the file was read in. */
			encoding: DetectedEncoding;
			/**
			 * The encoding the whole output is in: the file's, or the other one when every failed row
			 * is in that one (its header then written in it); null when the rows are in more than one.
			 */
			written: DetectedEncoding | null;
			/** True when the header was written in the rows' encoding rather than copied. */
			isHeaderRewritten: boolean;
			/** Which encoding each row given back is in. */
			rows: RowEncodings;
			/** Characters of the header the rows' encoding cannot hold, when that kept `written` null. */
			headerUnwritable: string | null;
			hasHeader: boolean;
			/** The asked-for rows found as records, in file order. */
			found: number[];
			/** The asked-for rows that are no record of the file (a blank line, past the end). */
			missing: number[];
	  }
	| { ok: false; code: ExtractProblemCode; row: number; column: number };

export interface Located extends LineSpan {
	row: number;
	/** True when the record holds bytes that do not decode in the file's encoding (SPEC: `undecodable`). */
	isUndecodable: boolean;
}

const sliceSize = 1 << 20;
const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
const crlf = Uint8Array.of(0x0d, 0x0a);

function isBlank(fields: readonly string[]): boolean {
	return fields.every((field) => field.trim() === '');
}

function decoderChoice(encoding: ExtractOptions['encoding']): EncodingChoice {
	if (encoding === 'shift_jis') return 'shift_jis';
	return encoding === 'auto' ? 'auto' : 'utf-8';
}

interface Scan {
	located: Located[];
	header: Located | null;
	cardNumber: { row: number; column: number } | null;
}

/** Reads the text's records: where each wanted one lies, the header, the first card number. */
function scanRecords(
	wanted: Set<number>,
	rule: HeaderRule | null,
	isUndecodable: () => boolean,
	undecodedCardNumber: () => number
): { scan: Scan; sink: RecordSink } {
	const scan: Scan = { located: [], header: null, cardNumber: null };
	let seenFirst = false;
	let line = 0;
	let lastRow = 0;
	const sink: RecordSink = (row, parsed, raw, malformed, mayHoldCardNumber) => {
		// Rows skipped since the last record were blank lines, one physical line each.
		line += row - lastRow - 1;
		lastRow = row;
		const span: Located = { row, first: line, last: line + countLineBreaks(raw), isUndecodable: false };
		line = span.last + 1;
		const fields = parsed ?? raw.split(',');
		const undecodedColumn = undecodedCardNumber();
		const column = undecodedColumn > 0 ? undecodedColumn : mayHoldCardNumber ? findCardNumberColumn(fields) : 0;
		if (column > 0 && !scan.cardNumber) scan.cardNumber = { row, column };
		// As the kinds' readers do: a first record that does not decode is no header.
		const hasBadBytes = isUndecodable();
		span.isUndecodable = hasBadBytes;
		if (!seenFirst && (malformed || hasBadBytes || !isBlank(fields))) {
			seenFirst = true;
			if (rule && !hasBadBytes && isHeader(fields, malformed !== undefined, rule)) scan.header = span;
		}
		if (wanted.has(row) && span !== scan.header) scan.located.push(span);
	};
	return { scan, sink };
}

/** Where the wanted records lie in a file, read by `createRowsLocator`: what `createRowsCopier` copies. */
export type RowsPlan =
	| { ok: true; encoding: DetectedEncoding; header: Located | null; located: Located[]; wanted: Set<number> }
	| { ok: false; code: ExtractProblemCode; row: number; column: number };

/** A streaming first read of `extractRows`: the file's bytes in, where its wanted records lie out. */
export interface RowsLocator {
	/** Reads the next bytes of the file, in file order; copies what it keeps (`bytes` may be reused). */
	push(bytes: Uint8Array): void;
	finish(): RowsPlan;
}

/**
 * The first read of `extractRows` as a stream (issue 14: the file never whole in memory): decodes
 * the file as its reader did (the recorded encoding, or the BOM and the UTF-8 vs Shift_JIS
 * judgement of SPEC "File formats"), finds the header record and the records `rows`, and refuses
 * a file holding a full card number, one that is no text, or one with a line too long. The same
 * plan however the bytes are sliced; bytes after a refusal are not read.
 */
export function createRowsLocator(rows: readonly number[], options: ExtractOptions): RowsLocator {
	const wanted = new Set(rows);
	const decoder = createByteDecoder(decoderChoice(options.encoding));
	const reader = createCsvReader();
	const isUndecodable = () =>
		decoder.undecodable.peek() >= 0 && decoder.undecodable.takeWithin(reader.recordStart, reader.recordEnd) >= 0;
	// A row that does not decode yet holds a card number read the other way refuses the file too.
	const undecodedCardNumber = () => decoder.cardNumberLines.takeWithin(reader.recordStart, reader.recordEnd);
	const { scan, sink } = scanRecords(wanted, options.header ?? null, isUndecodable, undecodedCardNumber);
	const stopped = () => scan.cardNumber !== null || decoder.refusal !== null || reader.tooLongAt > 0;
	return {
		push(bytes) {
			if (!stopped()) reader.feed(decoder.push(bytes), false, sink);
		},
		finish() {
			if (!stopped()) reader.feed(decoder.finish(), true, sink);
			if (scan.cardNumber) return { ok: false, code: 'card-number-found', ...scan.cardNumber };
			if (decoder.refusal) return { ok: false, code: 'not-text', row: 0, column: 0 };
			if (reader.tooLongAt) return { ok: false, code: 'line-too-long', row: reader.tooLongAt, column: 0 };
			const isHeaderWanted = scan.header !== null && wanted.has(scan.header.row);
			if (scan.located.length === 0 && !isHeaderWanted) return { ok: false, code: 'rows-not-found', row: 0, column: 0 };
			return { ok: true, encoding: decoder.encoding, header: scan.header, located: scan.located, wanted };
		}
	};
}

/** A streaming second read of `extractRows`: the same file's bytes in again, its result out. */
export interface RowsCopier {
	/** Reads the next bytes of the file, in file order; copies what it keeps (`bytes` may be reused). */
	push(bytes: Uint8Array): void;
	finish(): ExtractResult;
}

/**
 * The second read of `extractRows` as a stream: copies the very bytes of the records a plan found
 * (a BOM first when the output is UTF-8 with BOM; the header written in the rows' encoding when
 * every row is in the other one, see `settleEncoding`), holding only those. The same bytes must
 * be read again: the caller checks that (the file's SHA-256) when it reads them from a file that
 * may change.
 */
export function createRowsCopier(plan: Extract<RowsPlan, { ok: true }>): RowsCopier {
	const { encoding, header, located, wanted } = plan;
	const copier = createLineSpanCopier(encoding === 'utf-8-bom' ? 3 : 0, header ? [header, ...located] : located);
	return {
		push: (bytes) => copier.push(bytes),
		finish() {
			const spans = copier.finish();
			const headerBytes = header ? spans[0] : null;
			// A span the file ended inside (bytes that changed since the first read) gives nothing.
			const rowBytes = located
				.map((span, i) => ({ row: span.row, bytes: spans[(header ? i + 1 : i) * 2], isUndecodable: span.isUndecodable }))
				.filter((row): row is RowBytes => row.bytes !== undefined);
			const isHeaderWanted = header !== null && wanted.has(header.row);
			const settled = settleEncoding(
				encoding,
				header && headerBytes ? { row: header.row, bytes: headerBytes, isWanted: isHeaderWanted } : null,
				rowBytes
			);
			const parts: Uint8Array[] = settled.bom ? [bom] : [];
			if (settled.header) parts.push(settled.header, crlf);
			for (const { bytes } of rowBytes) parts.push(bytes, crlf);
			const found = located.map((span) => span.row);
			if (isHeaderWanted) found.unshift(header.row);
			const seen = new Set(found);
			const missing = [...wanted].filter((row) => !seen.has(row)).sort((a, b) => a - b);
			return {
				ok: true,
				output: joinBytes(parts),
				encoding,
				written: settled.written,
				isHeaderRewritten: settled.isHeaderRewritten,
				rows: settled.rows,
				headerUnwritable: settled.headerUnwritable,
				hasHeader: header !== null,
				found,
				missing
			};
		}
	};
}

/**
 * The header record and the records `rows` (row numbers as the reports count them) of a CSV
 * file, as the very bytes they are in it, so they can be fixed and imported again. The header is
 * the first non-blank record when the kind's reader takes it as one (see `headerRuleOf`). Refuses
 * a file holding a full card number anywhere: it never writes one. Rows whose bytes do not
 * decode (SPEC: `undecodable`) come back as the bytes they are, never as decoded text. The whole
 * file at once: `createRowsLocator` then `createRowsCopier` read it as a stream, with this result.
 */
export function extractRows(input: Uint8Array, rows: readonly number[], options: ExtractOptions): ExtractResult {
	const locator = createRowsLocator(rows, options);
	for (let offset = 0; offset < input.length; offset += sliceSize) locator.push(input.subarray(offset, offset + sliceSize));
	const plan = locator.finish();
	if (!plan.ok) return plan;
	const copier = createRowsCopier(plan);
	copier.push(input);
	return copier.finish();
}

function isHeader(fields: string[], isMalformed: boolean, rule: HeaderRule): boolean {
	if (rule.mode === 'required') return true;
	return !isMalformed && matchHeader(fields, rule.columns).matched >= 2;
}
