import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractRows } from './extract-rows';
import { headerRuleOf } from './header-rules';

const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const hex = (value: string) => Uint8Array.from(value.match(/../g)!.map((pair) => parseInt(pair, 16)));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

const returnHeader = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';
const cardFile = headerRuleOf('card-file');
const customers = headerRuleOf('customers');

function extractText(input: string, rows: number[], header = cardFile) {
	const result = extractRows(utf8(input), rows, { encoding: 'utf-8', header });
	if (!result.ok) throw new Error(result.code);
	return text(result.output);
}

describe('extractRows: the failed records as they stand in the file', () => {
	it.each([
		['header then the failed rows, CRLF after each', `${returnHeader}\nA,1\nB,2\nC,3\nD,4\n`, [3, 5], `${returnHeader}\r\nB,2\r\nD,4\r\n`],
		['no header when the first record names no columns', 'A,1\nB,2\nC,3\n', [2], 'B,2\r\n'],
		['CRLF input', `${returnHeader}\r\nA,1\r\nB,2\r\n`, [3], `${returnHeader}\r\nB,2\r\n`],
		['lone CR input', `${returnHeader}\rA,1\rB,2\r`, [2], `${returnHeader}\r\nA,1\r\n`],
		['last record without a line break', `${returnHeader}\nA,1\nB,2`, [3], `${returnHeader}\r\nB,2\r\n`],
		['blank lines count as rows', `${returnHeader}\n\nA,1\n\r\nB,2\n`, [5], `${returnHeader}\r\nB,2\r\n`],
		['quoted field spanning lines is one record, kept whole', `${returnHeader}\n"A\nX",1\nB,2\n`, [2], `${returnHeader}\r\n"A\nX",1\r\n`],
		['rows after a spanning record keep their numbers', `${returnHeader}\n"A\r\nX\r\nY",1\nB,2\nC,3\n`, [4], `${returnHeader}\r\nC,3\r\n`],
		['a stray quote: its line only', `${returnHeader}\nA"x,1\nB,2\n`, [2], `${returnHeader}\r\nA"x,1\r\n`],
		['a quote never closed: its line only, the next line is the next row', `${returnHeader}\nA,"open\nB,2\nC,3\n`, [2, 4], `${returnHeader}\r\nA,"open\r\nC,3\r\n`],
		['quoted values and escaped quotes untouched', `${returnHeader}\n"A,1","say ""hi"""\n`, [2], `${returnHeader}\r\n"A,1","say ""hi"""\r\n`],
		['a failed header row is written once', `${returnHeader},${returnHeader.split(',')[0]}\nA,1\n`, [1, 2], `${returnHeader},${returnHeader.split(',')[0]}\r\nA,1\r\n`],
		['rows in any order come out in file order', `${returnHeader}\nA,1\nB,2\nC,3\n`, [4, 2], `${returnHeader}\r\nA,1\r\nC,3\r\n`],
		['a malformed first record is no detected header', 'A"x,1\nB,2\n', [2], 'B,2\r\n']
	])('%s', (_, input, rows, expected) => {
		expect(extractText(input, rows)).toBe(expected);
	});

	it('takes the first non-blank record as the header when the kind requires one', () => {
		const input = '\n旧カートの顧客番号,氏名\nC1,山田\nC2,"佐藤\n花子"\n';
		expect(extractText(input, [4], customers)).toBe('旧カートの顧客番号,氏名\r\nC2,"佐藤\n花子"\r\n');
	});

	it('gives back rows of the shared old-cart fixture (UTF-8 with BOM, CRLF) byte for byte', () => {
		const input = new Uint8Array(readFileSync('tests/fixtures/oldcart-customers.utf8bom.csv'));
		const lines = Buffer.from(input.subarray(3)).toString('utf8').split('\r\n');
		const result = extractRows(input, [3], { encoding: 'utf-8-bom', header: customers });
		expect(result.ok && Buffer.from(result.output).equals(Buffer.from(`\ufeff${lines[0]}\r\n${lines[2]}\r\n`))).toBe(true);
	});

	it('writes no header when told the file has none', () => {
		expect(extractText(`${returnHeader}\nA,1\n`, [2], null as never)).toBe('A,1\r\n');
	});

	it('reports the rows found and the rows that are no record', () => {
		const result = extractRows(utf8(`${returnHeader}\n\nA,1\n`), [2, 3, 9], { encoding: 'utf-8', header: cardFile });
		expect(result).toMatchObject({ ok: true, hasHeader: true, found: [3], missing: [2, 9] });
	});

	it('gives Shift_JIS bytes back exactly, even where a decode and encode would change them', () => {
		// 髙 (FBFC, IBM), ⅰ (FA40, IBM), ≡ (8791, NEC), 纊 (ED40, NEC-selected IBM), ～ (8160).
		const odd = hex('fbfcfa408791ed408160');
		const head = hex('8cda8b7149442c974c8cf88afa8cc0'); // 顧客ID,有効期限
		const rowA = concat(utf8('A,'), odd, utf8(',1'));
		const rowB = concat(utf8('B,'), hex('8e52938c'), utf8(',2')); // 山田
		const crlf = utf8('\r\n');
		const input = concat(head, utf8('\n'), rowA, crlf, utf8('C,3'), crlf, rowB);
		const result = extractRows(input, [2, 4], { encoding: 'shift_jis', header: cardFile });
		expect(result).toMatchObject({ ok: true, encoding: 'shift_jis', hasHeader: true });
		expect(result.ok && [...result.output]).toEqual([...concat(head, crlf, rowA, crlf, rowB, crlf)]);
	});

	it('keeps the BOM of a UTF-8 file with BOM', () => {
		const input = concat(hex('efbbbf'), utf8(`${returnHeader}\nA,1\n`));
		const result = extractRows(input, [2], { encoding: 'utf-8-bom', header: cardFile });
		expect(result).toMatchObject({ ok: true, encoding: 'utf-8-bom', hasHeader: true });
		expect(result.ok && [...result.output]).toEqual([...concat(hex('efbbbf'), utf8(`${returnHeader}\r\nA,1\r\n`))]);
	});

	it('adds no BOM to a UTF-8 file without one, and detects the encoding when none was recorded', () => {
		const result = extractRows(utf8('A,山田\nB,2\n'), [1], { encoding: 'auto', header: cardFile });
		expect(result).toMatchObject({ ok: true, encoding: 'utf-8' });
		expect(result.ok && text(result.output)).toBe('A,山田\r\n');
	});

	it('reads across slices: a character cut at a slice boundary and rows beyond it', () => {
		const filler = `${'x'.repeat(1000)}\n`.repeat(1100);
		const input = `${returnHeader}\n${filler}髙橋,1\nB,2\n`;
		expect(extractText(input, [1102, 1103])).toBe(`${returnHeader}\r\n髙橋,1\r\nB,2\r\n`);
	});

	it.each([
		['in a failed row', `${returnHeader}\nA,4111111111111111\n`, [2], { row: 2, column: 2 }],
		['in a row that did not fail', `${returnHeader}\nA,1\nB,4111 1111 1111 1111\n`, [2], { row: 3, column: 2 }],
		['in a quoted field spanning lines', `${returnHeader}\nA,1\n"x\n4111-1111-1111-1111",1\n`, [2], { row: 3, column: 1 }]
	])('refuses a file with a full card number %s, and writes nothing', (_, input, rows, where) => {
		expect(extractRows(utf8(input), rows, { encoding: 'utf-8', header: cardFile })).toEqual({
			ok: false,
			code: 'card-number-found',
			...where
		});
	});

	it.each([
		['a binary file', concat(hex('89504e470d0a1a0a'), new Uint8Array(64)), [1], 'not-text'],
		['rows that are not in the file', utf8('A,1\n\nB,2\n'), [2, 7], 'rows-not-found'],
		['no rows asked for', utf8('A,1\n'), [], 'rows-not-found']
	])('refuses %s', (_, input, rows, code) => {
		expect(extractRows(input, rows, { encoding: 'auto', header: cardFile })).toMatchObject({ ok: false, code });
	});

	it('gives back every record of any CSV exactly (property)', () => {
		const cell = fc.oneof(
			fc.stringMatching(/^[a-z0-9 ]{0,6}$/),
			fc.stringMatching(/^[a-z,"\r\n]{0,6}$/).map((value) => `"${value.replaceAll('"', '""')}"`)
		);
		const record = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
		const records = fc.array(record, { minLength: 1, maxLength: 8 }).filter((list) => list.every((r) => r.trim() !== ''));
		const breaks = fc.constantFrom('\n', '\r\n', '\r');
		fc.assert(
			fc.property(records, breaks, (list, lineBreak) => {
				const input = list.join(lineBreak) + lineBreak;
				const rows = list.map((_, i) => i + 1);
				expect(extractText(input, rows, null as never)).toBe(list.map((r) => `${r}\r\n`).join(''));
			})
		);
	});
});
