import { joinBytes } from '../bytes';
import { createByteDecoder } from '../encoding/byte-decoder';
import { endOfFirstLine } from '../encoding/undecodable';
import type { DetectedEncoding, EncodingChoice } from '../encoding/detect-encoding';
import { findCardNumberColumn, indexOfLongDigitRunInAscii } from '../guard/card-number';
import { chooseColumns, duplicatesInUse, type ChosenColumns } from '../headers/chosen-columns';
import { allKnownColumns, otherKindAt, recogniseFileKind, recogniseRowKind, type UploadPlace } from '../headers/file-kind';
import { displayHeaderCells, headerSignature, looksLikeHeader } from '../headers/header-cells';
import { isAllSpace, isSpaceCode } from '../rules/spacing';
import {
	defaultMapping,
	matchHeader,
	type ColumnMapping,
	type ColumnSpec,
	type HeaderMatch
} from '../headers/match-header';
import { displayValue, isLetterDigitMix, recognised } from '../problems/display-value';
import type { ProblemList } from '../problems/problem-list';
import { columnAt } from './column-at';
import { cutPlainLine } from './line-cells';
import { createCsvReader, type Malformation } from './csv-reader';
import { maxColumns, maxLineLength } from './limits';

/** How a file kind treats its first record: a header when it names enough columns, or always. */
export interface TableSourceOptions<Key extends string> {
	encoding?: EncodingChoice;
	columns: readonly ColumnSpec<Key>[];
	header: 'detect' | 'required';
	problems: ProblemList;
	/** The operator's columns: they override what the header names (see `chooseColumns`). */
	chosenColumns?: ChosenColumns<Key>;
	/** True: the first record is the header even when it names fewer than two known columns. */
	firstRowIsHeader?: boolean;
	/** The kind of file this reader expects: a header of another kind refuses the file at once. */
	kind?: UploadPlace;
	/** A file kind's reader of plain lines straight from the bytes (see `PlainLineSink`). */
	plainLines?: PlainLineSink;
	/**
	 * Receives each data record that failed for its shape (malformed, undecodable, cells missing,
	 * shifted right), whose rules then read no cell or the wrong ones: it came back all the same, and
	 * step d counts its customer as returned. Never called for a card number.
	 */
	onFailedRecord?: DataSink;
	/**
	 * For a file kind whose rules run after the whole file is read (step c): a row with a value right
	 * of the expected cells is handed to `DataSink` as usual and then reported here — `column` of that
	 * value, `columns` expected, `looksShifted` when it has the shape of a shift (`looksShiftedRight`)
	 * — and the kind adds `extra-cells` or `shifted-right` itself once its rules have run.
	 */
	onExtraCells?: (row: number, column: number, columns: number, looksShifted: boolean) => void;
}

/**
 * A file kind's shortcut for its common line, read from the bytes without decoding it or making
 * a string of it. The source offers a data line only when nothing of the file is pending
 * (decoder and CSV reader idle, header read, file not refused, a data record must have exactly
 * `cells` cells); it keeps from the sink a line ending in a lone CR or holding a run of digits the
 * card-number guard would look into (`indexOfLongDigitRunInAscii`). `read` finds the line's end
 * itself (one pass over its bytes); it must take only a line of printable ASCII (0x20–0x7E)
 * without a quote, of exactly `cells` cells, not blank, that it would handle exactly as the
 * general path (`DataSink` with `fields` null) handles its text, with no problem of the source's
 * (a problem of the file kind's rules, a warning, `write` adds as the general path would): then the
 * source counts the row and calls `write` with it. Anything else goes the general way.
 */
export interface PlainLineSink {
	readonly cells: number;
	/**
	 * The index of the CR or LF (before `limit`) that ends the line starting at `start` when the
	 * sink takes it, else -1; it keeps what `write` needs, and writes nothing yet.
	 */
	read(bytes: Uint8Array, start: number, limit: number): number;
	/**
	 * Where, in the line last taken by `read`, a run of digits may start: a sink whose lines open
	 * with cells of a fixed shape that no run of 13 digits can cross (a cell of at most 12 digits,
	 * then a comma) points past them, so the card-number probe reads only the rest (the token).
	 * Unset: the probe reads the whole line.
	 */
	readonly digitRunFrom?: number;
	/** Handles the line last read as data row `row`. */
	write(row: number): void;
}

/**
 * Receives each data record that is well-formed and holds no card number. `fields` is null for
 * a line without quotes: `raw.split(',')` gives them (a consumer may read such a line directly),
 * and `cuts` holds its cells' bounds as `cutPlainLine` writes them, up to one cell past those the
 * record must have (the source cut the line once to count its cells; null for a quoted record).
 * `cuts` is reused: read it inside the call (the source always passes it; a sink may leave it).
 */
export type DataSink = (row: number, fields: string[] | null, raw: string, cuts?: Int32Array | null) => void;

/** What reading found out about the file as a whole. */
export interface TableState<Key extends string> {
	encoding: DetectedEncoding;
	hasHeader: boolean;
	mapping: ColumnMapping<Key>;
	/** Cells of the first record (unset before it is read). */
	columnCount?: number;
	/**
	 * The first record's cells, safe to show, when it is the header or looks like one (no two digits
	 * in a row, so no card row) and holds no card number; never a card row's values.
	 */
	headerCells?: string[];
	/** `headerSignature` of those cells: what identifies the kind of file. */
	headerSignature?: string;
	/** Data records read (header and blank lines not counted). */
	rows: number;
	/** Rows with an error, in file order (malformed rows here; the file kind adds its own). */
	failedRows: number[];
	/** True when the whole file is refused (no output at all). */
	refused: boolean;
}

/** Bytes → well-formed data records, with decoding, RFC 4180, the card-number guard and the header. */
export interface TableSource<Key extends string> {
	push(bytes: Uint8Array): void;
	finish(): void;
	readonly state: TableState<Key>;
}

// A record of empty cells (`,,,` as spreadsheets leave them) is a blank line, not data.
function isBlank(fields: string[] | null, raw: string): boolean {
	const first = raw.charCodeAt(0);
	if (first !== 34 && first !== 44 && !isSpaceCode(first) && raw.length > 0) return false;
	for (const field of fields ?? raw.split(',')) if (!isAllSpace(field)) return false;
	return true;
}

// The record's cell count when it has more than `maxColumns`, else 0 (only a line that long can:
// a short line is never counted, a wide one once).
function tooWideCount(fields: string[] | null, raw: string): number {
	if ((fields ? fields.length : raw.length) <= maxColumns) return 0;
	const count = cellCount(fields, raw);
	return count > maxColumns ? count : 0;
}

const bom = 0xfeff;
const CR = 13;
const LF = 10;
/**
 * The most lines after one the plain-line sink did not take that go the general way without asking
 * it: a run of lines it does not take doubles the count from 1 up to this, a line it takes resets it.
 */
const generalRunLength = 32;
/** Bytes read the general way before lines are offered again to the sink, while they cannot be. */
const pieceBeforeOffer = 64 << 10;

/** Cells up to the last one that is not blank: a header's trailing empty cells name nothing. */
function namedCellCount(fields: readonly string[]): number {
	let count = fields.length;
	while (count > 0 && isAllSpace(fields[count - 1])) count--;
	return count;
}

/** The last column a mapping reads (what a row without a header must reach). */
function lastMappedColumn(mapping: Readonly<Record<string, number>>): number {
	let last = 0;
	for (const key in mapping) if (mapping[key] > last) last = mapping[key];
	return last;
}

/**
 * The record's cell count, counted no further than `wanted` (all of them by default), without
 * splitting it again: `fields` is null for a line without quotes.
 */
function cellCount(fields: string[] | null, raw: string, wanted = Number.POSITIVE_INFINITY): number {
	if (fields) return fields.length;
	let at = -1;
	for (let count = 1; count < wanted; count++) {
		at = raw.indexOf(',', at + 1);
		if (at < 0) return count;
	}
	return wanted;
}

/**
 * Whether a row of `expected + 1` cells has the shape of one cell pushed in among the expected ones:
 * an extra comma (an empty cell, or one of spaces only) or a value typed twice (a cell equal to the
 * one before it) within the first `expected` cells, outside the columns whose field must be blank
 * (`isBlankField(column)`, 1-based): the card import file's holder and SEND ID are empty, and equal
 * to each other, on every row, shifted or not. Only asked of a row that failed its rules, so the
 * split here is rare.
 */
function looksShiftedRight(fields: string[] | null, raw: string, expected: number, isBlankField: (column: number) => boolean): boolean {
	const cells = fields ?? raw.split(',');
	if (cells.length !== expected + 1) return false;
	for (let k = 0; k < expected; k++) {
		if (isBlankField(k + 1)) continue;
		if (isAllSpace(cells[k]) || (k > 0 && cells[k] === cells[k - 1])) return true;
	}
	return false;
}

/**
 * Whether a row has exactly `expected + 1` cells and the last is token-shaped (SPEC, privacy: 8 or
 * more characters, no space, letters and digits mixed): a token right of the header.
 */
function isTokenShapedCell(fields: string[] | null, raw: string, expected: number): boolean {
	const cells = fields ?? raw.split(',');
	if (cells.length !== expected + 1) return false;
	const extra = cells[expected].trim();
	return extra.length >= 8 && isLetterDigitMix(extra) && !/\s/.test(extra);
}

/**
 * Whether a row of `expected + 1` cells holds a value typed twice (a non-blank cell equal to the
 * one before it) among its expected cells and a token-shaped value (SPEC, privacy: 8 or more
 * characters, no space, letters and digits mixed) in the cell right of them: the shape of a row
 * shifted right that may still pass its rules, with the wrong value read as the last field.
 */
function typedTwiceBeforeToken(fields: string[] | null, raw: string, expected: number): boolean {
	const cells = fields ?? raw.split(',');
	if (!isTokenShapedCell(cells, raw, expected)) return false;
	for (let k = 1; k < expected; k++) if (!isAllSpace(cells[k]) && cells[k] === cells[k - 1]) return true;
	return false;
}

/**
 * The 1-based column of the first cell after the first `count` cells that holds more than spaces,
 * or 0 when there is none (`fields` is null for a line without quotes: it is walked, not split).
 */
function firstFilledCellAfter(fields: string[] | null, raw: string, count: number): number {
	if (fields) {
		for (let i = count; i < fields.length; i++) if (!isAllSpace(fields[i])) return i + 1;
		return 0;
	}
	let at = -1;
	for (let i = 0; i < count; i++) at = raw.indexOf(',', at + 1);
	let column = count + 1;
	for (let i = at + 1; i < raw.length; i++) {
		const code = raw.charCodeAt(i);
		if (code === 44) column++;
		else if (!isSpaceCode(code)) return column;
	}
	return 0;
}

// Leading BOMs after the one the decoder took (a file saved twice): how many there are.
function countLeadingBoms(text: string): number {
	let count = 0;
	while (count < text.length && text.charCodeAt(count) === bom) count++;
	return count;
}

/** Creates the reading pipeline shared by every file kind. */
export function createTableSource<Key extends string>(
	options: TableSourceOptions<Key>,
	onData: DataSink
): TableSource<Key> {
	const { problems, columns } = options;
	const decoder = createByteDecoder(options.encoding ?? 'auto');
	const reader = createCsvReader();
	const state: TableState<Key> = {
		encoding: decoder.encoding,
		hasHeader: false,
		mapping: defaultMapping(columns),
		rows: 0,
		failedRows: [],
		refused: false
	};
	let seenFirst = false;
	// Until the first character that is not a BOM: leading BOMs are stripped with a warning.
	let isAtStart = true;
	let extraBoms = 0;
	// Without the columns it needs, rows cannot be read: they are still counted and guarded.
	let isHeaderRefused = false;
	// A file of another kind, refused as a whole: its rows are counted and guarded, but their own
	// defects (bytes that do not decode, a stray quote, a row too wide) are not listed beside the one
	// refusal — they belong to the place that reads that kind, where the operator is sent.
	let isOtherKind = false;
	// The header's named cells (0 without a header), and the cells a data record must have: fixed
	// at the first data record, when whether there is a header and the mapping are known.
	let headerCellCount = 0;
	let expectedCells = -1;

	const refuse = (code: Parameters<ProblemList['add']>[0], row = 0, params = {}) => {
		state.refused = true;
		problems.add(code, row, 0, params);
	};
	const useHeader = (row: number, fields: string[], match: HeaderMatch<Key>) => {
		state.hasHeader = true;
		state.mapping = match.mapping;
		for (const [column, first] of match.duplicates) {
			// A doubled header names a known column: recognised, shown whole.
			const value = recognised(displayValue(fields[column - 1]));
			problems.add('duplicate-header', row, column, { value, first });
		}
	};
	const describeHeader = (fields: string[]) => {
		state.headerCells = displayHeaderCells(fields, columns);
		state.headerSignature = headerSignature(fields);
	};
	// The operator's columns replace the detected ones; what they leave unusable refuses the file.
	const useChosenColumns = (row: number, fields: string[], named: HeaderMatch<Key> | null, isHeader: boolean) => {
		const chosen = chooseColumns(named?.mapping ?? defaultMapping(columns), options.chosenColumns!, columns, fields.length);
		state.hasHeader = isHeader;
		state.mapping = chosen.mapping;
		for (const [column, used] of named ? duplicatesInUse(named, chosen.mapping) : []) {
			const value = recognised(displayValue(fields[column - 1]));
			problems.add('duplicate-header', row, column, { value, first: used });
		}
		for (const key of chosen.missing) refuse('missing-column', row, { field: key });
		for (const key of chosen.outside) refuse('missing-column', row, { field: key, column: chosen.mapping[key] });
		isHeaderRefused = chosen.missing.length + chosen.outside.length > 0;
	};
	// Returns true when the record is the header row (and so no data).
	const readHeader = (row: number, fields: string[], isMalformed: boolean, hasCardNumber: boolean): boolean => {
		state.columnCount = fields.length;
		headerCellCount = namedCellCount(fields);
		const match = matchHeader(fields, columns);
		const isNamed = !isMalformed && match.matched >= 2;
		const isHeader = options.header === 'required' || options.firstRowIsHeader === true || isNamed;
		// Forced to be the header, a row naming no known column is likely data: say so, it is not read.
		if (options.firstRowIsHeader === true && !hasCardNumber && match.matched === 0) {
			problems.add('forced-header-unnamed', row, 0, { row });
		}
		if (!hasCardNumber && (isHeader || (!isMalformed && looksLikeHeader(fields)))) describeHeader(fields);
		// A file of another kind (a card file chosen as 顧客情報…) is one clear problem, not dozens of
		// rows, in the words of the place it was dropped on. Its first record is that kind's header.
		const other = options.kind && !isMalformed ? otherKindAt(options.kind, recogniseFileKind(fields)) : null;
		if (other?.refuses) {
			isHeaderRefused = true;
			isOtherKind = true;
			state.hasHeader = true;
			if (!hasCardNumber) state.headerCells = displayHeaderCells(fields, allKnownColumns);
			refuse(other.code, 0, { place: options.kind! });
			return true;
		}
		// A file of another kind without a header (Yamato's return rows chosen as 顧客情報…): named by
		// the shape of its first row, which is data, counted as a row.
		const otherRows = options.kind && !isMalformed && !other && match.matched === 0 ? otherKindAt(options.kind, recogniseRowKind(fields)) : null;
		if (otherRows?.refuses) {
			isHeaderRefused = true;
			isOtherKind = true;
			state.headerCells = undefined;
			refuse(otherRows.code, 0, { place: options.kind! });
			return false;
		}
		if (other) problems.add(other.code, 0, 0, { place: options.kind! });
		if (options.chosenColumns) {
			useChosenColumns(row, fields, isNamed ? match : null, isHeader);
			return isHeader;
		}
		if (options.header === 'required') {
			if (match.missing.length === 0) {
				useHeader(row, fields, match);
				return true;
			}
			isHeaderRefused = true;
			refuse('missing-header', row, { fields: requiredKeys(columns) });
			// A first record that names no column at all is the file's first data row (a file without
			// a header): counted, so the entry's 行数 says what the file holds, not one row less. One
			// that names some is a header that lacks a required column, and is reported as a header.
			state.hasHeader = match.matched > 0;
			return state.hasHeader;
		}
		if (!isNamed) {
			state.hasHeader = isHeader;
			return isHeader;
		}
		useHeader(row, fields, match);
		for (const key of match.missing) refuse('missing-column', row, { field: key });
		isHeaderRefused = match.missing.length > 0;
		return true;
	};
	// The column of the record's first invalid bytes, or 0 when every byte of it decoded.
	const undecodableColumn = (raw: string): number => {
		if (decoder.undecodable.peek() < 0) return 0;
		const at = decoder.undecodable.takeWithin(reader.recordStart, reader.recordEnd);
		return at < 0 ? 0 : columnAt(raw, at - reader.recordStart);
	};
	const holdsCardNumber = (row: number, fields: string[]): boolean => {
		const column = findCardNumberColumn(fields);
		if (column === 0) return false;
		state.refused = true;
		problems.add('card-number-found', row, column);
		return true;
	};
	// A record wider than `maxColumns`: the file is refused (once), the record is a failed row, and a
	// first record is no header (its cells are never offered to the column-mapping editor).
	const refuseWide = (row: number, count: number) => {
		if (!problems.has('too-many-columns')) refuse('too-many-columns', row, { count, limit: maxColumns });
		if (!seenFirst) {
			seenFirst = true;
			isHeaderRefused = true;
			return void state.failedRows.push(row);
		}
		state.rows++;
		state.failedRows.push(row);
	};
	const onRecord = (
		row: number,
		fields: string[] | null,
		raw: string,
		malformed: Malformation | undefined,
		mayHoldCardNumber: boolean
	) => {
		const undecodedColumn = decoder.cardNumberLines.takeWithin(reader.recordStart, reader.recordEnd);
		if (undecodedColumn > 0) {
			// A row that does not decode but holds a card number read the other way: refused the same.
			state.refused = true;
			problems.add('card-number-found', row, undecodedColumn);
		}
		const hasCardNumber =
			undecodedColumn > 0 || (mayHoldCardNumber && holdsCardNumber(row, fields ?? raw.split(',')));
		const badColumn = undecodableColumn(raw);
		if (!malformed && badColumn === 0 && isBlank(fields, raw)) return;
		const wideCount = tooWideCount(fields, raw);
		if (wideCount > 0 && !isOtherKind) return refuseWide(row, wideCount);
		if (!seenFirst) {
			seenFirst = true;
			// A first record that does not decode cannot be told from a header: nothing is read.
			if (badColumn > 0) {
				isHeaderRefused = true;
				state.columnCount = (fields ?? raw.split(',')).length;
				state.refused = true;
				problems.add('undecodable', row, badColumn, { encoding: encodingName(decoder.encoding) });
				state.failedRows.push(row);
				return;
			}
			if (readHeader(row, fields ?? raw.split(','), malformed !== undefined, hasCardNumber)) return;
		}
		state.rows++;
		if (isOtherKind) {
			if (hasCardNumber) state.failedRows.push(row);
			return;
		}
		if (badColumn > 0) problems.add('undecodable', row, badColumn, { encoding: encodingName(decoder.encoding) });
		else if (malformed) problems.add(malformed.reason, row, malformed.column);
		if (malformed || hasCardNumber || badColumn > 0) {
			state.failedRows.push(row);
			if (!hasCardNumber && !isHeaderRefused) options.onFailedRecord?.(row, fields, raw);
		}
		else if (!isHeaderRefused && !isShort(row, fields, raw)) {
			if (extraAt === 0) onData(row, fields, raw, fields ? null : lineCuts);
			else readWithExtraCells(row, fields, raw);
		}
	};
	// A row with a value right of the expected columns: a memo column the header leaves unnamed (the
	// row passes its rules: read, with an `extra-cells` warning), or the row's values shifted right by
	// an extra comma or value (the row fails: its field errors all come of the shift, and one of them,
	// "auth key is empty", would send the operator looking for a key that is there, a column right).
	// A failing row that has the shape of a shift gets one `shifted-right` error in place of its field
	// errors, as a left shift gets `missing-cells`; any other failing row (a memo beside an expired
	// card) keeps its own errors, which are not the shift's, with the `extra-cells` warning.
	let extraAt = 0;
	// Whether the 1-based `column` is read as a field that must be blank.
	const hasTokenField = columns.some((spec) => spec.key === 'token');
	// A value inserted anywhere before the token (a memo typed into the row) pushes the token, the
	// last column, right of the header: the row fails on a 認証キー that is the inserted value.
	const tokenPushedOut = (fields: string[] | null, raw: string): boolean =>
		hasTokenField && (state.mapping as Record<string, number>).token === expectedCells && isTokenShapedCell(fields, raw, expectedCells);
	const isBlankFieldColumn = (column: number): boolean => {
		for (const spec of columns) if (spec.blank && state.mapping[spec.key] === column) return true;
		return false;
	};
	const readWithExtraCells = (row: number, fields: string[] | null, raw: string) => {
		const column = extraAt;
		extraAt = 0;
		// A value typed twice can leave a row that passes its rules with the wrong value in the last
		// columns (the expiry 2803 read as the 認証キー, the token right of the header): not written.
		// Only files with a token field: a customer file's 氏名 may equal its カナ beside a memo.
		if (hasTokenField && typedTwiceBeforeToken(fields, raw, expectedCells)) {
			problems.add('shifted-right', row, column, { columns: expectedCells });
			state.failedRows.push(row);
			options.onFailedRecord?.(row, fields, raw);
			return;
		}
		if (options.onExtraCells) {
			onData(row, fields, raw, fields ? null : lineCuts);
			options.onExtraCells(row, column, expectedCells, looksShiftedRight(fields, raw, expectedCells, isBlankFieldColumn));
			return;
		}
		const failedBefore = state.failedRows.length;
		problems.hold();
		try {
			onData(row, fields, raw, fields ? null : lineCuts);
		} catch (error) {
			// Held no longer: the row's problems are listed, and so are every later row's.
			problems.commitHeld();
			throw error;
		}
		const shifted = looksShiftedRight(fields, raw, expectedCells, isBlankFieldColumn) || tokenPushedOut(fields, raw);
		if (state.failedRows.length > failedBefore && shifted) {
			problems.replaceHeld('shifted-right', row, column, { columns: expectedCells });
			// Its rules may have read an empty cell as the customer ID: the kind looks again.
			options.onFailedRecord?.(row, fields, raw);
		}
		else {
			problems.commitHeld();
			problems.add('extra-cells', row, column, { columns: expectedCells });
		}
	};
	// A plain line's cell bounds (see `DataSink`), cut by `isShort`.
	let lineCuts = new Int32Array(0);
	// A record with fewer cells than the header (or, without one, than the mapping reads) lost a
	// value or shifted left: one problem for the row, not one per column it displaced. One with a
	// value right of them is read by `readWithExtraCells` (above).
	const isShort = (row: number, fields: string[] | null, raw: string): boolean => {
		if (expectedCells < 0) expectedCells = state.hasHeader ? headerCellCount : lastMappedColumn(state.mapping);
		let cells: number;
		if (fields) cells = fields.length;
		else {
			// Cut once, counted from its bounds, and handed to the data sink with the line.
			if (lineCuts.length !== expectedCells + 2) lineCuts = new Int32Array(expectedCells + 2);
			cells = cutPlainLine(raw, lineCuts, expectedCells + 1);
		}
		if (cells > expectedCells) {
			extraAt = Math.max(0, firstFilledCellAfter(fields, raw, expectedCells));
			return false;
		}
		if (cells === expectedCells) return false;
		problems.add('missing-cells', row, cells + 1, { cells, columns: expectedCells });
		state.failedRows.push(row);
		options.onFailedRecord?.(row, fields, raw);
		return true;
	};
	const step = (text: string, final: boolean): void => {
		state.encoding = decoder.encoding;
		if (decoder.refusal) {
			if (!state.refused) {
				const params = decoder.refusal === 'unsupported-encoding' ? { encoding: 'ISO-2022-JP' } : {};
				refuse(decoder.refusal, 0, params);
			}
			return;
		}
		if (isAtStart && text.length > 0) {
			const boms = countLeadingBoms(text);
			extraBoms += boms;
			if (boms < text.length) {
				isAtStart = false;
				if (extraBoms > 0) {
					const count = extraBoms + (decoder.encoding === 'utf-8-bom' ? 1 : 0);
					problems.add('repeated-bom', 0, 0, { count });
				}
			}
			text = text.slice(boms);
		}
		reader.feed(text, final, onRecord);
		if (reader.tooLongAt && !problems.has('line-too-long')) {
			refuse('line-too-long', reader.tooLongAt, { limit: maxLineLength });
		}
		if (final && !state.refused && state.rows === 0) refuse(state.hasHeader ? 'header-only' : 'empty-file');
	};

	const sink = options.plainLines;
	const canTakePlainLines = (): boolean =>
		seenFirst && !state.refused && !isHeaderRefused && expectedCells === sink!.cells && decoder.isIdle && reader.isIdle;
	let generalRun = 0;
	// Lines to pass unasked after the next line the sink does not take (0 after one it took).
	let nextGeneralRun = 0;
	const general = (bytes: Uint8Array) => {
		if (bytes.length > 0) step(decoder.push(bytes), false);
	};
	// Whole lines (the piece ends at a line break): plain lines go to the sink, runs of others to
	// the decoder and the CSV reader, in file order. A line the sink does not take ends at the next
	// LF here; one with a CR inside (a lone-CR line break) goes the general way whole.
	const feedLines = (bytes: Uint8Array) => {
		const length = bytes.length;
		// Until lines can be offered (the encoding settled, the header read), the bytes go the general
		// way in pieces of whole lines, asking again after each: the first push is mostly plain lines.
		let start = 0;
		while (start < length && !canTakePlainLines()) {
			const cut = start + pieceBeforeOffer >= length ? length : bytes.indexOf(LF, start + pieceBeforeOffer) + 1 || length;
			general(bytes.subarray(start, cut));
			start = cut;
		}
		if (start < length) offerLines(start > 0 ? bytes.subarray(start) : bytes);
	};
	const offerLines = (bytes: Uint8Array) => {
		const length = bytes.length;
		let from = 0;
		let at = 0;
		while (at < length) {
			// After lines the sink did not take, the next few go the general way unasked: one call of
			// the decoder and reader per run of lines, not per line, when many lines need the rules. A
			// line that needs them among plain ones (a warning here and there) leaves the next asked.
			if (generalRun > 0) {
				generalRun--;
				const lf = bytes.indexOf(LF, at);
				if (lf < 0) break;
				at = lf + 1;
				continue;
			}
			const end = sink!.read(bytes, at, length);
			const next = end < 0 ? -1 : bytes[end] === LF ? end + 1 : bytes[end + 1] === LF ? end + 2 : -1;
			if (next > 0 && end - at <= maxLineLength && indexOfLongDigitRunInAscii(bytes, sink!.digitRunFrom ?? at, end) < 0) {
				if (from < at) {
					general(bytes.subarray(from, at));
					from = at;
					if (!canTakePlainLines()) break;
				}
				state.rows++;
				sink!.write(reader.skipRecord());
				from = at = next;
				nextGeneralRun = 0;
				continue;
			}
			generalRun = nextGeneralRun;
			nextGeneralRun = Math.min(2 * nextGeneralRun || 1, generalRunLength);
			const lf = bytes.indexOf(LF, at);
			if (lf < 0) break;
			at = lf + 1;
		}
		general(bytes.subarray(from));
	};
	// The bytes after the last line break, kept until the next push completes their line. A CR
	// that ends a push waits too: an LF may follow it (CR LF is one line break).
	let tail: Uint8Array | null = null;
	const pushWithPlainLines = (bytes: Uint8Array) => {
		let start = 0;
		if (tail) {
			let firstEnd = endOfFirstLine(bytes);
			if (firstEnd > 0 && bytes[firstEnd - 1] === CR) firstEnd = firstEnd === bytes.length ? -1 : firstEnd + (bytes[firstEnd] === LF ? 1 : 0);
			if (firstEnd < 0) {
				tail = joinBytes([tail, bytes]);
				// A line this long is read (and refused) the general way.
				if (tail.length > maxLineLength) (general(tail), (tail = null));
				return;
			}
			const line = joinBytes([tail, bytes.subarray(0, firstEnd)]);
			tail = null;
			feedLines(line);
			start = firstEnd;
		}
		let end = bytes.length;
		while (end > start && bytes[end - 1] !== LF && bytes[end - 1] !== CR) end--;
		if (end === bytes.length && end > start && bytes[end - 1] === CR) {
			end--;
			while (end > start && bytes[end - 1] !== LF && bytes[end - 1] !== CR) end--;
		}
		if (end > start) feedLines(bytes.subarray(start, end));
		if (end < bytes.length) tail = bytes.slice(end);
	};

	return {
		push: (bytes) => (sink ? pushWithPlainLines(bytes) : step(decoder.push(bytes), false)),
		finish: () => {
			if (tail) general(tail);
			tail = null;
			step(decoder.finish(), true);
		},
		state
	};
}

function encodingName(encoding: DetectedEncoding): string {
	return encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8';
}

function requiredKeys(columns: readonly ColumnSpec[]): string {
	return columns
		.filter((column) => column.required)
		.map((column) => column.key)
		.join(',');
}
