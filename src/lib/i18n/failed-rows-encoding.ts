import type { FailedRowsEncoding, RowRuns } from '$lib/domain/failed-rows';
import { translate, type Language } from './index';
import { listText } from './plural';

/** What the operator is told beside a failed-rows download about its encoding; null: nothing to say. */
export interface FailedRowsEncodingNote {
	/** 'ok': the file is one encoding whole, in another than the original's; 'warn': it cannot be imported as it is. */
	tone: 'ok' | 'warn';
	lines: string[];
}

function encodingName(language: Language, encoding: FailedRowsEncoding['file']): string {
	return translate(language, `encoding.${encoding}`);
}

/** Runs of rows as a message writes them: 「2、5～9ほか」, "2, 5–9 and more". */
export function rowRunsText(language: Language, runs: RowRuns): string {
	const dash = language === 'ja' ? '～' : '–';
	const items = runs.runs.map(([first, last]) => (first === last ? `${first}` : `${first}${dash}${last}`));
	return listText(language, items, runs.isCut);
}

/**
 * The note on the encoding of a failed-rows download (SPEC §4, "Decoding"): said when the header
 * was written in the rows' encoding, or when the rows are in more than one encoding (which rows
 * are in which, and what to do). Row numbers and encoding names only, never a row's text.
 */
export function failedRowsEncodingNote(language: Language, encoding: FailedRowsEncoding): FailedRowsEncodingNote | null {
	const { file, written } = encoding;
	const other = encoding.file === 'shift_jis' ? 'utf-8' : 'shift_jis';
	const names = { file: encodingName(language, file), other: encodingName(language, other) };
	if (written !== null) {
		if (written === file) return null;
		return { tone: 'ok', lines: [translate(language, 'history.failed.switched', { other: encodingName(language, written) })] };
	}
	if (encoding.headerUnwritable !== null) {
		return { tone: 'warn', lines: [translate(language, 'history.failed.headerUnwritable', { other: names.other, chars: encoding.headerUnwritable })] };
	}
	const lines = [translate(language, 'history.failed.mixed')];
	const byEncoding = [
		[names.file, encoding.inFile],
		[names.other, encoding.inOther]
	] as const;
	for (const [name, runs] of byEncoding) {
		if (runs.count > 0) lines.push(translate(language, 'history.failed.mixedRows', { encoding: name, rows: rowRunsText(language, runs) }));
	}
	if (encoding.inNeither.count > 0) lines.push(translate(language, 'history.failed.neitherRows', { rows: rowRunsText(language, encoding.inNeither) }));
	if (encoding.inFile.count > 0 && encoding.inOther.count > 0) lines.push(translate(language, 'history.failed.mixedAdvice', names));
	if (encoding.inNeither.count > 0) lines.push(translate(language, 'history.failed.neitherAdvice'));
	return { tone: 'warn', lines };
}
