import { describe, expect, it } from 'vitest';
import { checkCardImportFile, convertYamatoReturn, parseOldCartCustomers } from '$lib/domain';
import { createTableSource } from '$lib/domain/csv/table-source';
import { yamatoReturnColumns } from '$lib/domain/headers/columns';
import { ProblemList } from '$lib/domain/problems/problem-list';
import { problemText } from '$lib/i18n/problem-text';
import { importHeader, returnHeader, today, utf8 } from './helpers';

// A return row shifted one column right (an extra comma, or a value typed twice) puts every value
// from the shift on under the next field and the token in column 6. Read as it stands, it gave one
// error per displaced field, among them "auth key is empty" while the key stood a column right. A
// careful operator needs one thing: the row is shifted right, from where, and what to remove. The
// left shift (a deleted cell) is `missing-cells`, see tests/fixtures/real-world/README.md.

const token = 'Bh08xQ7rT2mW9pL4kZ8';
const good = ['US-00200031', '444', 'JCB', '2803', token];
const next = `US-00200032,123,VISA,2912,Ck09yR8sU3nX0qM5lA9`;
const fields = ['customer ID', 'last 3 digits', 'card brand', 'expiry', 'auth key'];

/** The row with `cell` inserted before column `at` (1-based): columns at… move one right. */
const inserted = (at: number, cell: string) => [...good.slice(0, at - 1), cell, ...good.slice(at - 1)].join(',');

const cases = [1, 2, 3, 4, 5].flatMap((at) => [
	[`an extra comma before column ${at} (${fields[at - 1]} onwards shifted)`, inserted(at, '')] as const,
	...(at <= 3 ? [[`column ${at} typed twice (${fields[at - 1]} onwards shifted)`, inserted(at, good[at - 1])] as const] : [])
]);

describe('a return row shifted right is one shifted-right error on that row', () => {
	it.each(cases.flatMap(([what, line]) => [true, false].map((hasHeader) => [what, hasHeader, line] as const)))(
		'%s, header row %s',
		(_, hasHeader, line) => {
			const input = utf8([...(hasHeader ? [returnHeader] : []), line, next].join('\r\n') + '\r\n');
			const { output, report } = convertYamatoReturn(input, { today });
			const row = hasHeader ? 2 : 1;
			const onRow = report.problems.filter((p) => p.row === row);
			expect(onRow).toMatchObject([{ row, column: 6, severity: 'error', code: 'shifted-right', params: { columns: 5 } }]);
			expect(report.failedRows).toEqual([row]);
			expect(report.written).toBe(1);
			expect(output).not.toBeNull();
			// Said once, in both languages, and never the token that moved.
			const shown = JSON.stringify(report) + report.problems.map((p) => problemText(p, 'en') + problemText(p, 'ja')).join('');
			expect(shown).not.toContain(token);
			expect(shown).not.toMatch(/auth key is empty|認証キーが空/);
		}
	);

	it('says what happened, where, and what to do, in Japanese and English', () => {
		const { report } = convertYamatoReturn(utf8([returnHeader, inserted(5, ''), next].join('\r\n')), { today });
		const [problem] = report.problems;
		expect(problem.message).toBe(
			'2行目は見出しの5列より右の6列目にも値があり、値が右にずれているようです（余分な区切りのカンマ（,）や値が入っています）。ずれたままでは各列の値が別の項目として読まれるため、この行は読み込みませんでした。元のデータでこの行を確認し、余分なカンマや値を取り除いて5列にしてください。'
		);
		expect(problemText(problem, 'ja')).toBe(problem.message);
		expect(problemText(problem, 'en')).toBe(
			"Row 2 also has a value in column 6, right of the header's 5 columns: its values seem shifted right (an extra comma or value). Shifted, each value would be read as another field, so the row was not read. Check this row in the original data and remove the extra comma or value so it has 5 columns."
		);
	});

	// Not every failing row with a cell too many is shifted: a memo beside an expiry of month 13, or
	// beside a customer ID of the wrong shape, keeps the errors that are its own, with the warning.
	it.each([
		['an expiry of month 13', ['US-00200031', '444', 'JCB', '2813', token, 'memo'], undefined],
		['a customer ID of the wrong shape', ['00200031', '444', 'JCB', '2803', token, 'memo'], undefined],
		['an expiry of month 13, two cells right of the header', [...good.slice(0, 3), '2813', token, '', 'memo'], undefined]
	])('a memo beside %s: its own errors stay, with extra-cells, and no shifted-right', (_, cells, code?: string) => {
		const { report } = convertYamatoReturn(utf8([returnHeader, cells.join(','), next].join('\r\n')), { today });
		const onRow = report.problems.filter((p) => p.row === 2);
		expect(report.failedRows).toEqual([2]);
		expect(onRow.map((p) => p.code)).not.toContain('shifted-right');
		expect(onRow.filter((p) => p.severity === 'error').length).toBeGreaterThan(0);
		if (code) expect(onRow.map((p) => p.code)).toContain(code);
		expect(onRow.at(-1)).toMatchObject({ code: 'extra-cells', severity: 'warning' });
	});

	// A value inserted before the token (a memo typed into the row) pushes the token right of the
	// header: the 認証キー read is the memo. One shifted-right error, not a key error on the memo.
	it.each([
		['a memo between the expiry and the token', ['US-00200031', '444', 'JCB', '2803', '電話で確認済み', token]],
		['a memo between the brand and the expiry', ['US-00200031', '444', 'JCB', '確認済', '2803', token]],
		['a memo before everything', ['メモ', 'US-00200031', '444', 'JCB', '2803', token]]
	])('%s: one shifted-right error, the token nowhere', (_, cells) => {
		const { report } = convertYamatoReturn(utf8([returnHeader, cells.join(','), next].join('\r\n') + '\r\n'), { today });
		expect(report.problems.filter((p) => p.row === 2)).toMatchObject([{ row: 2, column: 6, severity: 'error', code: 'shifted-right' }]);
		expect(report.failedRows).toEqual([2]);
		expect(JSON.stringify(report)).not.toContain(token);
	});

	// A value typed twice in the last columns can leave a row that passes every rule with the wrong
	// value as its 認証キー (the expiry 2803 read as the key): the token right of the header gives it away.
	it.each([
		['the expiry typed twice', ['US-00200031', '444', 'JCB', '2803', '2803', token]],
		['the brand typed twice', ['US-00200031', '444', 'JCB', 'JCB', '2803', token]],
		['the expiry typed twice, the token short (8)', ['US-00200031', '444', 'JCB', '2803', '2803', 'Ab3dE6g8']],
		['the expiry typed twice, quoted', ['"US-00200031"', '444', 'JCB', '2803', '"2803"', `"${token}"`]]
	])('%s: one shifted-right error, the row not written, the wrong key nowhere', (_, cells) => {
		const { output, report } = convertYamatoReturn(utf8([returnHeader, cells.join(','), next].join('\r\n') + '\r\n'), { today });
		expect(report.problems.filter((p) => p.row === 2)).toMatchObject([{ row: 2, column: 6, severity: 'error', code: 'shifted-right' }]);
		expect(report.failedRows).toEqual([2]);
		expect(report.written).toBe(1);
		expect(new TextDecoder().decode(output as Uint8Array)).not.toContain('US-00200031');
	});

	it.each([
		['a memo right of the five columns', [...good, 'memo'].join(',')],
		['a token-shaped memo beside values all different', [...good, 'Memo2024note'].join(',')],
		['the token typed twice, the second right of the five columns', [...good, token].join(',')]
	])('%s: the row passes its rules, so it is written with the extra-cells warning', (_, line) => {
		const { report } = convertYamatoReturn(utf8([returnHeader, line, next].join('\r\n')), { today });
		expect(report.problems).toMatchObject([{ row: 2, column: 6, severity: 'warning', code: 'extra-cells' }]);
		expect(report.written).toBe(2);
	});
});

// The shape of a shift is an empty cell, or a value typed twice, among the expected columns. The
// card import file's holder and SEND ID must be blank: empty, and equal to each other, on every
// row, they are no sign of a shift, and a failing row with a memo right of the header keeps its
// own errors there too.
describe('an empty cell where the rule wants one is no sign of a shift', () => {
	const importToken = 'Dm11zT0uV5oY2rN6mB0';
	const importRow = (expiry: string, extra: string) => `YAMATO,US-00010000,123,VISA,,,0,${expiry},${importToken}${extra}`;
	it.each([
		['an expiry of month 13 beside a memo', importRow('2813', ',memo'), 'bad-month', 'extra-cells'],
		['a card number tail of letters beside a memo', importRow('2812', ',memo').replace(',123,', ',12a,'), 'bad-tail', 'extra-cells']
	])('a card import row with %s keeps its own error', (_, line, code, warning) => {
		const { report } = checkCardImportFile(utf8([importHeader, line].join('\r\n') + '\r\n'), {
			today,
			customerIds: new Set(['US-00010000']),
			settings: { service: 'YAMATO', availability: 'visible' }
		});
		const codes = report.problems.filter((p) => p.row === 2).map((p) => p.code);
		expect(report.failedRows).toEqual([2]);
		expect(codes).not.toContain('shifted-right');
		expect(codes).toContain(code);
		expect(codes).toContain(warning);
	});

	it.each([
		['before the tail', `YAMATO,US-00010000,,123,VISA,,,0,2812,${importToken}`],
		['before the holder (the serial column then empty)', `YAMATO,US-00010000,123,VISA,,,,0,2812,${importToken}`],
		['the brand typed twice', `YAMATO,US-00010000,123,VISA,VISA,,,0,2812,${importToken}`]
	])('a card import row with an extra comma or value %s is still shifted right', (_, line) => {
		const { report } = checkCardImportFile(utf8([importHeader, line].join('\r\n') + '\r\n'), {
			today,
			customerIds: new Set(['US-00010000']),
			settings: { service: 'YAMATO', availability: 'visible' }
		});
		expect(report.problems).toMatchObject([{ row: 2, column: 10, code: 'shifted-right' }]);
	});
});

// A row with a cell too many is read with its problems held back (to tell a shift from a memo). A
// reader whose row handler throws there (a caller that catches and goes on) must not leave them
// held: every later row's problems would be counted as errors yet never listed.
describe('problems held for a row with a cell too many are let go when its reading throws', () => {
	// Past the encoding's 64 KiB window, so the first push is read at once.
	const blankLines = '\r\n'.repeat(40_000);
	it.each([
		['a stray quote', `US-00200033,5"5,VISA,2912,${token}`, 'stray-quote'],
		['a row too short', 'US-00200033,555,VISA', 'missing-cells']
	])('a later row with %s is still listed', (_, later, code) => {
		const problems = new ProblemList();
		let calls = 0;
		const source = createTableSource({ encoding: 'utf-8', columns: yamatoReturnColumns, header: 'detect', problems }, () => {
			if (calls++ === 0) throw new Error('sink failed');
		});
		const first = [returnHeader, [...good, 'memo'].join(','), next].join('\r\n') + blankLines;
		expect(() => source.push(utf8(first))).toThrow('sink failed');
		source.push(utf8(`${later}\r\n`));
		source.finish();
		expect(problems.sorted().map((p) => p.code)).toContain(code);
		expect(problems.errorCount).toBe(problems.sorted().filter((p) => p.severity === 'error').length);
	});
});

describe('a customer file has no token field, so a value typed twice beside a memo is not a shift', () => {
	it('氏名 equal to its カナ with a token-shaped memo right of the header: registered, with extra-cells', () => {
		const { customers, report } = parseOldCartCustomers(utf8('旧カートの顧客番号,氏名,氏名(カナ)\r\nC1,Lee,Lee,Memo2024note\r\nC2,山田,ヤマダ\r\n'));
		expect(customers.map((c) => c.linkageId)).toEqual(['C1', 'C2']);
		expect(report.problems).toMatchObject([{ row: 2, column: 4, severity: 'warning', code: 'extra-cells' }]);
	});
});
