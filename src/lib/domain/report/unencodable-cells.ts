import { unencodableChars } from '../encoding/unencodable';
import { ProblemList } from '../problems/problem-list';
import type { Problem } from '../problems/problem';

/** Where a file for people is about to be written: its columns' fields and the row of `rows[0]`. */
export interface UnencodableCellsOptions {
	/** Field key of each column (a `fieldLabel` key such as 'name'), for the message. */
	fields: readonly string[];
	/** The file's row number of the first of `rows` (2 under a header). */
	firstRow?: number;
	/** How many problems to list; the rest are counted. */
	maxProblems?: number;
}

/** The cells that Shift_JIS cannot hold, as `not-encodable` problems, and how many there are. */
export interface UnencodableCells {
	problems: Problem[];
	count: number;
}

/**
 * SPEC "Files for people written in Shift_JIS never replace a character silently": every cell of
 * `rows` holding a character that Shift_JIS (CP932) lacks is a `not-encodable` error at its row
 * and 1-based column; `params.value` quotes only those characters, never the whole value.
 */
export function findUnencodableCells(
	rows: readonly (readonly string[])[],
	options: UnencodableCellsOptions
): UnencodableCells {
	const problems = new ProblemList(options.maxProblems ?? 1000);
	const firstRow = options.firstRow ?? 2;
	for (let r = 0; r < rows.length; r++) {
		const row = rows[r];
		for (let c = 0; c < row.length; c++) {
			const chars = unencodableChars(row[c]);
			if (chars === '') continue;
			problems.add('not-encodable', firstRow + r, c + 1, { field: options.fields[c] ?? '', value: chars });
		}
	}
	return { problems: problems.sorted(), count: problems.errorCount };
}
