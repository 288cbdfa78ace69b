import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	buildLinkageCsv,
	checkCardImportFile,
	convertYamatoReturn,
	parseOldCartCustomers,
	quoteCsvField,
	type Problem
} from '$lib/domain';
import { problemText } from '$lib/i18n/problem-text';
import { cardPrefixes, fixture, luhnDigit, today, utf8 } from './helpers';

// A row with fewer cells than the header (a value lost, the rest shifted left) is one problem of
// that row, `missing-cells`, in every file kind the shared table reader reads; its cells never
// reach the per-column rules, so no cascade of errors and no value of it quoted.

interface Outcome {
	problems: Problem[];
	failedRows: number[];
	refused: boolean;
	/** Everything a report shows: its JSON and every problem in English. */
	text: string;
}

const outcomeOf = (refused: boolean, report: { problems: Problem[]; failedRows: number[] }): Outcome => ({
	problems: report.problems,
	failedRows: report.failedRows,
	refused,
	text: JSON.stringify(report) + report.problems.map((p) => problemText(p, 'en')).join('\n')
});

const kinds = {
	'Yamato return file (step d)': {
		text: () => new TextDecoder('shift_jis').decode(fixture('yamato-return.sjis.csv')),
		run: (input: Uint8Array) => {
			const { output, report } = convertYamatoReturn(input, { today });
			return outcomeOf(output === null, report);
		}
	},
	'store customer list (step c)': {
		text: () => new TextDecoder('shift_jis').decode(fixture('store-customer-list.sjis.csv')),
		run: (input: Uint8Array) => {
			const { output, report } = buildLinkageCsv(input);
			return outcomeOf(output === null, report);
		}
	},
	'old-cart customer file (一括登録 › 顧客情報)': {
		text: () => new TextDecoder('utf-8').decode(fixture('oldcart-customers.utf8bom.csv')).replace(/^\ufeff/, ''),
		run: (input: Uint8Array) => {
			const { report } = parseOldCartCustomers(input);
			return outcomeOf(report.refused, report);
		}
	},
	'9-column card import file (step e)': {
		text: () => new TextDecoder('shift_jis').decode(fixture('yamato-return.card-import.expected.sjis.csv')),
		run: (input: Uint8Array) => {
			const { report } = checkCardImportFile(input, { today });
			return outcomeOf(report.refused, report);
		}
	}
};
type Kind = (typeof kinds)[keyof typeof kinds];

const tableOf = (text: string) => text.split(/\r?\n/).filter(Boolean).map((line) => line.split(','));
const csvOf = (table: string[][]) => table.map((cells) => cells.map((cell) => quoteCsvField(cell)).join(',')).join('\r\n') + '\r\n';
const without = (cells: string[], dropped: ReadonlySet<number>) => cells.filter((_, i) => !dropped.has(i));
const rowProblems = (outcome: Outcome, row: number) => outcome.problems.filter((p) => p.row === row);
/**
 * Token-shaped cells (8 or more characters mixing letters and digits): never to be shown whole. A
 * store-shaped customer ID (`US-` and 8 digits) is a value the rules recognise, and a short row's
 * customer still came back: the reconciliation lists it as returned.
 */
const tokensOf = (cells: string[]) =>
	cells.filter((cell) => cell.length >= 8 && /[A-Za-z]/.test(cell) && /\d/.test(cell) && !/^US-\d{8}$/.test(cell));

/** Runs `kind` on its fixture with data row `index` (1-based, after the header) changed by `change`. */
function runChanged(kind: Kind, index: number, change: (cells: string[]) => string[], header = true) {
	const table = tableOf(kind.text());
	table[index] = change(table[index]);
	const rows = header ? table : table.slice(1);
	return { outcome: kind.run(utf8(csvOf(rows), true)), row: header ? index + 1 : index, columns: table[0].length, cells: table[index] };
}

describe('a row with fewer cells than the header is one missing-cells problem', () => {
	const cases = Object.entries(kinds).flatMap(([name, kind]) =>
		[
			['the last cell dropped', (n: number) => [n - 1]],
			['the second cell dropped (the rest shifted left)', () => [1]],
			['only the first cell left', (n: number) => Array.from({ length: n - 1 }, (_, i) => i + 1)],
			['two cells dropped from the middle', () => [1, 2]]
		].map(([what, drop]) => [name, what as string, kind, drop as (n: number) => number[]] as const)
	);

	it.each(cases)('%s: %s', (_, __, kind, drop) => {
		const columns = tableOf(kind.text())[0].length;
		const dropped = new Set(drop(columns));
		const { outcome, row, cells } = runChanged(kind, 1, (c) => without(c, dropped));
		expect(rowProblems(outcome, row)).toMatchObject([
			{ row, column: cells.length + 1, severity: 'error', code: 'missing-cells', params: { cells: cells.length, columns } }
		]);
		expect(outcome.failedRows).toContain(row);
		expect(outcome.refused).toBe(false);
		const english = problemText(rowProblems(outcome, row)[0], 'en');
		expect(english).toBe(
			`Row ${row} has ${cells.length} of ${columns} columns: a value may be missing or the columns shifted left, so the row was not read. Check this row in the original data and give it all ${columns} columns, separating empty values with "," too.`
		);
		expect(rowProblems(outcome, row)[0].message).toContain(`${row}行目は${columns}列のうち${cells.length}列しかありません。`);
	});

	it.each(Object.entries(kinds))('%s: a complete row, a longer row and a row of empty cells are no such problem', (_, kind) => {
		for (const change of [(c: string[]) => c, (c: string[]) => [...c, 'メモ'], (c: string[]) => c.map(() => '')]) {
			const { outcome } = runChanged(kind, 1, change);
			expect(outcome.problems.map((p) => p.code)).not.toContain('missing-cells');
		}
	});

	it.each(Object.entries(kinds))('%s: a header with trailing empty cells asks for its named cells only', (_, kind) => {
		const table = tableOf(kind.text());
		table[0] = [...table[0], '', ' '];
		expect(kind.run(utf8(csvOf(table), true)).problems.map((p) => p.code)).not.toContain('missing-cells');
	});

	it('a quoted cell holding commas is one cell', () => {
		const { outcome, row } = runChanged(kinds['old-cart customer file (一括登録 › 顧客情報)'], 1, (c) => [c[0], `${c[1]},${c[2]}`, c[3]]);
		expect(rowProblems(outcome, row)).toMatchObject([{ code: 'missing-cells', column: 4, params: { cells: 3, columns: 5 } }]);
	});

	it('a Yamato return file without a header needs the five columns of the assumed order', () => {
		const kind = kinds['Yamato return file (step d)'];
		const { outcome, row } = runChanged(kind, 2, (c) => without(c, new Set([2])), false);
		expect(rowProblems(outcome, row)).toMatchObject([{ code: 'missing-cells', column: 5, params: { cells: 4, columns: 5 } }]);
		const extra = runChanged(kind, 2, (c) => [...c, 'メモ'], false);
		expect(extra.outcome.problems.map((p) => p.code)).not.toContain('missing-cells');
	});

	it('a malformed short row is only its malformation', () => {
		const kind = kinds['Yamato return file (step d)'];
		const table = tableOf(kind.text());
		table[1] = [table[1][0], 'x"1'];
		const outcome = kind.run(utf8(table.map((cells) => cells.join(',')).join('\r\n') + '\r\n', true));
		expect(rowProblems(outcome, 2).map((p) => p.code)).toEqual(['stray-quote']);
	});
});

/** A Luhn-valid Visa number: a short row holding it refuses the file, for that alone. */
const visa = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 }).map((d) => {
	const body = cardPrefixes[0] + d.join('');
	return body + luhnDigit(body);
});

describe('property: any row shortened by k ≥ 1 cells gives exactly one missing-cells problem, never a value shown', () => {
	it.each(Object.entries(kinds))('%s', (_, kind) => {
		const table = tableOf(kind.text());
		const columns = table[0].length;
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: table.length - 1 }),
				fc.uniqueArray(fc.integer({ min: 0, max: columns - 1 }), { minLength: 1, maxLength: columns - 1 }),
				fc.option(visa, { freq: 5 }),
				(index, drop, pan) => {
					const cells = without(table[index], new Set(drop));
					fc.pre(cells.some((cell) => cell.trim() !== ''));
					if (pan !== null) cells[cells.length - 1] = pan;
					const { outcome, row } = runChanged(kind, index, () => cells);
					expect(outcome.text).not.toMatch(/\d{13}/);
					for (const token of tokensOf(table[index])) expect(outcome.text).not.toContain(token);
					if (pan !== null) {
						// A card number refuses the file and is its only problem.
						expect(outcome.refused).toBe(true);
						expect(outcome.problems.map((p) => p.code)).toEqual(['card-number-found']);
						return;
					}
					expect(rowProblems(outcome, row)).toMatchObject([
						{ code: 'missing-cells', column: cells.length + 1, params: { cells: cells.length, columns } }
					]);
					expect(outcome.failedRows).toContain(row);
					expect(outcome.refused).toBe(false);
				}
			),
			{ numRuns: 150 }
		);
	});
});

describe('a row with a value right of the header is one extra-cells warning, or one shifted-right error when it fails', () => {
	// A row shifted right by an extra cell fails its rules in every kind, step c included (its rules
	// run once the list is read, and then decide the same way); in step c an empty second cell reads
	// as a customer without a 連携用ID, which is no failure: the row keeps the warning.
	const isStepC = (name: string) => name.startsWith('store customer list');
	const cases = Object.entries(kinds).flatMap(([name, kind]) =>
		[
			['an empty cell inserted first (all shifted right)', (c: string[]) => ['', ...c], 0, 'shifted-right'],
			['an empty cell inserted second', (c: string[]) => [c[0], '', ...c.slice(1)], 0, isStepC(name) ? 'extra-cells' : 'shifted-right'],
			['a memo after two empty cells', (c: string[]) => [...c, '', ' ', 'メモ'], 2, 'extra-cells']
		].map(([what, change, gap, code]) => [name, what as string, kind, change as (c: string[]) => string[], gap as number, code as string] as const)
	);

	it.each(cases)('%s: %s', (_, __, kind, change, gap, code) => {
		const { outcome, row, columns } = runChanged(kind, 1, change);
		const column = columns + 1 + gap;
		if (code === 'shifted-right') {
			// One cause, one problem: none of the field errors the shift brings.
			expect(rowProblems(outcome, row)).toMatchObject([{ row, column, severity: 'error', code, params: { columns } }]);
			expect(outcome.failedRows).toContain(row);
			expect(problemText(rowProblems(outcome, row)[0], 'en')).toBe(
				`Row ${row} also has a value in column ${column}, right of the header's ${columns} columns: its values seem shifted right (an extra comma or value). Shifted, each value would be read as another field, so the row was not read. Check this row in the original data and remove the extra comma or value so it has ${columns} columns.`
			);
			return;
		}
		const extra = rowProblems(outcome, row).filter((p) => p.code === 'extra-cells');
		expect(extra).toMatchObject([{ row, column, severity: 'warning', params: { columns } }]);
		expect(problemText(extra[0], 'en')).toBe(
			`Row ${row} has a value in column ${column}, right of the header's ${columns} columns: if the values shifted right, the other columns are not read correctly. Check this row in the original data.`
		);
		expect(rowProblems(outcome, row).map((p) => p.code)).not.toContain('missing-cells');
	});

	it.each(Object.entries(kinds))('%s: trailing empty cells are no such warning', (_, kind) => {
		const { outcome } = runChanged(kind, 1, (c) => [...c, '', '  ', '']);
		expect(outcome.problems.map((p) => p.code)).not.toContain('extra-cells');
	});

	it.each(Object.entries(kinds))('%s: property: any filled cells after the header\'s columns give one warning at the first, never a token shown', (_, kind) => {
		const table = tableOf(kind.text());
		const columns = table[0].length;
		const cell = fc.oneof(fc.constant(''), fc.constant(' '), fc.stringMatching(/^[A-Za-z0-9メモ]{1,12}$/));
		fc.assert(
			fc.property(fc.integer({ min: 1, max: table.length - 1 }), fc.array(cell, { minLength: 1, maxLength: 4 }), (index, added) => {
				fc.pre(added.some((c) => c.trim() !== ''));
				const { outcome, row } = runChanged(kind, index, (c) => [...c, ...added]);
				const first = added.findIndex((c) => c.trim() !== '');
				expect(rowProblems(outcome, row).filter((p) => p.code === 'extra-cells')).toMatchObject([{ column: columns + 1 + first, params: { columns } }]);
				// The warning quotes no cell: neither the row's values nor the added ones.
				const warnings = rowProblems(outcome, row).filter((p) => p.code === 'extra-cells');
				const shown = JSON.stringify(warnings) + warnings.map((p) => problemText(p, 'en')).join('');
				for (const token of tokensOf([...table[index], ...added])) expect(shown).not.toContain(token);
			}),
			{ numRuns: 100 }
		);
	});
});
