import { describe, expect, it } from 'vitest';
import { convertYamatoReturn } from '../convert/convert-yamato-return';
import { displayHeaderCells } from './header-cells';
import { yamatoReturnColumns } from './columns';

const today = new Date('2026-11-28T00:00:00+09:00');
const token = 'AbCdEf0123456789xyZ1';
const encode = (text: string) => new TextEncoder().encode(text);

// Operator trial: with the first row forced to be the header, the mapping list showed the customer
// ID column as 「1列目：****…0000」. A cell is masked only when it may be a token or a card number;
// a value a rule recognises as no secret (a customer ID of the default shape, a card brand) tells
// the operator which column is which. Every kind of column, in a header row and in a forced one.
describe('header cells: every kind of column, in a named header and in a forced data row', () => {
	it.each<[string, string, string]>([
		['customer ID', 'US-00010000', 'US-00010000'],
		['customer ID with spaces around', ' US-00010000\u3000', 'US-00010000'],
		['last 3 digits', '011', '011'],
		['brand', 'VISA', 'VISA'],
		['brand alias of 8 characters or more', 'American Express', 'American Express'],
		['brand alias', 'MasterCard', 'MasterCard'],
		['expiry', '2912', '2912'],
		['expiry YYYYMM', '202912', '202912'],
		['auth key', token, '****…xyZ1'],
		['a short auth key', 'Ab3De6Gh', '****'],
		['an auth key in the customer ID column', `US-${token}`, '****…xyZ1'],
		['a customer ID of another shape, token-like', 'CUST00010000X', '****…000X'],
		['a long run of digits', '12345678901234567890', '****…7890']
	])('forced data row: %s', (_name, cell, shown) => {
		expect(displayHeaderCells([cell], yamatoReturnColumns)).toEqual([shown]);
	});

	it.each<[string, string]>([
		['customer ID', 'サブスクストアの顧客ID'],
		['last 3 digits', 'カード番号下3桁'],
		['brand', 'card brand'],
		['expiry', '有効期限'],
		['auth key', 'クロネコwebコレクトカード認証キー']
	])('named header: %s is shown whole', (_name, cell) => {
		expect(displayHeaderCells([cell], yamatoReturnColumns)).toEqual([cell]);
	});

	it('a forced first row of the return file: customer ID and brand shown, the auth key masked', () => {
		const text = `US-00010000,111,American Express,2912,${token}\r\nUS-00010001,222,VISA,2912,${token}X\r\n`;
		const { report } = convertYamatoReturn(encode(text), { today, firstRowIsHeader: true, columns: { customerId: 1, last3: 2, brand: 3, expiry: 4, token: 5 } });
		expect(report.headerCells).toEqual(['US-00010000', '111', 'American Express', '2912', '****…xyZ1']);
		expect(JSON.stringify(report)).not.toContain(token);
	});
});
