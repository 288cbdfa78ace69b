import { joinBytes } from '../bytes';
import { createByteDecoder } from '../encoding/byte-decoder';
import type { DetectedEncoding } from '../encoding/detect-encoding';
import { encodeShiftJis } from '../encoding/encode-text';

/** One failed record as it stands in the file. */
export interface RowBytes {
	row: number;
	/** The record's own bytes, its final line break left out. */
	bytes: Uint8Array;
	/** True when the file's reader found bytes in it that do not decode (SPEC: `undecodable`). */
	isUndecodable: boolean;
}

/** Which encoding each failed row given back is in (row numbers in file order). */
export interface RowEncodings {
	/** Rows that decode in the file's encoding (a failed header row among them). */
	inFile: number[];
	/** Rows that do not decode in the file's encoding but do in the other one. */
	inOther: number[];
	/** Rows that decode in neither. */
	inNeither: number[];
}

/** How the failed-rows file is written (see `settleEncoding`). */
export interface SettledEncoding {
	/** The encoding the whole output is in; null when its rows are in more than one (kept as they are). */
	written: DetectedEncoding | null;
	/** The file's first bytes: a UTF-8 BOM when the output is UTF-8 with BOM, else none. */
	bom: boolean;
	/** The header record's bytes to write (the file's own, or written in the rows' encoding); null: none. */
	header: Uint8Array | null;
	/** True when the header was written in the other encoding, so it matches the rows. */
	isHeaderRewritten: boolean;
	rows: RowEncodings;
	/**
	 * When the header alone kept the output from being one encoding (the rows' encoding cannot
	 * hold it): the characters of the header that do not read back the same there, each once
	 * (never a row's text); null otherwise.
	 */
	headerUnwritable: string | null;
}

/** The other of the two encodings the app reads (SPEC "File formats"): UTF-8 ↔ Shift_JIS (CP932). */
export function otherEncoding(encoding: DetectedEncoding): 'utf-8' | 'shift_jis' {
	return encoding === 'shift_jis' ? 'utf-8' : 'shift_jis';
}

/**
 * True when the bytes read as the app reads a file chosen to be in `encoding`: no line that
 * does not decode, and nothing that makes it no text (its reader's own judgement, so what is
 * true here is what a re-import finds).
 */
export function decodesAs(bytes: Uint8Array, encoding: 'utf-8' | 'shift_jis'): boolean {
	const decoder = createByteDecoder(encoding);
	decoder.push(bytes);
	decoder.finish();
	return decoder.refusal === null && decoder.undecodable.peek() < 0;
}

const crlf = Uint8Array.of(0x0d, 0x0a);

function isAscii(bytes: Uint8Array): boolean {
	for (const byte of bytes) if (byte >= 0x80) return false;
	return true;
}

const fatalText = (bytes: Uint8Array, encoding: 'utf-8' | 'shift_jis') =>
	new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);

/** The header text in `target`'s bytes, when written there it reads back the same; else null. */
function rewriteHeader(text: string, target: 'utf-8' | 'shift_jis'): Uint8Array | null {
	const bytes = target === 'utf-8' ? new TextEncoder().encode(text) : encodeShiftJis(text);
	if (!decodesAs(bytes, target)) return null;
	return fatalText(bytes, target) === text ? bytes : null;
}

/** The characters of `text` that do not read back the same from `target`'s bytes, each once. */
function unwritableChars(text: string, target: 'utf-8' | 'shift_jis'): string {
	let found = '';
	for (const char of new Set(text)) if (char.charCodeAt(0) >= 0x80 && !rewriteHeader(char, target)) found += char;
	return found;
}

/**
 * How the failed rows of a file go back so the operator can fix them and import them again
 * (SPEC §4: "as the original rows"; SPEC "Decoding": a file may turn from UTF-8 to Shift_JIS
 * part-way). The rows' bytes are never changed. When every row given back does not decode in the
 * file's encoding (`encoding`) but all decode in the other one (rows of ASCII bytes alone, the same
 * text in both, go with them), the header (which decoded, or it
 * would be no header) is written in that other encoding, so the output is one encoding whole: a
 * UTF-8 BOM goes with UTF-8 only (dropped before Shift_JIS rows, added before UTF-8 rows of a
 * Shift_JIS file, as the app writes files for people). Otherwise — rows of both kinds, rows that
 * decode in neither, or a header the other encoding cannot hold — the file's own bytes are kept
 * and `written` is null, with `rows` and `headerUnwritable` saying why. `header` is the header
 * record's bytes (BOM excluded) or null when the file has none; `rows` in file order.
 */
export function settleEncoding(
	encoding: DetectedEncoding,
	header: { row: number; bytes: Uint8Array; isWanted: boolean } | null,
	rows: readonly RowBytes[]
): SettledEncoding {
	const other = otherEncoding(encoding);
	const split: RowEncodings = { inFile: [], inOther: [], inNeither: [] };
	// A row of ASCII bytes alone is the same text in either encoding: it goes with the others.
	let isEveryInFileAscii = true;
	if (header?.isWanted) {
		split.inFile.push(header.row);
		isEveryInFileAscii = isAscii(header.bytes);
	}
	// The undecodable rows as the output would hold them, read by one decoder: the file is switched
	// only when they decode so. Only when they do not is each row read alone, to say which fail.
	const isEveryUndecodableOther = decodesAs(joinBytes(rows.flatMap((row) => (row.isUndecodable ? [row.bytes, crlf] : []))), other);
	for (const { row, bytes, isUndecodable } of rows) {
		if (isUndecodable) (isEveryUndecodableOther || decodesAs(bytes, other) ? split.inOther : split.inNeither).push(row);
		else {
			split.inFile.push(row);
			if (isEveryInFileAscii) isEveryInFileAscii = isAscii(bytes);
		}
	}
	if (header?.isWanted) split.inFile.sort((a, b) => a - b);
	const kept: SettledEncoding = {
		written: encoding,
		bom: encoding === 'utf-8-bom',
		header: header?.bytes ?? null,
		isHeaderRewritten: false,
		rows: split,
		headerUnwritable: null
	};
	const isAllOther = isEveryUndecodableOther && split.inOther.length > 0 && isEveryInFileAscii;
	if (!isAllOther) return split.inOther.length + split.inNeither.length > 0 ? { ...kept, written: null } : kept;
	const switched: SettledEncoding = { ...kept, written: other === 'utf-8' ? 'utf-8-bom' : 'shift_jis', bom: other === 'utf-8' };
	if (!header) return switched;
	const text = fatalText(header.bytes, encoding === 'shift_jis' ? 'shift_jis' : 'utf-8');
	const rewritten = rewriteHeader(text, other);
	if (rewritten) return { ...switched, header: rewritten, isHeaderRewritten: true };
	return { ...kept, written: null, headerUnwritable: unwritableChars(text, other) };
}
