import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	buildLinkageCsv,
	checkCardImportFile,
	convertYamatoReturn,
	idDamage,
	parseOldCartCustomers,
	problemsCsv,
	type Problem
} from '$lib/domain';
import { problemText } from '$lib/i18n/problem-text';
import { importHeader, returnHeader, today, utf8 } from './helpers';

// Property (2) of issue 10, SPEC "Privacy promise": a token-shaped value in any cell of any file
// kind never reaches a report, the problems CSV or a message in either language; the card
// import file is the only output that carries it, in its own column.

const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Printable ASCII without space, `,` and `"`.
const tokenChars = Array.from({ length: 0x7e - 0x20 }, (_, i) => String.fromCharCode(0x21 + i)).filter(
	(c) => c !== ',' && c !== '"'
);
const tokenShaped = fc
	.tuple(fc.constantFrom(...alnum), fc.array(fc.constantFrom(...tokenChars), { minLength: 7, maxLength: 40 }))
	.map(([first, rest]) => first + rest.join(''))
	.filter((t) => /[A-Za-z]/.test(t) && /[0-9]/.test(t))
	// A number a spreadsheet damaged (`1.2E+110`) is recognised and quoted whole: no token.
	.filter((t) => idDamage(t) === null);

const csv = (rows: string[][]) => rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
const peopleText = (problems: Problem[]) =>
	new TextDecoder().decode(problemsCsv(problems, { encoding: 'utf-8-bom' })) + problems.map((p) => problemText(p, 'en')).join('\n');

type Cells = { row: number; column: number }[];

/** A grid of rows (the header first when there is one) with `token` put in the given cells. */
function place(rows: string[][], at: Cells, token: string): string[][] {
	const copy = rows.map((row) => [...row]);
	for (const { row, column } of at) {
		const cells = copy[row % copy.length];
		cells[column % cells.length] = token;
	}
	return copy;
}

// One cell, or two (the same value twice is what duplicate checks quote).
const cell = fc.array(fc.record({ row: fc.nat(), column: fc.nat() }), { minLength: 1, maxLength: 2 });
const runs = { numRuns: 150 };
// fast-check runs many files per test: room for a busy machine.
const timeout = 60_000;

function expectNowhere(token: string, report: { problems: Problem[] }) {
	expect(JSON.stringify(report)).not.toContain(token);
	expect(peopleText(report.problems)).not.toContain(token);
}

/** True when `token` appears in `text` only as the whole `column` (0-based) of lines. */
function onlyInColumn(text: string, token: string, column: number): boolean {
	return text.split('\r\n').every((line) => {
		if (!line.includes(token)) return true;
		const cells = line.split(',');
		return cells[column] === token && cells.filter((c) => c.includes(token)).length === 1;
	});
}

const returnRows = [
	['US-00010000', '111', 'VISA', '2912', 'Qz9RETURNFIRSTx1'],
	['US-00010001', '042', 'Visa', '202803', 'Qz9RETURNSECONDx2'],
	['US-00010002', '7', 'JCB', '2610', 'Qz9RETURNTHIRDx3'],
	['US-00010001', '555', 'AMEX', '1225', 'Qz9RETURNFOURTHx4']
];

describe('a token-shaped value in any cell', () => {
	it('of the return file (header or not, forced header or not, output header or not) shows only in column 9 of the import file', () => {
		const shape = fc.record({
			token: tokenShaped,
			at: cell,
			inputHeader: fc.boolean(),
			forceHeader: fc.boolean(),
			outputHeader: fc.boolean()
		});
		fc.assert(
			fc.property(shape, ({ token, at, inputHeader, forceHeader, outputHeader }) => {
				const rows = inputHeader ? [returnHeader.split(','), ...returnRows] : returnRows;
				const text = csv(rows);
				fc.pre(!text.includes(token));
				const spoiled = utf8(csv(place(rows, at, token)));
				const { output, report } = convertYamatoReturn(spoiled, {
					today,
					header: outputHeader,
					outputEncoding: 'utf-8-bom',
					customerIds: new Set(['US-00010000', 'US-00010001']),
					...(forceHeader && { firstRowIsHeader: true })
				});
				expectNowhere(token, report);
				if (output) expect(onlyInColumn(new TextDecoder().decode(output), token, 8)).toBe(true);
			}),
			runs
		);
	}, timeout);

	it('of the customer list (step c) never reaches the report', () => {
		const rows = [
			['サブスクストアの顧客ID', '旧カートの顧客番号(連携用ID)', '氏名'],
			['US-00010000', 'C0001', '山田'],
			['US-00010001', 'C0001', '佐藤'],
			['US-00010002', '', '鈴木'],
			['US-0001', 'C0003', '田中']
		];
		fc.assert(
			fc.property(tokenShaped, cell, (token, at) => {
				fc.pre(!csv(rows).includes(token));
				const { output, report } = buildLinkageCsv(utf8(csv(place(rows, at, token))), { outputEncoding: 'utf-8-bom' });
				expectNowhere(token, report);
				// A token-shaped 連携用ID is a valid one: the linkage CSV is its place, in column 1.
				if (output) expect(onlyInColumn(new TextDecoder().decode(output), token, 0)).toBe(true);
			}),
			runs
		);
	}, timeout);

	it("of the old cart's customer file never reaches the report", () => {
		const rows = [
			['旧カートの顧客番号', '氏名', 'メールアドレス', '電話番号'],
			['C0001', '山田', 'a@example.jp', '03-1234-5678'],
			['C0001', '佐藤', 'b@example.jp', ''],
			['C 3', '鈴木', '', ''],
			['', '田中', '', '']
		];
		fc.assert(
			fc.property(tokenShaped, cell, (token, at) => {
				fc.pre(!csv(rows).includes(token));
				expectNowhere(token, parseOldCartCustomers(utf8(csv(place(rows, at, token)))).report);
			}),
			runs
		);
	}, timeout);

	it('of the 9-column card import file never reaches the report', () => {
		const rows = [
			importHeader.split(','),
			['YAMATO', 'US-00010000', '111', 'VISA', '', '', '0', '2912', 'Qz9IMPORTFIRSTx1'],
			['YAMATO', 'US-00010001', '042', 'JCB', '', '', '', '2610', 'Qz9IMPORTSECONDx2'],
			['SAGAWA', 'US-00010009', '12', 'Visa', 'x', '', '1', '13', 'Qz9 IMPORT']
		];
		const settings = { service: 'YAMATO', availability: 'visible' } as const;
		fc.assert(
			fc.property(tokenShaped, cell, fc.boolean(), (token, at, withHeader) => {
				const grid = withHeader ? rows : rows.slice(1);
				fc.pre(!csv(grid).includes(token));
				const spoiled = utf8(csv(place(grid, at, token)));
				const { report } = checkCardImportFile(spoiled, {
					today,
					settings,
					customerIds: new Set(['US-00010000', 'US-00010001'])
				});
				expectNowhere(token, report);
			}),
			runs
		);
	}, timeout);
});
