import { describe, expect, it } from 'vitest';
import {
	buildLinkageCsv,
	checkCardImportFile,
	convertYamatoReturn,
	maxColumns,
	parseOldCartCustomers,
	type Problem
} from '$lib/domain';
import { today, utf8 } from './helpers';

// Issue 12: a record wider than `maxColumns` refuses the file with one clear problem, in every kind
// of file the app reads, whether the wide record is the header or a data row, however wide.
const kinds: [string, string[], string[], (bytes: Uint8Array) => { refused: boolean; problems: Problem[]; headerCells?: string[] }][] = [
	[
		'Yamato return file (step d)',
		['サブスクストアの顧客ID', 'カード番号下3桁', 'カードブランド', '有効期限', 'クロネコwebコレクトカード認証キー'],
		['US-00010000', '111', 'VISA', '2912', 'AbCdEf1234567890'],
		(bytes) => {
			const { output, report } = convertYamatoReturn(bytes, { today });
			return { refused: output === null, problems: report.problems, headerCells: report.headerCells };
		}
	],
	[
		'store customer list (step b)',
		['サブスクストアの顧客ID', '旧カートの顧客番号(連携用ID)'],
		['US-00010000', 'A1'],
		(bytes) => {
			const { output, report } = buildLinkageCsv(bytes);
			return { refused: output === null, problems: report.problems };
		}
	],
	[
		'old cart customers (一括登録 › 顧客情報)',
		['旧カートの顧客番号', '氏名'],
		['A1', '山田 太郎'],
		(bytes) => {
			const { report } = parseOldCartCustomers(bytes);
			return { refused: report.refused, problems: report.problems };
		}
	],
	[
		'card import file (一括登録 › クレジットカード情報)',
		['決済代行会社', '顧客ID', 'カード番号下3桁', 'カードブランド', 'カード名義人', 'SEND ID', '連番物理', '有効期限', 'クロネコwebコレクトカード認証キー'],
		['YAMATO', 'US-00010000', '111', 'VISA', '', '', '0', '2912', 'AbCdEf1234567890'],
		(bytes) => {
			const { report } = checkCardImportFile(bytes, { today, customerIds: new Set(['US-00010000']), settings: { service: 'YAMATO', availability: 'visible' } });
			return { refused: report.refused, problems: report.problems };
		}
	]
];

/** `cells` padded with `x` cells to `width` columns. */
const widen = (cells: string[], width: number) => [...cells, ...Array.from({ length: width - cells.length }, () => 'x')].join(',');
const file = (...lines: string[]) => utf8(lines.join('\r\n') + '\r\n');
const tooWide = (problems: Problem[]) => problems.filter((problem) => problem.code === 'too-many-columns');

describe.each(kinds)('%s', (_name, header, row, read) => {
	it('a header of exactly the limit is read, and its row with it', () => {
		const result = read(file(widen(header, maxColumns), row.join(',')));
		expect(tooWide(result.problems)).toEqual([]);
		expect(result.refused).toBe(false);
	});

	it.each([maxColumns + 1, 100_000])('a header of %i columns refuses the file with one problem at row 1, offering no column', (width) => {
		const result = read(file(widen(header, width), row.join(',')));
		expect(result.refused).toBe(true);
		expect(tooWide(result.problems)).toEqual([expect.objectContaining({ row: 1, column: 0, severity: 'error', params: { count: width, limit: maxColumns } })]);
		expect(result.headerCells).toBeUndefined();
	});

	it('a data row wider than the limit refuses the file at that row', () => {
		const result = read(file(header.join(','), row.join(','), widen(row, maxColumns + 5)));
		expect(result.refused).toBe(true);
		expect(tooWide(result.problems)).toEqual([expect.objectContaining({ row: 3, params: { count: maxColumns + 5, limit: maxColumns } })]);
	});

	it('1,000,000 columns give a clear result: too many columns, or (when the line is longer) a line too long', () => {
		const narrowCells = read(file(`${header[0]}${','.repeat(999_999)}`, row.join(',')));
		const wideCells = read(file(widen(header, 1_000_000), row.join(',')));
		expect(narrowCells.refused && wideCells.refused).toBe(true);
		expect(tooWide(narrowCells.problems)).toEqual([expect.objectContaining({ row: 1, params: { count: 1_000_000, limit: maxColumns } })]);
		expect(wideCells.problems.map((problem) => problem.code)).toContain('line-too-long');
	});
});
