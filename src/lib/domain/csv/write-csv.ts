import { encodeOutput, type OutputEncoding } from '../encoding/encode-text';
import { isFormulaStart } from './formula-start';

const needsQuotes = /[",\r\n]/;

/** A field as RFC 4180 writes it: quoted (inner quotes doubled) when it holds `"`, `,`, CR or LF. */
export function quoteCsvField(value: string): string {
	return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A value a spreadsheet would run as a formula (see `isFormulaStart`), made inert by a leading `'`. */
export function neutralizeFormula(value: string): string {
	return isFormulaStart(value) ? `'${value}` : value;
}

/** CSV text of rows: RFC 4180 quoting, CRLF after every row. */
export function csvText(
	rows: readonly (readonly string[])[],
	transform: (value: string) => string = (value) => value
): string {
	let text = '';
	for (const row of rows) {
		const line = row.map((value) => quoteCsvField(transform(value))).join(',');
		// A lone empty field is written `""`: an empty line would read back as no record at all.
		text += `${line === '' && row.length === 1 ? '""' : line}\r\n`;
	}
	return text;
}

/** Encoding options of a written file. */
export interface WriteOptions {
	encoding?: OutputEncoding;
}

/** Bytes of a file meant for machines: values are already held to strict patterns, so only quoted. */
export function writeCsv(rows: readonly (readonly string[])[], options: WriteOptions = {}): Uint8Array {
	return encodeOutput(csvText(rows), options.encoding ?? 'shift_jis');
}

/** Bytes of a file meant for people: formulas neutralised, RFC 4180 quoting, CRLF. */
export function toPeopleCsv(rows: readonly (readonly string[])[], options: WriteOptions = {}): Uint8Array {
	return encodeOutput(csvText(rows, neutralizeFormula), options.encoding ?? 'shift_jis');
}
