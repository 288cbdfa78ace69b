import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	createByteDecoder,
	createCsvReader,
	customerIdListCsv,
	maskToken,
	multiCardListCsv,
	neutralizeFormula,
	problemsCsv,
	sha256Hex,
	toPeopleCsv,
	writeCsv,
	type OutputEncoding
} from '$lib/domain';
import { fromSjis, utf8 } from './helpers';

function readBack(bytes: Uint8Array): string[][] {
	const decoder = createByteDecoder('auto');
	const reader = createCsvReader();
	const text = decoder.push(bytes) + decoder.finish();
	return [...reader.push(text), ...reader.finish()].map((record) => record.fields);
}

describe('formula neutralising for people', () => {
	it.each([
		['=SUM(A1)', "'=SUM(A1)"],
		['+81', "'+81"],
		['-1', "'-1"],
		['@cmd', "'@cmd"],
		['\tx', "'\tx"],
		['\rx', "'\rx"],
		['\nx', "'\nx"],
		['＝1', "'＝1"],
		['＋1', "'＋1"],
		['－1', "'－1"],
		['＠1', "'＠1"],
		['a=1', 'a=1'],
		['', '']
	])('%j → %j', (value, expected) => expect(neutralizeFormula(value)).toBe(expected));

	it('writes a people CSV with quoting, CRLF and a leading quote on formulas', () => {
		expect(fromSjis(toPeopleCsv([['名前', '式'], ['山田, 太郎', '=1+1'], ['"引用"', 'x']]))).toBe(
			'名前,式\r\n"山田, 太郎",\'=1+1\r\n"""引用""",x\r\n'
		);
	});

	it('writes UTF-8 with BOM on request', () => {
		expect(toPeopleCsv([['a']], { encoding: 'utf-8-bom' })).toEqual(utf8('a\r\n', true));
	});
});

describe('lists for people', () => {
	it('problems report: 行数, 列, 重要度, コード, 内容', () => {
		const csv = fromSjis(
			problemsCsv([
				{ row: 0, column: 0, severity: 'error', code: 'empty-file', message: 'なし', params: {} },
				{ row: 12, column: 4, severity: 'warning', code: 'card-expired', message: '-期限', params: {} }
			])
		);
		expect(csv).toBe('行数,列,重要度,コード,内容\r\nファイル全体,,エラー,empty-file,なし\r\n12,4,警告,card-expired,\'-期限\r\n');
	});

	it('multi-card list: one line per card row', () => {
		expect(fromSjis(multiCardListCsv([{ customerId: 'US-00010001', rows: [2, 5] }]))).toBe(
			'サブスクストアの顧客ID,カード枚数,行数\r\nUS-00010001,2,2\r\nUS-00010001,2,5\r\n'
		);
	});

	it('customer ID list', () => {
		expect(fromSjis(customerIdListCsv(['US-00010001']))).toBe('サブスクストアの顧客ID\r\nUS-00010001\r\n');
	});
});

describe('round trip: parse(write(rows)) === rows', () => {
	const piece = fc.oneof(
		fc.constantFrom(',', '"', '""', '\r', '\n', '\r\n', '\uFEFF', 'ｶ', 'カ', '髙', '①', '𠮷', '😀', ' ', '\t', '＝', '，'),
		fc.string({ unit: 'grapheme', maxLength: 4 }).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''))
	);
	const cell = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
	const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });

	it('in UTF-8 with BOM, for any text', () => {
		fc.assert(
			fc.property(rows, (table) => {
				expect(readBack(writeCsv(table, { encoding: 'utf-8-bom' }))).toEqual(table);
			}),
			{ numRuns: 500 }
		);
	});

	it('in Shift_JIS, for text Shift_JIS can hold', () => {
		const sjisCell = fc
			.array(fc.constantFrom(',', '"', '\r\n', '\n', 'ｶ', 'カ', '髙', '①', '山田', 'a', ' ', '0'), { maxLength: 6 })
			.map((p) => p.join(''));
		const table = fc.array(fc.array(sjisCell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });
		const encoding: OutputEncoding = 'shift_jis';
		fc.assert(
			fc.property(table, (t) => {
				expect(readBack(writeCsv(t, { encoding }))).toEqual(t);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('masking and hashing', () => {
	it.each([
		['AbCdEf0123456789xyZ1', '****…xyZ1'],
		['abcdefghi', '****…fghi'],
		['short', '****'],
		['', '****']
	])('maskToken(%j) = %j', (token, masked) => expect(maskToken(token)).toBe(masked));

	it('hashes with SHA-256', async () => {
		expect(await sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
});
