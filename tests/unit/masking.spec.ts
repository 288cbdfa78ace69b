import { describe, expect, it } from 'vitest';
import {
	buildLinkageCsv,
	convertYamatoReturn,
	isLetterDigitMix,
	maskToken,
	problemsCsv,
	quoteCell,
	recognised,
	type Problem
} from '$lib/domain';
import { ProblemList } from '$lib/domain/problems/problem-list';
import { problemText } from '$lib/i18n/problem-text';
import { codesAt, fixture, today } from './helpers';

// SPEC "Privacy promise", privacy-safe reading: quoted only when shorter than 8 characters, not a
// mix of letters and digits and without a long digit run; else `****` (8 or fewer) or `****…` + last 4.
describe('quoteCell', () => {
	it.each([
		['', ''],
		['VISA', 'VISA'],
		['2912', '2912'],
		['1234567', '1234567'],
		['abcdefg', 'abcdefg'],
		['山田太郎', '山田太郎'],
		['a\r\nb', 'a  b'],
		['abcdefgh', '****'],
		['12345678', '****'],
		['Ab12', '****'],
		['a1', '****'],
		['山田1', '****'],
		['Ａ１', '****'],
		['abcdefghi', '****…fghi'],
		['AbCdEf0123456789xyZ1', '****…xyZ1'],
		['1.23457E+11', '****…E+11'],
		['あ'.repeat(50), '****…ああああ']
	])('shows %j as %j', (value, shown) => {
		expect(quoteCell(value)).toBe(shown);
	});

	it('is what maskToken gives for every value it does not quote, and stable when applied again', () => {
		for (const value of ['abcdefgh', 'AbCdEf0123456789xyZ1', 'x1', 'ＡＢＣ１２３４５']) {
			expect(quoteCell(value)).toBe(maskToken(value));
			expect(quoteCell(quoteCell(value))).toBe(quoteCell(value));
		}
	});
});

describe('ProblemList.add, the one place params become safe', () => {
	it('masks every string param that may carry cell text, whatever the caller passed', () => {
		const problems = new ProblemList();
		problems.add('bad-expiry', 2, 4, { field: 'expiry', value: 'AbCdEf0123456789xyZ1', order: 'YYMM', example: '2912' });
		problems.add('bad-tail', 3, 2, { field: 'last3', value: 'tok3n123' });
		const [first, second] = problems.sorted();
		expect(first.params).toEqual({ field: 'expiry', value: '****…xyZ1', order: 'YYMM', example: '2912' });
		expect(first.message).toContain('「****…xyZ1」');
		expect(second.params.value).toBe('****');
		expect(JSON.stringify(problems.sorted())).not.toMatch(/AbCdEf|tok3n/);
	});

	it('quotes whole only what a rule passed as recognised', () => {
		const problems = new ProblemList();
		problems.add('brand-normalized', 2, 3, { field: 'brand', value: recognised('American Express'), fixed: recognised('AMEX') });
		problems.add('brand-normalized', 3, 3, { field: 'brand', value: 'American Express', fixed: 'AMEX' });
		const [named, plain] = problems.sorted();
		expect(named.params.value).toBe('American Express');
		expect(plain.params.value).toBe('****…ress');
	});
});

const convert = (name: string) => convertYamatoReturn(fixture(`real-world/${name}`), { today });
const allText = (report: { problems: Problem[] }) =>
	JSON.stringify(report) +
	new TextDecoder().decode(problemsCsv(report.problems, { encoding: 'utf-8-bom' })) +
	report.problems.map((p) => problemText(p, 'en')).join('\n');

describe('real-world files (tests/fixtures/real-world/README.md)', () => {
	it('token-shifted-row-deleted-cell: errors on row 2, row 3 written, row 2 token nowhere in the report', () => {
		const { output, report } = convert('token-shifted-row-deleted-cell.utf8.csv');
		expect(report).toMatchObject({ rows: 2, written: 1, failedRows: [2] });
		expect(report.problems.filter((p) => p.severity === 'error').every((p) => p.row === 2)).toBe(true);
		// The lost cell is one problem of the row, not an error per column its values moved into.
		expect(report.problems.filter((p) => p.row === 2).map(({ code, column, params }) => ({ code, column, params }))).toEqual([
			{ code: 'missing-cells', column: 5, params: { cells: 4, columns: 5 } }
		]);
		expect(allText(report)).not.toContain('Bh07xQ7rT2mW9pL4kZ8');
		expect(new TextDecoder().decode(output!)).toContain('US-00200031');
	});

	it('nbsp-trailing-values: every value of row 2 ends in NBSP: trimmed with warnings, both rows written', () => {
		const { report } = convert('nbsp-trailing-values.utf8.csv');
		expect(report).toMatchObject({ rows: 2, written: 2, failed: 0 });
		const trimmed = report.problems.filter((p) => p.code === 'trimmed-spaces');
		expect(trimmed.map((p) => `${p.row},${p.column}`)).toEqual(['2,1', '2,2', '2,3', '2,4', '2,5']);
		expect(trimmed.every((p) => p.severity === 'warning')).toBe(true);
	});

	it('zwsp-in-header-cell: the header is recognised, mapping 1–5, both rows written', () => {
		const { report } = convert('zwsp-in-header-cell.utf8.csv');
		expect(report).toMatchObject({ hasHeader: true, rows: 2, written: 2 });
		expect(report.mapping).toEqual({ customerId: 1, last3: 2, brand: 3, expiry: 4, token: 5 });
		expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
	});

	it('linkage-excel-scientific-id: error on row 2 with the advice to export as text, not written', () => {
		const { output, report } = buildLinkageCsv(fixture('real-world/linkage-excel-scientific-id.sjis.csv'), {
			outputEncoding: 'utf-8-bom'
		});
		expect(codesAt(report)).toEqual(['id-scientific-notation@2,2']);
		expect(report.problems[0].message).toContain('文字列として書き出し直してください');
		expect(problemText(report.problems[0], 'en')).toContain('as text');
		expect(report).toMatchObject({ written: 1, failedRows: [2] });
		expect(new TextDecoder().decode(output!)).not.toContain('E+11');
	});

	it('return-noheader-forced-header: the first row forced to be the header shows no token as a column name', () => {
		const bytes = fixture('real-world/return-noheader-forced-header.csv');
		const { report } = convertYamatoReturn(bytes, { today, firstRowIsHeader: true, columns: { customerId: 1, last3: 2, brand: 3, expiry: 4, token: 5 } });
		expect(report.hasHeader).toBe(true);
		expect(report.headerCells).toEqual(['US-00010000', '111', 'VISA', '2912', '****…OKEN']);
		expect(allText(report)).not.toContain('AbCdEf0123456789FIRSTROWTOKEN');
		const detected = convertYamatoReturn(bytes, { today, firstRowIsHeader: true });
		expect(allText(detected.report)).not.toContain('AbCdEf0123456789FIRSTROWTOKEN');
	});
});

describe('isLetterDigitMix', () => {
	it.each([
		['abc', false],
		['123', false],
		['a1', true],
		['Ａ１', true],
		['あ１', true],
		['𠮷1', true],
		['𠮷', false],
		['٣a', true],
		['-_+', false]
	])('%s → %s', (value, isMix) => expect(isLetterDigitMix(value)).toBe(isMix));
});
