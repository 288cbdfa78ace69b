import { describe, expect, it } from 'vitest';
import { buildLinkageCsv, convertYamatoReturn, findUnencodableCells, type Problem } from '$lib/domain';
import { toProblemRecord } from '$lib/domain/records/problem-record';
import { edgeSpaceKinds } from '$lib/domain/rules/spacing';
import { problemText } from '$lib/i18n/problem-text';
import type { Language } from '$lib/i18n';
import { codesAt, fixture, returnHeader, sjis, today, utf8 } from './helpers';

const languages: Language[] = ['ja', 'en'];
const text = (problem: Problem, language: Language) => problemText(toProblemRecord(problem), language);
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const listHeader = 'サブスクストアの顧客ID,旧カートの顧客番号(連携用ID),氏名';
const token = 'AbCdEf0123456789xyZ1';

// Issue: step c quoted a spreadsheet's scientific notation twice (the value, then the same as "e.g.").
describe('a scientific-notation ID is quoted once, in both languages', () => {
	const cases = ['1.23457E+11', '1,2E+5', '1.23457e+11', '1.23457E11'].flatMap((value) => languages.map((language) => [value, language] as const));
	it.each(cases)('%s (%s)', (value, language) => {
		const cell = value.includes(',') ? `"${value}"` : value;
		const { report } = buildLinkageCsv(sjis(`${listHeader}\r\nUS-00010001,${cell},a\r\n`));
		const problem = report.problems.find((p) => p.code === 'id-scientific-notation')!;
		expect(problem).toBeDefined();
		expect(occurrences(text(problem, language), value)).toBe(1);
		expect(occurrences(problem.message, value)).toBe(1);
	});

	it('the real-world file: row 2, quoted once', () => {
		const { report } = buildLinkageCsv(fixture('real-world/linkage-excel-scientific-id.sjis.csv'));
		const problem = report.problems.find((p) => p.row === 2)!;
		expect(problem.code).toBe('id-scientific-notation');
		for (const language of languages) expect(occurrences(text(problem, language), '1.23457E+11')).toBe(1);
	});
});

// Issue: the trimming warning said "spaces" when it trimmed no-break or other Unicode spaces.
describe('the trimming warning names the kinds of space it removed', () => {
	it.each([
		[' ', 'space', '半角スペース', 'spaces'],
		['\u00a0', 'no-break', 'ノーブレークスペース（U+00A0）', 'no-break spaces (U+00A0)'],
		['\u3000', 'ideographic', '全角スペース', 'full-width spaces (U+3000)'],
		['\u200b', 'zero-width', 'ゼロ幅スペース（U+200B など）', 'zero-width spaces (U+200B and similar)'],
		['\u2060', 'zero-width', 'ゼロ幅スペース（U+200B など）', 'zero-width spaces (U+200B and similar)'],
		['\ufeff', 'bom', 'BOM（U+FEFF）', 'BOM characters (U+FEFF)'],
		['\t', 'tab', 'タブ', 'tabs'],
		['\u2007', 'other', 'その他の空白文字', 'other blank characters'],
		['\u00a0 \u00a0', 'space,no-break', '半角スペース・ノーブレークスペース（U+00A0）', 'spaces and no-break spaces (U+00A0)']
	])('%j → %s', (space, kinds, ja, en) => {
		expect(edgeSpaceKinds(`${space}2912${space}`)).toBe(kinds);
		const { report, output } = convertYamatoReturn(utf8(`${returnHeader}\r\nUS-00010000,111,VISA,2912${space},${token}\r\n`), { today });
		expect(output).not.toBeNull();
		const problem = report.problems.find((p) => p.code === 'trimmed-spaces')!;
		expect(problem).toMatchObject({ row: 2, column: 4, params: { spaces: kinds } });
		expect(problem.message).toBe(`2行目の有効期限の前後にあった${ja}を取り除きました。`);
		expect(text(problem, 'ja')).toBe(problem.message);
		expect(text(problem, 'en')).toBe(`Row 2: ${en} around the expiry were removed.`);
	});

	it('the real-world file of no-break spaces says so on every trimmed value', () => {
		const { report } = convertYamatoReturn(fixture('real-world/nbsp-trailing-values.utf8.csv'), { today });
		const trimmed = report.problems.filter((p) => p.code === 'trimmed-spaces');
		expect(trimmed.length).toBeGreaterThan(0);
		for (const problem of trimmed) {
			expect(text(problem, 'ja')).toContain('ノーブレークスペース（U+00A0）');
			expect(text(problem, 'en')).toContain('no-break spaces (U+00A0)');
		}
	});

	it.each([
		['ja', '2行目の有効期限の前後にあった空白を取り除きました。'],
		['en', 'Row 2: spaces around the expiry were removed.']
	] as const)('an entry stored before the kinds were named still reads (%s)', (language, expected) => {
		const stored = { row: 2, column: 4, severity: 'warning' as const, code: 'trimmed-spaces', params: { field: 'expiry' } };
		expect(problemText(stored, language)).toBe(expected);
	});
});

// Issue: a cell that Shift_JIS cannot hold was placed by the written file's columns only.
describe('a cell Shift_JIS cannot hold is named by the operator\'s field first', () => {
	it.each([
		['name', '𠮷', '氏名の「𠮷」は、Shift_JISで書き出せません（2行目・2列目）。', 'The name "𠮷" cannot be written in Shift_JIS (row 2, column 2).'],
		['address', '—', '住所の「—」は、Shift_JISで書き出せません（2行目・2列目）。', 'The address "—" cannot be written in Shift_JIS (row 2, column 2).']
	])('%s', (field, value, ja, en) => {
		const { problems } = findUnencodableCells([['US-00010000', `${value}田`]], { fields: ['customerId', field] });
		expect(text(problems[0], 'ja').startsWith(ja)).toBe(true);
		expect(text(problems[0], 'en').startsWith(en)).toBe(true);
	});
});

// Issue: step c gave one error per field for a row shifted right, where steps d and e give one.
describe('step c: a failing row with a cell too many is one shifted-right error, as in step d', () => {
	it.each([
		['an empty cell first', ',US-00010001,C0001,a', ['shifted-right@2,4'], 0],
		['a memo after a good row', 'US-00010001,C0001,a,memo', ['extra-cells@2,4'], 1],
		['a memo after a row that fails for itself', 'US-0001,C0001,a,memo', ['bad-customer-id@2,1', 'extra-cells@2,4'], 0],
		['an empty cell pushed before a bad ID', 'US-0001,,C0001,a', ['shifted-right@2,4'], 0]
	])('%s', (_name, row, expected, written) => {
		const { report } = buildLinkageCsv(sjis(`${listHeader}\r\n${row}\r\n`));
		expect(codesAt(report)).toEqual(expected);
		expect(report.written).toBe(written);
		if (written === 0) expect(report.failedRows).toEqual([2]);
	});

	it('step d gives the same one error for the same shift', () => {
		const { report } = convertYamatoReturn(sjis(`${returnHeader}\r\n,US-00010001,111,VISA,2912,${token}\r\n`), { today });
		expect(report.problems.map((p) => p.code)).toEqual(['shifted-right']);
	});
});
