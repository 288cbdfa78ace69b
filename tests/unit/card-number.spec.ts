import { describe, expect, it } from 'vitest';
import { containsCardNumber, findCardNumberColumn, hasBrandPrefix, hasLongDigitRun, passesLuhn } from '$lib/domain';

const digits = (s: string) => [...s].map(Number);

describe('full card number guard', () => {
	it.each([
		['Visa test number', '4111111111111111', true],
		['with single spaces', '4111 1111 1111 1111', true],
		['with hyphens', '4111-1111-1111-1111', true],
		['full-width digits', '４１１１１１１１１１１１１１１１', true],
		['inside text', 'カード:4111111111111111です', true],
		['Mastercard 51', '5105105105105100', true],
		['Mastercard 2-series', '2223003122003222', true],
		['AMEX 15 digits', '378282246310005', true],
		['JCB', '3530111333300000', true],
		['Diners 14 digits', '30569309025904', true],
		['Discover', '6011111111111117', true],
		['UnionPay 19 digits', '6212345678901265', true],
		['Visa 13 digits: not a card today (SPEC: Visa 16–19)', '4222222222222', false],
		['Visa 19 digits', '4111111111111111110', true],
		['PAN glued to its expiry: a contiguous 20-digit run is not scanned', '41111111111111111229', false],
		['PAN, a space, then its expiry', '4111111111111111 1229', true],
		// Candidates are whole digit groups: an 18-digit number starting 99 is no card, whatever 16 digits inside it are.
		['PAN inside a longer contiguous number: judged as that number', '994111111111111111', false],
		['PAN behind other digits and a separator', '99 4111111111111111', true],
		['a 19-digit ID a spreadsheet rounded (a 16-digit PAN at its start)', '1234567890123450000', false],
		['the same ID full-width', '１２３４５６７８９０１２３４５００００', false],
		['fails Luhn', '4111111111111112', false],
		['no brand prefix', '9111111111111119', false],
		['too short', '411111111111', false],
		['double space breaks the run', '4111  1111 1111 1111', false],
		['slashes separate groups', '4111/1111/1111/1111', true],
		['a colon is no separator', '4111:1111:1111:1111', false],
		['phone number', '0312345678', false],
		['customer ID', 'US-00010000', false],
		['date time', '2026/11/01 10:00:00', false],
		['token', 'AbCdEf0123456789xyZ1', false],
		['empty', '', false]
	])('%s', (_, value, expected) => {
		expect(containsCardNumber(value)).toBe(expected);
	});

	it('pre-check finds every run of 13 digits, and only those', () => {
		expect(hasLongDigitRun('x1234567890123')).toBe(true);
		expect(hasLongDigitRun('123456789012')).toBe(false);
		expect(hasLongDigitRun('1 2 3 4 5 6 7 8 9 0 1 2 3')).toBe(true);
		expect(hasLongDigitRun('1 2 3 4 5 6 7 8 9 0 1 2  3')).toBe(false);
		expect(hasLongDigitRun('abc-----------------def')).toBe(false);
	});

	it('knows the brand prefixes of SPEC', () => {
		const starts = ['4', '51', '55', '2221', '2720', '34', '37', '3528', '3589', '300', '305', '36', '38', '39', '6011', '62', '644', '649', '65'];
		for (const start of starts) expect(hasBrandPrefix(digits(start.padEnd(16, '0'))), start).toBe(true);
		for (const start of ['50', '56', '2220', '2721', '35', '3527', '3590', '306', '6010', '643', '66', '1', '7', '8', '9']) {
			expect(hasBrandPrefix(digits(start.padEnd(16, '0'))), start).toBe(false);
		}
	});

	it('computes Luhn', () => {
		expect(passesLuhn(digits('79927398713'))).toBe(true);
		expect(passesLuhn(digits('79927398710'))).toBe(false);
	});

	it('names the first field with a card number', () => {
		expect(findCardNumberColumn(['a', 'b', '4111 1111 1111 1111'])).toBe(3);
		expect(findCardNumberColumn(['a', 'b'])).toBe(0);
	});
});
