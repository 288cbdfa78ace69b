import type { DetectedEncoding } from '../encoding/detect-encoding';
import type { ExtractResult } from './extract-rows';

/** Row numbers as runs of consecutive rows, `[first, last]` each: the first `maxRuns`, and how many rows in all. */
export interface RowRuns {
	runs: [number, number][];
	count: number;
	/** True when rows beyond the runs listed exist. */
	isCut: boolean;
}

/**
 * Which encoding the failed-rows file is in, and why (see `settleEncoding`): `written` is the
 * encoding of the whole file, null when its rows are in more than one (the file's own bytes are
 * kept, and the operator is told which rows are in which). Row numbers only: never a row's text.
 */
export interface FailedRowsEncoding {
	file: DetectedEncoding;
	written: DetectedEncoding | null;
	isHeaderRewritten: boolean;
	inFile: RowRuns;
	inOther: RowRuns;
	inNeither: RowRuns;
	/** Characters of the header the rows' encoding cannot hold, when that alone kept `written` null. */
	headerUnwritable: string | null;
}

/** How many runs of rows a report lists (a message names them; the rest is counted). */
export const maxRuns = 10;

/** `rows` (ascending) as runs of consecutive numbers, the first `maxRuns` of them. */
export function rowRuns(rows: readonly number[]): RowRuns {
	const runs: [number, number][] = [];
	let isCut = false;
	for (const row of rows) {
		const last = runs.at(-1);
		if (last && row === last[1] + 1) last[1] = row;
		else if (runs.length === maxRuns) {
			isCut = true;
			break;
		} else runs.push([row, row]);
	}
	return { runs, count: rows.length, isCut };
}

/** What a failed-rows report says of the encoding of an extraction's output. */
export function failedRowsEncodingOf(result: Extract<ExtractResult, { ok: true }>): FailedRowsEncoding {
	return {
		file: result.encoding,
		written: result.written,
		isHeaderRewritten: result.isHeaderRewritten,
		inFile: rowRuns(result.rows.inFile),
		inOther: rowRuns(result.rows.inOther),
		inNeither: rowRuns(result.rows.inNeither),
		headerUnwritable: result.headerUnwritable
	};
}
