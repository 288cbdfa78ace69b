import { describe, expect, it } from 'vitest';
import { convertYamatoReturn } from '$lib/domain';
import { customerIdOfFailedRow } from '$lib/domain/report/reconcile';
import { defaultCustomerIdPattern } from '$lib/domain/rules/patterns';
import { returnHeader, sjis, today } from './helpers';

const token = 'AbCdEf0123456789xyZ1';
const sent = ['US-00010000', 'US-00010001', 'US-00010002'];

/** Step d over one data row for US-00010001 (beside a good row for US-00010000), told who was sent. */
function reconcile(row: string, withHeader = true) {
	const good = `US-00010000,111,VISA,2912,${token}`;
	const text = `${withHeader ? `${returnHeader}\r\n` : ''}${good}\r\n${row}\r\n`;
	const { report } = convertYamatoReturn(sjis(text), { today, sentCustomerIds: sent });
	return { report, codes: report.problems.filter((p) => p.row > 1 && p.severity === 'error').map((p) => p.code) };
}

// SPEC "Reconciliation": a row that came back counts its customer as returned, whatever made it fail.
describe('a returned row that failed still counts its customer as returned', () => {
	it.each([
		['failed its rules, read whole', `US-00010001,111,VISA,2913,${token}`, 'bad-month'],
		['a cell lost (missing-cells)', `US-00010001,111,VISA,${token}`, 'missing-cells'],
		['a cell lost before the ID column (missing-cells)', `US-00010001,VISA,2912,${token}`, 'missing-cells'],
		['an empty cell pushed in (shifted-right)', `US-00010001,,111,VISA,2912,${token}`, 'shifted-right'],
		['an empty cell pushed in before the ID (shifted-right)', `,US-00010001,111,VISA,2912,${token}`, 'shifted-right'],
		['a value typed twice (shifted-right)', `US-00010001,111,111,VISA,2912,${token}`, 'shifted-right'],
		['a stray quote (malformed)', `US-00010001,1"11,VISA,2912,${token}`, 'stray-quote'],
		['spaces around the ID, row short', ` US-00010001 ,111,VISA,2912`, 'missing-cells']
	])('%s', (_name, row, code) => {
		const { report, codes } = reconcile(row);
		expect(codes).toContain(code);
		expect(report.reconciliation.notReturnedCustomerIds).toEqual(['US-00010002']);
		expect(report.reconciliation.returnedCustomerIds).toEqual(['US-00010000', 'US-00010001']);
	});

	it('without a header too', () => {
		const { report } = reconcile(`US-00010001,111,VISA,${token}`, false);
		expect(report.reconciliation.notReturnedCustomerIds).toEqual(['US-00010002']);
	});

	it('a failed row whose ID is nowhere to be found leaves its customer not returned', () => {
		const { report } = reconcile(`,,111,VISA,2912`);
		expect(report.reconciliation.notReturnedCustomerIds).toEqual(['US-00010001', 'US-00010002']);
	});
});

describe('customerIdOfFailedRow', () => {
	it.each([
		['the mapped cell', ['US-00010001', '111'], 1, 'US-00010001'],
		['trimmed, no-break spaces too', ['\u00a0US-00010001 ', '111'], 1, 'US-00010001'],
		['one right (a value pushed in)', ['', 'US-00010001'], 1, 'US-00010001'],
		['one left (a value lost)', ['US-00010001', '111'], 2, 'US-00010001'],
		['the mapped cell before its neighbours', ['US-00010009', 'US-00010001', 'US-00010002'], 2, 'US-00010001'],
		['none of the pattern', ['US-1', 'x', 'US-0001000'], 2, null],
		['two away is not looked at', ['', '', 'US-00010001'], 1, null],
		['past the row', ['111'], 4, null]
	])('%s', (_name, cells, column, expected) => {
		expect(customerIdOfFailedRow(cells, column, defaultCustomerIdPattern)).toBe(expected);
	});
});
