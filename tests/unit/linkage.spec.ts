import { describe, expect, it } from 'vitest';
import { buildLinkageCsv, buildLinkageCsvFromRecords } from '$lib/domain';
import { codesAt, fromSjis, sjis, utf8 } from './helpers';

const header = 'サブスクストアの顧客ID,旧カートの顧客番号(連携用ID),氏名';
const outHeader = '旧カートの顧客番号(連携用ID),サブスクストアの顧客ID';
const build = (body: string, options = {}) => buildLinkageCsv(sjis(`${header}\r\n${body}`), options);

describe('linkage CSV (step c)', () => {
	it('writes the two columns in list order', () => {
		const { output, report } = build('US-00010002,C2,b\r\nUS-00010001,C1,a\r\n');
		expect(fromSjis(output)).toBe(`${outHeader}\r\nC2,US-00010002\r\nC1,US-00010001\r\n`);
		expect(report).toMatchObject({ rows: 2, written: 2, hasHeader: true });
	});

	it('finds the columns in any order and with loose names', () => {
		const { output, report } = buildLinkageCsv(utf8('名前,連携用ID,顧客ID\r\nx,C9,US-00010009\r\n'));
		expect(fromSjis(output)).toBe(`${outHeader}\r\nC9,US-00010009\r\n`);
		expect(report.mapping).toEqual({ customerId: 3, linkageId: 2 });
	});

	it('warns about a customer without 連携用ID and leaves it out', () => {
		const { output, report } = build('US-00010001,,a\r\n');
		expect(fromSjis(output)).toBe(`${outHeader}\r\n`);
		expect(report.problems[0]).toMatchObject({ row: 2, column: 2, severity: 'warning', code: 'no-linkage-id' });
	});

	it.each([
		['a duplicated 連携用ID', 'US-00010001,C1,a\r\nUS-00010002,C1,b\r\nUS-00010003,C3,c\r\n', ['duplicate-linkage-id@2,2', 'duplicate-linkage-id@3,2']],
		['a duplicated customer ID', 'US-00010001,C1,a\r\nUS-00010001,C2,b\r\nUS-00010003,C3,c\r\n', ['duplicate-customer-id@2,1', 'duplicate-customer-id@3,1']]
	])('errs on every row of %s, writing none of them', (_, body, expected) => {
		const { output, report } = build(body);
		expect(codesAt(report)).toEqual(expected);
		expect(fromSjis(output)).toBe(`${outHeader}\r\nC3,US-00010003\r\n`);
		expect(report).toMatchObject({ written: 1, failed: 2, failedRows: [2, 3] });
	});

	it.each([
		['starting with =', '=HYPERLINK(1)', 'bad-linkage-id'],
		['starting with -', '-1', 'bad-linkage-id'],
		['holding a space', 'C 1', 'space-inside-value'],
		['holding a comma', '"C,1"', 'bad-linkage-id'],
		['holding a quote', '"C""1"', 'bad-linkage-id']
	])('refuses a 連携用ID %s', (_, value, code) => {
		const { report } = build(`US-00010001,${value},a\r\n`);
		expect(codesAt(report)).toEqual([`${code}@2,2`]);
	});

	it('errs on a customer ID off the pattern, and on a missing one', () => {
		expect(codesAt(build('US-1,C1,a\r\n,C2,b\r\n').report)).toEqual(['bad-customer-id@2,1', 'missing-value@3,1']);
	});

	it('accepts a 連携用ID in Japanese, and says when Shift_JIS cannot hold it', () => {
		expect(fromSjis(build('US-00010001,会員１,a\r\n').output)).toBe(`${outHeader}\r\n会員１,US-00010001\r\n`);
		const emoji = utf8(`${header}\r\nUS-00010001,C😀,a\r\n`);
		expect(codesAt(buildLinkageCsv(emoji).report)).toEqual(['not-encodable@2,2']);
		const bom = buildLinkageCsv(emoji, { outputEncoding: 'utf-8-bom' });
		expect(bom.output).toEqual(utf8(`${outHeader}\r\nC😀,US-00010001\r\n`, true));
	});

	it('refuses a list without a header naming both columns (one error at row 1, column 0)', () => {
		const { output, report } = buildLinkageCsv(sjis('US-00010001,C1\r\n'));
		expect(output).toBeNull();
		expect(report.problems).toEqual([expect.objectContaining({ row: 1, column: 0, code: 'missing-header' })]);
	});

	it('can leave the header out', () => {
		expect(fromSjis(build('US-00010001,C1,a\r\n', { header: false }).output)).toBe('C1,US-00010001\r\n');
	});

	it('builds the same file from registry records', () => {
		const records = [
			{ customerId: 'US-00010000', linkageId: 'C0001' },
			{ customerId: 'US-00010001', linkageId: 'C0002' },
			{ customerId: 'US-00010002', linkageId: 'C0003' },
			{ customerId: 'US-00010003' }
		];
		const { output, report } = buildLinkageCsvFromRecords(records);
		expect(fromSjis(output)).toBe(`${outHeader}\r\nC0001,US-00010000\r\nC0002,US-00010001\r\nC0003,US-00010002\r\n`);
		expect(codesAt(report)).toEqual(['no-linkage-id@4,2']);
	});

	it('refuses a list holding a card number', () => {
		const { output, report } = build('US-00010001,C1,4111111111111111\r\n');
		expect(output).toBeNull();
		expect(codesAt(report)).toEqual(['card-number-found@2,3']);
	});
});
