import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedLinkageRows, type LinkageColumns } from './link-rows';

/** The plain pass the sorted run replaces: one Map of every value's first row. */
function plainSharedRows(columns: LinkageColumns): Map<number, number[]> {
	const firstRow = new Map<string, number>();
	const groups = new Map<string, number[]>();
	columns.linkageIds.forEach((value, i) => {
		if (value === '') return;
		const first = firstRow.get(value);
		if (first === undefined) firstRow.set(value, columns.rows[i]);
		else groups.set(value, [...(groups.get(value) ?? [first]), columns.rows[i]]);
	});
	const byRow = new Map<number, number[]>();
	for (const rows of groups.values()) for (const row of rows) byRow.set(row, rows);
	return byRow;
}

/** The list's columns, rows numbered from 2 (below the header) with `gaps` (failed rows left out). */
function columnsOf(linkageIds: string[], gaps: number[] = []): LinkageColumns {
	let row = 1;
	const rows = linkageIds.map((_, i) => (row += 1 + (gaps[i] ?? 0)));
	return { rows, customerIds: linkageIds.map((_, i) => `US-${String(10000 + i).padStart(8, '0')}`), linkageIds };
}

// Step c's repeated 連携用ID pass keeps first rows in a sorted run (a Map only for values out of
// order): the rows it reports must be those of one Map, whatever the order and the repeats.
describe('sharedLinkageRows', () => {
	it.each<[string, string[]]>([
		['ascending, no repeat', ['C0000001', 'C0000002', 'C0000003']],
		['ascending, the last repeated', ['C1', 'C2', 'C3', 'C3']],
		['an early value repeated at the end', ['C1', 'C2', 'C3', 'C4', 'C1']],
		['descending with repeats', ['C9', 'C8', 'C7', 'C8', 'C9', 'C9']],
		['empty values are never repeats', ['', 'C1', '', 'C1', '']],
		['unpadded numbers (not ascending as text)', ['1', '2', '9', '10', '11', '2', '10']],
		['three rows of one value among others', ['C5', 'C1', 'C5', 'C2', 'C5']]
	])('gives the rows of a plain Map: %s', (_name, ids) => {
		expect(sharedLinkageRows(columnsOf(ids), () => undefined)).toEqual(plainSharedRows(columnsOf(ids)));
	});

	it('gives the rows of a plain Map for any list: as drawn, ascending, descending, with gaps in the rows', () => {
		const value = fc.oneof(fc.constant(''), fc.string({ unit: fc.constantFrom('C', '0', '1', '2', '9', 'あ'), minLength: 1, maxLength: 4 }));
		fc.assert(
			fc.property(fc.array(value, { maxLength: 120 }), fc.constantFrom('drawn', 'ascending', 'descending'), fc.array(fc.nat(3)), (drawn, order, gaps) => {
				const ids = order === 'drawn' ? drawn : order === 'ascending' ? [...drawn].sort() : [...drawn].sort().reverse();
				const columns = columnsOf(ids, gaps);
				expect(sharedLinkageRows(columns, () => undefined)).toEqual(plainSharedRows(columns));
			}),
			{ numRuns: 300 }
		);
	});

	it('ticks once per item, in order', () => {
		const seen: number[] = [];
		sharedLinkageRows(columnsOf(['C1', '', 'C1', 'C2']), (i) => seen.push(i));
		expect(seen).toEqual([0, 1, 2, 3]);
	});
});
