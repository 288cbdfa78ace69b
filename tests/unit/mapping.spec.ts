import { describe, expect, it } from 'vitest';
import {
	chooseColumns,
	chooseReturnMapping,
	convertYamatoReturn,
	duplicatesInUse,
	headerSignature,
	looksLikeHeader,
	matchHeader,
	peekReturnHeader,
	yamatoReturnColumns,
	type YamatoReturnOptions
} from '$lib/domain';
import { fromSjis, importHeader, returnHeader, sjis, today, utf8 } from './helpers';

const token = 'AbCdEf0123456789xyZ1';
const line = `YAMATO,US-00010000,111,VISA,,,0,2912,${token}`;
const convert = (text: string, options: YamatoReturnOptions = {}) => convertYamatoReturn(sjis(text), { today, ...options });

/** A header the app does not know, in a shuffled order, and a row under it. */
const unknownHeader = '期限,キー,会員番号,種別,下3桁';
const unknownRow = `2912,${token},US-00010000,VISA,111`;
const unknownColumns = { customerId: 3, last3: 5, brand: 4, expiry: 1, token: 2 };

describe('chosen columns', () => {
	it.each([
		[
			'an unknown header, declared by the operator',
			`${unknownHeader}\r\n${unknownRow}\r\n`,
			{ columns: unknownColumns, firstRowIsHeader: true },
			{ hasHeader: true, rows: 1, written: 1 }
		],
		[
			'no header: the columns of data from row 1',
			`${unknownRow}\r\n${unknownRow}\r\n`,
			{ columns: unknownColumns },
			{ hasHeader: false, rows: 2, written: 2 }
		],
		[
			'a known header, one field moved to a doubled column',
			`token,expiry,brand,last3,customer id,auth key\r\nx,2912,VISA,111,US-00010000,${token}\r\n`,
			{ columns: { token: 6 } },
			{ hasHeader: true, rows: 1, written: 1 }
		],
		[
			'a known header and an operator who also says it is one',
			`${returnHeader}\r\nUS-00010000,111,VISA,2912,${token}\r\n`,
			{ columns: { customerId: 1, last3: 2, brand: 3, expiry: 4, token: 5 }, firstRowIsHeader: true },
			{ hasHeader: true, rows: 1, written: 1 }
		]
	])('convert %s', (_, text, options, expected) => {
		const { output, report } = convert(text, options);
		expect(report).toMatchObject({ ...expected, refused: false, failed: 0 });
		expect(fromSjis(output).split('\r\n').slice(1, -1)).toEqual(Array(expected.written).fill(line));
		expect(fromSjis(output).startsWith(`${importHeader}\r\n`)).toBe(true);
	});

	it('override detection only for the fields they name', () => {
		const { report } = convert(`memo,token,expiry,brand,last3,customer id\r\nhello,${token},2912,VISA,111,US-00010000\r\n`, {
			columns: { brand: 4 }
		});
		expect(report.mapping).toEqual({ customerId: 6, last3: 5, brand: 4, expiry: 3, token: 2 });
	});

	it('leave an unknown header as data unless the operator says it is one', () => {
		const { report } = convert(`${unknownHeader}\r\n${unknownRow}\r\n`, { columns: unknownColumns });
		expect(report).toMatchObject({ hasHeader: false, rows: 2, written: 1, failed: 1 });
		expect(report.problems.filter((p) => p.severity === 'error').every((p) => p.row === 1)).toBe(true);
	});

	it('warn about a doubled header name from the column in use', () => {
		const text = `token,expiry,brand,last3,customer id,auth key\r\nx,2912,VISA,111,US-00010000,${token}\r\n`;
		const detected = convert(text).report.problems.filter((p) => p.code === 'duplicate-header');
		const chosen = convert(text, { columns: { token: 6 } }).report.problems.filter((p) => p.code === 'duplicate-header');
		expect(detected.map((p) => [p.column, p.params.first])).toEqual([[6, 1]]);
		expect(chosen.map((p) => [p.column, p.params.first])).toEqual([[1, 6]]);
		expect(chosen[0].message).toBe('見出し行の1列目「token」は6列目と同じ項目のため、使いません。1列目を使うなら、見出しの名前を直してから、もう一度指定してください。');
	});

	it.each([
		['a required field without a column', { ...unknownColumns, brand: 0 }, { field: 'brand' }],
		['a column the file lacks', { ...unknownColumns, token: 9 }, { field: 'token', column: 9 }]
	])('refuse the whole file for %s', (_, columns, params) => {
		const { output, report } = convert(`${unknownHeader}\r\n${unknownRow}\r\n${unknownRow}\r\n`, {
			columns,
			firstRowIsHeader: true
		});
		expect(output).toBeNull();
		expect(report).toMatchObject({ refused: true, rows: 2, written: 0 });
		expect(report.problems).toEqual([
			expect.objectContaining({ row: 1, column: 0, severity: 'error', code: 'missing-column', params })
		]);
	});

	it('keep the usual rules for a column left as detected, even past a short first row', () => {
		const columns = { customerId: 1, last3: 2, brand: 3, expiry: 4, token: 5 };
		const text = 'US-00010000,111,VISA,2912\r\n';
		expect(convert(text, { columns }).report).toEqual(convert(text).report);
		expect(convert(text).report.problemCounts).toEqual({ 'missing-cells': 1 });
	});

	it('refuse a negative or fractional column as a bug', () => {
		expect(() => convert(`${unknownRow}\r\n`, { columns: { token: -1 } })).toThrow(RangeError);
		expect(() => convert(`${unknownRow}\r\n`, { columns: { token: 1.5 } })).toThrow(RangeError);
	});
});

describe('header cells', () => {
	it.each([
		['a known header', `${returnHeader}\r\nUS-00010000,111,VISA,2912,${token}\r\n`, {}, returnHeader.split(',')],
		['an unknown header', `${unknownHeader}\r\n${unknownRow}\r\n`, {}, unknownHeader.split(',')],
		// SPEC "Privacy promise": a value is quoted when it is short or not a mix of letters and digits;
		// a long name in words is shown (operator trial: every such column read "列1：****…須項目）"),
		// one of a token's shape (letters and digits, 8 characters or more) is masked like any cell.
		['an English one with spaces', `Member No,Last Digit,Kind,Valid,Key\r\n${unknownRow}\r\n`, {}, ['Member No', 'Last Digit', 'Kind', 'Valid', 'Key']],
		['one with names of a token\'s shape', `MemberNo1,LastDigit3,Kind,Valid,Key\r\n${unknownRow}\r\n`, {}, ['****…rNo1', '****…git3', 'Kind', 'Valid', 'Key']],
		['a first row the operator calls a header', `${unknownRow}\r\n${unknownRow}\r\n`, { firstRowIsHeader: true }, ['2912', '****…xyZ1', 'US-00010000', 'VISA', '111']],
		['a card row', `${unknownRow}\r\n`, {}, undefined],
		['a card row with a short expiry', `US-00010000,1,VISA,912,${token}\r\n`, {}, undefined],
		['a malformed first record', `"a"b,キー\r\n${unknownRow}\r\n`, {}, undefined]
	])('of %s', (_, text, options, cells) => {
		const { report } = convert(text, options);
		expect(report.headerCells).toEqual(cells);
		expect(report.headerSignature === undefined).toBe(cells === undefined);
		expect(report.columnCount).toBe(text.split('\r\n')[0].split(',').length);
	});

	it('never carry a card number, and are cut short for the screen', () => {
		const pan = '4111 1111 1111 1111';
		const leak = convert(`顧客ID,下3桁,${pan},有効期限,認証キー\r\nUS-00010000,111,VISA,2912,${token}\r\n`);
		expect(leak.report.refused).toBe(true);
		expect(leak.report.headerCells).toBeUndefined();
		expect(JSON.stringify(leak.report)).not.toContain('4111');
		const long = convert(`${'あ'.repeat(50)},キー\r\n${unknownRow}\r\n`).report.headerCells!;
		expect(long[0]).toBe(`${'あ'.repeat(40)}…`);
		const known = convert(`顧客ID${' '.repeat(50)},キー\r\n${unknownRow}\r\n`).report.headerCells!;
		expect(known[0]).toBe(`顧客ID${' '.repeat(36)}…`);
	});

	it('tell a header from a card row by its digits', () => {
		expect(looksLikeHeader(['会員番号', 'カード番号下3桁', 'token'])).toBe(true);
		expect(looksLikeHeader(['US-00010000', 'x'])).toBe(false);
		expect(looksLikeHeader(['', ' '])).toBe(false);
		expect(looksLikeHeader(['有効期限', '１２'])).toBe(false);
	});
});

describe('header signature', () => {
	const signature = (text: string) => convert(`${text}\r\n${unknownRow}\r\n`).report.headerSignature;

	it('is the same for loosely equal names and for trailing blank cells', () => {
		const base = signature(unknownHeader);
		expect(base).toMatch(/^[0-9a-f]{64}$/);
		expect(signature(' 期限 ,ｷｰ,会員 番号,種別,下３桁')).toBe(base);
		expect(signature(`${unknownHeader},,`)).toBe(base);
		expect(headerSignature(unknownHeader.split(','))).toBe(base);
	});

	it('differs for another order or another name', () => {
		const base = signature(unknownHeader);
		expect(signature('キー,期限,会員番号,種別,下3桁')).not.toBe(base);
		expect(signature('期限,キー,会員ID,種別,下3桁')).not.toBe(base);
	});
});

describe('peekReturnHeader', () => {
	const rows = (count: number) => Array.from({ length: count }, () => unknownRow).join('\r\n');

	it.each([
		['Shift_JIS, short', sjis(`${unknownHeader}\r\n${rows(3)}\r\n`)],
		['UTF-8, no line end', utf8(unknownHeader)],
		['Shift_JIS, longer than the peek', sjis(`${unknownHeader}\r\n${rows(20_000)}\r\n`)],
		['UTF-8, Japanese only far down', utf8(`Member No,Key\r\n${rows(20_000)}\r\n会員,キー\r\n`)]
	])('finds what the conversion reports: %s', (_, bytes) => {
		const { report } = convertYamatoReturn(bytes, { today });
		expect(peekReturnHeader(bytes)).toEqual({ cells: report.headerCells, signature: report.headerSignature });
	});

	it('is null for a card row first, or a header with a card number', () => {
		expect(peekReturnHeader(sjis(`${unknownRow}\r\n`))).toBeNull();
		expect(peekReturnHeader(sjis(`顧客ID,4111111111111111,認証キー\r\n`))).toBeNull();
		expect(peekReturnHeader(new Uint8Array(0))).toBeNull();
	});
});

describe('chooseColumns and duplicatesInUse', () => {
	it('lay the choice over detection and name what is unusable', () => {
		const detected = { customerId: 1, last3: 2, brand: 3, expiry: 4, token: 5 };
		expect(chooseColumns(detected, { brand: 0, token: 7, expiry: 4 }, yamatoReturnColumns, 5)).toEqual({
			mapping: { customerId: 1, last3: 2, brand: 0, expiry: 4, token: 7 },
			missing: ['brand'],
			outside: ['token']
		});
	});

	it('keep, turn round or drop the warnings of a doubled name', () => {
		const match = matchHeader(['token', 'x', 'auth key', 'card token'], yamatoReturnColumns);
		expect(match.duplicates).toEqual([[3, 1], [4, 1]]);
		expect(duplicatesInUse(match, match.mapping)).toEqual([[3, 1], [4, 1]]);
		expect(duplicatesInUse(match, { ...match.mapping, token: 3 })).toEqual([[1, 3], [4, 3]]);
		expect(duplicatesInUse(match, { ...match.mapping, token: 2 })).toEqual([]);
	});
});

describe('chooseReturnMapping', () => {
	const input = sjis(`${unknownHeader}\r\n${unknownRow}\r\n`);
	const saved = {
		kind: 'yamato-return' as const,
		signature: headerSignature(unknownHeader.split(',')),
		headerCells: unknownHeader.split(','),
		columns: unknownColumns,
		firstRowIsHeader: true,
		savedAt: 0
	};
	const other = { ...saved, signature: headerSignature(['a', 'b']), columns: { ...unknownColumns, token: 4 } };

	it.each([
		['the operator’s columns first', { columns: { token: 2 }, savedMappings: [saved] }, { columns: { token: 2 }, source: 'chosen' }],
		['a mapping saved for this header', { savedMappings: [other, saved] }, { columns: unknownColumns, firstRowIsHeader: true, source: 'saved' }],
		['detection when none matches', { savedMappings: [other] }, { source: 'detected' }],
		['detection when nothing is saved', {}, { source: 'detected' }]
	])('takes %s', (_, choice, expected) => {
		expect(chooseReturnMapping(input, choice)).toEqual(expected);
	});

	it('converts the same as the saved columns given by hand', () => {
		const choice = chooseReturnMapping(input, { savedMappings: [saved] });
		const { output, report } = convertYamatoReturn(input, { today, ...choice });
		expect(report).toMatchObject({ hasHeader: true, written: 1, failed: 0 });
		expect(fromSjis(output)).toBe(`${importHeader}\r\n${line}\r\n`);
	});
});
