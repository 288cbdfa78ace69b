import { describe, expect, it } from 'vitest';
import { convertYamatoReturn, createYamatoReturnConverter, joinBytes, type YamatoReturnOptions } from '$lib/domain';
import { fixture, fromSjis, importHeader, returnHeader, sjis, splitAt, today, utf8 } from './helpers';

const token = 'AbCdEf0123456789xyZ1';
const row = `US-00010000,111,VISA,2912,${token}`;
const line = `YAMATO,US-00010000,111,VISA,,,0,2912,${token}`;
const convert = (bytes: Uint8Array, options: YamatoReturnOptions = {}) => convertYamatoReturn(bytes, { today, ...options });

describe('input header', () => {
	it('is absent: SPEC default order, data from row 1', () => {
		const { output, report } = convert(sjis(`${row}\r\n`));
		expect(fromSjis(output)).toBe(`${importHeader}\r\n${line}\r\n`);
		expect(report).toMatchObject({ hasHeader: false, rows: 1 });
		expect(report.mapping).toEqual({ customerId: 1, last3: 2, brand: 3, expiry: 4, token: 5 });
	});

	it.each([
		['English aliases in another order', 'token,expiry,brand,last3,customer id', `${token},2912,VISA,111,US-00010000`],
		['loose spacing and width', ' 有効期限 ,カードブランド,ｶｰﾄﾞ番号下3桁,auth key,Customer ID', `2912,VISA,111,${token},US-00010000`],
		['notes in brackets', '顧客ID,下3桁,ブランド,有効期限(YYMM),認証キー', `US-00010000,111,VISA,2912,${token}`],
		['other words', 'Customer ID,Last 3 Digits,Card Brand,Expiration,Token', `US-00010000,111,VISA,2912,${token}`]
	])('is recognised: %s', (_, header, data) => {
		const { output, report } = convert(sjis(`${header}\r\n${data}\r\n`));
		expect(report.hasHeader).toBe(true);
		expect(fromSjis(output)).toBe(`${importHeader}\r\n${line}\r\n`);
	});

	it('reports the mapping it chose and ignores (but reads) other columns', () => {
		const { output, report } = convert(sjis(`memo,token,expiry,brand,last3,customer id\r\nhello,${token},2912,VISA,111,US-00010000\r\n`));
		expect(report.mapping).toEqual({ customerId: 6, last3: 5, brand: 4, expiry: 3, token: 2 });
		expect(fromSjis(output)).toBe(`${importHeader}\r\n${line}\r\n`);
	});

	it('that names one known column only is data', () => {
		const { report } = convert(sjis(`顧客ID,x,y,z,w\r\n${row}\r\n`));
		expect(report.hasHeader).toBe(false);
		expect(report.rows).toBe(2);
	});

	it('that lacks a required column refuses the file', () => {
		const { output, report } = convert(sjis(`顧客ID,下3桁,ブランド,有効期限\r\nUS-00010000,111,VISA,2912\r\n`));
		expect(output).toBeNull();
		expect(report.problems).toEqual([expect.objectContaining({ row: 1, column: 0, code: 'missing-column' })]);
	});
});

describe('encodings', () => {
	const text = `${returnHeader}\r\n${row}\r\n`;
	it.each([
		['Shift_JIS', sjis(text), 'shift_jis'],
		['UTF-8', utf8(text), 'utf-8'],
		['UTF-8 with BOM', utf8(text, true), 'utf-8-bom'],
		['ASCII only', utf8(`${row}\r\n`), 'utf-8']
	] as const)('reads %s', (_, bytes, encoding) => {
		const { output, report } = convert(bytes);
		expect(report.encoding).toBe(encoding);
		expect(fromSjis(output)).toBe(`${importHeader}\r\n${line}\r\n`);
	});

	it('writes UTF-8 with BOM on request', () => {
		const { output } = convert(sjis(text), { outputEncoding: 'utf-8-bom' });
		expect(output).toEqual(utf8(`${importHeader}\r\n${line}\r\n`, true));
	});

	it('can be told the input encoding', () => {
		expect(convert(sjis(text), { encoding: 'shift_jis' }).report).toMatchObject({ encoding: 'shift_jis', written: 1 });
		expect(convert(utf8(text), { encoding: 'utf-8' }).report).toMatchObject({ encoding: 'utf-8', written: 1 });
	});
});

describe('output header and empty results', () => {
	it('can switch the header row off', () => {
		expect(fromSjis(convert(sjis(`${row}\r\n`), { header: false }).output)).toBe(`${line}\r\n`);
	});

	it('writes the header alone when every row fails', () => {
		const { output, report } = convert(sjis(`${returnHeader}\r\nUS-1,1,X,1,!\r\n`));
		expect(fromSjis(output)).toBe(`${importHeader}\r\n`);
		expect(report).toMatchObject({ rows: 1, written: 0, failed: 1, refused: false });
	});

	it('writes an empty file when every row fails and the header is off', () => {
		const { output } = convert(sjis(`US-1,1,X,1,!\r\n`), { header: false, outputEncoding: 'utf-8-bom' });
		expect(output).toEqual(new Uint8Array(0));
	});

	it.each([
		['an empty file', new Uint8Array(0), 'empty-file'],
		['blank lines only', utf8('\r\n\r\n,,,\r\n'), 'empty-file'],
		['a header only', sjis(`${returnHeader}\r\n`), 'header-only'],
		['a UTF-8 BOM only', utf8('', true), 'empty-file']
	])('refuses %s with one whole-file error', (_, bytes, code) => {
		const { output, report } = convert(bytes);
		expect(output).toBeNull();
		expect(report.problems).toEqual([expect.objectContaining({ row: 0, column: 0, severity: 'error', code })]);
	});
});

describe('a full card number refuses the whole file', () => {
	it.each([
		['in an ignored column', `${returnHeader},memo\r\n${row},card 4111 1111 1111 1111\r\n`, 2, 6],
		['in the header', `${returnHeader},4111111111111111\r\n${row}\r\n`, 1, 6],
		['in a malformed row', `${returnHeader}\r\n${row}\r\nUS-1,"4111111111111111\r\n`, 3, 2],
		['as the token', `${returnHeader}\r\nUS-00010000,111,VISA,2912,AB4111-1111-1111-1111\r\n`, 2, 5]
	])('%s', (_, text, row, column) => {
		const { output, report } = convert(sjis(text));
		expect(output).toBeNull();
		expect(report.refused).toBe(true);
		const found = report.problems.filter((p) => p.code === 'card-number-found');
		expect(found).toEqual([expect.objectContaining({ row, column, severity: 'error' })]);
		expect(found[0].message).toContain('カード番号の全桁');
		expect(JSON.stringify(report)).not.toMatch(/4111.?1111/);
	});
});

describe('streaming', () => {
	it('gives the same bytes and report however the input is chunked', () => {
		const input = fixture('yamato-return.sjis.csv');
		const whole = convert(input);
		for (let cut = 1; cut < input.length; cut++) {
			const converter = createYamatoReturnConverter({ today });
			const parts = splitAt(input, [cut, cut + 7]).map((part) => converter.push(part));
			const last = converter.finish();
			expect(joinBytes([...parts, last.output!])).toEqual(whole.output);
			expect(last.report).toEqual(whole.report);
		}
	});

	it('hands out rows as they pass', () => {
		const converter = createYamatoReturnConverter({ today });
		const text = `${row}\r\n`.repeat(3000);
		expect(converter.push(sjis(text)).length).toBeGreaterThan(0);
		expect(converter.finish().report.written).toBe(3000);
	});
});

it('reports rows counting blank lines and the header', () => {
	const { report } = convert(sjis(`${returnHeader}\r\n\r\n${row}\r\nbad"row\r\n`));
	expect(report.rows).toBe(2);
	expect(report.problems.map((p) => [p.row, p.code])).toEqual([[4, 'stray-quote']]);
});
