/**
 * The bounds of a plain line's first `count` cells (a line without quotes, as the CSV reader hands
 * it over: `raw.split(',')` are its cells), written to `cuts`: cell `c` (1-based) is
 * `raw.slice(cuts[c - 1] + 1, cuts[c])`. A line of fewer cells gets -1 for the cells it lacks.
 * Returns the line's cell count, counted no further than `count`. Walks the line once and makes
 * nothing: a million-row file's rows cost no array and no text per cell the file kind does not
 * read (`split` made both for every cell).
 */
export function cutPlainLine(raw: string, cuts: Int32Array, count: number): number {
	cuts[0] = -1;
	let at = -1;
	let cell = 1;
	for (; cell <= count; cell++) {
		if (at === raw.length) break;
		at = raw.indexOf(',', at + 1);
		if (at < 0) at = raw.length;
		cuts[cell] = at;
	}
	const cells = cell - 1;
	for (; cell <= count; cell++) cuts[cell] = -1;
	return cells;
}

/**
 * Cell `column` (1-based) of a line cut by `cutPlainLine`, or '' when `column` is 0 (not mapped)
 * or beyond the line's cells — as `raw.split(',')[column - 1] ?? ''`.
 */
export function plainCell(raw: string, cuts: Int32Array, column: number): string {
	if (column <= 0 || cuts[column] < 0) return '';
	return raw.slice(cuts[column - 1] + 1, cuts[column]);
}

/** Where cell `column` of a line cut by `cutPlainLine` starts, or -1 when there is no such cell (as `plainCell` gives ''). */
export function plainCellStart(cuts: Int32Array, column: number): number {
	return column <= 0 || cuts[column] < 0 ? -1 : cuts[column - 1] + 1;
}
