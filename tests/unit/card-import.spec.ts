import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCardImportFile, createCardImportChecker } from '$lib/domain';
import { splitPlainLine } from '$lib/domain/import/card-import-checker';
import { codesAt, fixture, importHeader, sjis, today } from './helpers';

const token = 'AbCdEf0123456789xyZ1';
const customerIds = new Set(['US-00010000', 'US-00010001', 'US-00010002']);
const check = (text: string, options = {}) =>
	checkCardImportFile(sjis(text), { today, customerIds, settings: { service: 'YAMATO', availability: 'visible' }, ...options });

describe('card import file (step e)', () => {
	it('takes the file that step d wrote', () => {
		const { cards, report } = checkCardImportFile(fixture('yamato-return.card-import.expected.sjis.csv'), { today, customerIds });
		expect(report).toMatchObject({ rows: 3, written: 3, hasHeader: true, problems: [] });
		expect(cards[1]).toEqual({ row: 3, customerId: 'US-00010001', last3: '042', brand: 'JCB', expiry: '2803', token: 'QwErTy9876543210abC2' });
	});

	it('reads a file without header in the 9-column order', () => {
		const { cards, report } = check(`YAMATO,US-00010000,111,VISA,,,,2912,${token}\r\n`);
		expect(report.hasHeader).toBe(false);
		expect(cards).toHaveLength(1);
	});

	it.each([
		['another provider', `GMO,US-00010000,111,VISA,,,0,2912,${token}`, 'service-mismatch@2,1'],
		['a card holder name', `YAMATO,US-00010000,111,VISA,TARO,,0,2912,${token}`, 'not-blank@2,5'],
		['a SEND ID', `YAMATO,US-00010000,111,VISA,,X1,0,2912,${token}`, 'not-blank@2,6'],
		['a serial other than 0', `YAMATO,US-00010000,111,VISA,,,1,2912,${token}`, 'bad-serial@2,7'],
		['a customer not in the registry', `YAMATO,US-00010009,111,VISA,,,0,2912,${token}`, 'unknown-customer@2,2'],
		['a bad month (same rules as step d)', `YAMATO,US-00010000,111,VISA,,,0,2913,${token}`, 'bad-month@2,8']
	])('errs on %s', (_, row, problem) => {
		const { cards, report } = check(`${importHeader}\r\n${row}\r\n`);
		expect(cards).toEqual([]);
		expect(codesAt(report)).toContain(problem);
		expect(report.failedRows).toEqual([2]);
	});

	it('is refused when settings do not allow an import', () => {
		const { cards, report } = check(`${importHeader}\r\nYAMATO,US-00010000,111,VISA,,,0,2912,${token}\r\n`, {
			settings: { service: 'YAMATO', availability: 'disabled' }
		});
		expect(cards).toEqual([]);
		expect(report.problems).toEqual([expect.objectContaining({ row: 0, column: 0, code: 'import-not-allowed' })]);
	});

	it('warns about several cards of one customer', () => {
		const rows = [1, 2].map((n) => `YAMATO,US-00010000,11${n},VISA,,,0,2912,${token}`).join('\r\n');
		const { cards, report } = check(`${rows}\r\n`);
		expect(cards).toHaveLength(2);
		expect(codesAt(report)).toEqual(['multiple-cards@1,2', 'multiple-cards@2,2']);
	});

	it('streams: cards come out as they pass', () => {
		const checker = createCardImportChecker({ today, customerIds });
		const cards = checker.push(sjis(`YAMATO,US-00010000,111,VISA,,,0,2912,${token}\r\n`.repeat(10)));
		const last = checker.finish();
		expect(cards.length + last.cards.length).toBe(10);
	});
});

describe('splitPlainLine', () => {
	// One array serves every line: a line with fewer cells than the one before must not keep its extra cells.
	it('gives the cells split() gives, line after line into the same array', () => {
		const cell = fc.string({ unit: fc.constantFrom('a', '0', ' ', '\u3042', ',', ''), maxLength: 12 });
		fc.assert(
			fc.property(fc.array(fc.array(cell, { maxLength: 12 }).map((cells) => cells.join(',')), { maxLength: 8 }), (lines) => {
				const into: string[] = [];
				for (const line of lines) expect(splitPlainLine(line, into)).toEqual(line.split(','));
			}),
			{ numRuns: 500 }
		);
	});
});
