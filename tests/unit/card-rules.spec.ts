import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertYamatoReturn, type YamatoReturnOptions } from '$lib/domain';
import { fromSjis, importHeader, returnHeader, sjis, today } from './helpers';

const token = 'AbCdEf0123456789xyZ1';

/** Converts one data row (after the fixture's header) and returns what became of it. */
function convertRow(row: string, options: YamatoReturnOptions = {}) {
	const { output, report } = convertYamatoReturn(sjis(`${returnHeader}\r\n${row}\r\n`), { today, ...options });
	const lines = fromSjis(output).split('\r\n').filter(Boolean);
	return {
		line: lines[1] ?? null,
		problems: report.problems.map((p) => `${p.severity}:${p.code}@${p.row},${p.column}`),
		report
	};
}

describe('errors keep the row out', () => {
	it.each([
		['missing customer ID', `,111,VISA,2912,${token}`, 'error:missing-value@2,1'],
		['missing tail', `US-00010000,,VISA,2912,${token}`, 'error:missing-value@2,2'],
		['missing brand', `US-00010000,111,,2912,${token}`, 'error:missing-value@2,3'],
		['missing expiry', `US-00010000,111,VISA,,${token}`, 'error:missing-value@2,4'],
		['missing token', 'US-00010000,111,VISA,2912,', 'error:missing-value@2,5'],
		['short row: one problem for the row, not one per missing column', 'US-00010000,111,VISA', 'error:missing-cells@2,4'],
		['unknown brand', `US-00010000,111,DISCOVER,2912,${token}`, 'error:unknown-brand@2,3'],
		['tail too long', `US-00010000,1111,VISA,2912,${token}`, 'error:bad-tail@2,2'],
		['tail not digits', `US-00010000,1a1,VISA,2912,${token}`, 'error:bad-tail@2,2'],
		['expiry with a slash', `US-00010000,111,VISA,12/29,${token}`, 'error:bad-expiry@2,4'],
		['expiry of 5 digits', `US-00010000,111,VISA,29120,${token}`, 'error:bad-expiry@2,4'],
		['expiry YYYYMM of another century', `US-00010000,111,VISA,192912,${token}`, 'error:bad-expiry@2,4'],
		['month 13', `US-00010000,111,VISA,2913,${token}`, 'error:bad-month@2,4'],
		['month 00', `US-00010000,111,VISA,2900,${token}`, 'error:bad-month@2,4'],
		['token with a space inside (SPEC: never repaired)', `US-00010000,111,VISA,2912,Ab Cd`, 'error:space-inside-value@2,5'],
		['token starting with a symbol', `US-00010000,111,VISA,2912,=cmd`, 'error:bad-token@2,5'],
		['token with full-width letters', `US-00010000,111,VISA,2912,ＡＢＣ`, 'error:bad-token@2,5'],
		['customer ID pattern', `US-0001,111,VISA,2912,${token}`, 'error:bad-customer-id@2,1'],
		['stray quote', `US-00010000,111,VI"SA,2912,${token}`, 'error:stray-quote@2,3']
	])('%s', (_, row, problem) => {
		const result = convertRow(row);
		expect(result.line).toBeNull();
		expect(result.problems).toContain(problem);
		expect(result.report).toMatchObject({ rows: 1, written: 0, failed: 1, failedRows: [2] });
	});

	it('gives the house-style message for a bad month', () => {
		const { report } = convertRow(`US-00010000,111,VISA,2913,${token}`);
		expect(report.problems[0].message).toBe('2行目の有効期限「2913」は月が13です。YYMM形式（例：2912）で入力してください。');
	});

	it('masks the token in its message', () => {
		const { report } = convertRow('US-00010000,111,VISA,2912,Secret Token xyZ1');
		expect(report.problems[0].message).toContain('****…xyZ1');
		expect(JSON.stringify(report)).not.toContain('Secret');
	});
});

describe('repairs are warnings, the row is written', () => {
	it.each([
		['brand Visa', `US-00010000,111,Visa,2912,${token}`, 'VISA', 'warning:brand-normalized@2,3'],
		['brand MasterCard', `US-00010000,111,MasterCard,2912,${token}`, 'MASTER', 'warning:brand-normalized@2,3'],
		['brand Master Card', `US-00010000,111,Master Card,2912,${token}`, 'MASTER', 'warning:brand-normalized@2,3'],
		['brand American Express', `US-00010000,111,American Express,2912,${token}`, 'AMEX', 'warning:brand-normalized@2,3'],
		['brand Diners Club', `US-00010000,111,Diners Club,2912,${token}`, 'DINERS', 'warning:brand-normalized@2,3'],
		['brand full-width', `US-00010000,111,ＪＣＢ,2912,${token}`, 'JCB', 'warning:brand-normalized@2,3'],
		['brand lower case', `US-00010000,111,jcb,2912,${token}`, 'JCB', 'warning:brand-normalized@2,3'],
		['tail of 2 digits', `US-00010000,11,VISA,2912,${token}`, '011', 'warning:tail-padded@2,2'],
		['tail of 1 digit', `US-00010000,7,VISA,2912,${token}`, '007', 'warning:tail-padded@2,2'],
		['expiry YYYYMM', `US-00010000,111,VISA,202912,${token}`, '2912', 'warning:expiry-yyyymm@2,4'],
		['expiry of 3 digits', `US-00010000,111,VISA,912,${token}`, '0912', 'warning:expiry-padded@2,4'],
		['spaces around the ID', ` US-00010000 ,111,VISA,2912,${token}`, 'US-00010000', 'warning:trimmed-spaces@2,1'],
		['full-width space around the token', `US-00010000,111,VISA,2912,　${token}`, token, 'warning:trimmed-spaces@2,5']
	])('%s', (_, row, written, problem) => {
		const result = convertRow(row);
		expect(result.line).toContain(written);
		expect(result.problems).toContain(problem);
		expect(result.report).toMatchObject({ written: 1, failed: 0 });
	});
});

describe('expiry against today in Asia/Tokyo', () => {
	it.each([
		['2611', false],
		['2610', true],
		['2612', false],
		['2511', true]
	])('on 2026-11-28 %s expired: %s', (expiry, isExpired) => {
		const result = convertRow(`US-00010000,111,VISA,${expiry},${token}`);
		expect(result.line).not.toBeNull();
		expect(result.problems.includes('warning:card-expired@2,4')).toBe(isExpired);
		expect(result.report.reconciliation.expiredCards.length).toBe(isExpired ? 1 : 0);
	});

	it('uses the Tokyo date: 2026-11-30T15:30Z is already December there', () => {
		const result = convertRow(`US-00010000,111,VISA,2611,${token}`, { today: new Date('2026-11-30T15:30:00Z') });
		expect(result.problems).toContain('warning:card-expired@2,4');
	});
});

describe('MMYY', () => {
	const rows = ['US-00010000,111,VISA,1229', 'US-00010001,111,VISA,0130', 'US-00010002,111,VISA,1231']
		.map((r) => `${r},${token}`)
		.join('\r\n');

	it('suggests MMYY when values are impossible as YYMM but valid as MMYY, never guessing per row', () => {
		const { output, report } = convertYamatoReturn(sjis(`${returnHeader}\r\n${rows}\r\n`), { today });
		expect(report.suggestedExpiryOrder).toBe('MMYY');
		expect(report.problems.filter((p) => p.code === 'expiry-looks-mmyy').map((p) => p.row)).toEqual([2, 3, 4]);
		expect(fromSjis(output)).toBe(`${importHeader}\r\n`);
	});

	it('reads the whole column as MMYY when told so', () => {
		const { output, report } = convertYamatoReturn(sjis(`${returnHeader}\r\n${rows}\r\n`), { today, expiryOrder: 'MMYY' });
		expect(report.problems).toEqual([]);
		expect(report.suggestedExpiryOrder).toBeUndefined();
		const lines = fromSjis(output).split('\r\n').filter(Boolean).slice(1);
		expect(lines.map((l) => l.split(',')[7])).toEqual(['2912', '3001', '3112']);
	});

	it('does not suggest MMYY when other values only make sense as YYMM', () => {
		const { report } = convertRow(`US-00010000,111,VISA,1229,${token}\r\nUS-00010001,111,VISA,2912,${token}`);
		expect(report.suggestedExpiryOrder).toBeUndefined();
	});
});

describe('customers', () => {
	it('checks existence against a loaded customer list', () => {
		const customerIds = new Set(['US-00010000']);
		const result = convertRow(`US-00010000,111,VISA,2912,${token}\r\nUS-00010009,111,VISA,2912,${token}`, { customerIds });
		expect(result.problems).toEqual(['error:unknown-customer@3,1']);
		expect(result.report.reconciliation.unknownCustomerIds).toEqual([{ customerId: 'US-00010009', rows: [3] }]);
	});

	it('takes a configurable customer ID pattern', () => {
		const result = convertRow(`C-1,111,VISA,2912,${token}`, { customerIdPattern: /^C-\d+$/ });
		expect(result.line).toBe(`YAMATO,C-1,111,VISA,,,0,2912,${token}`);
	});

	it('warns on every row of a customer with several cards, failed rows included', () => {
		const rows = [
			`US-00010001,111,VISA,2912,${token}`,
			`US-00010002,222,VISA,2912,${token}`,
			`US-00010001,333,JCB,2912,${token}`,
			`US-00010001,444,NOPE,2912,${token}`
		].join('\r\n');
		const { report } = convertRow(rows);
		const warned = report.problems.filter((p) => p.code === 'multiple-cards');
		expect(warned.map((p) => [p.row, p.column])).toEqual([[2, 1], [4, 1], [5, 1]]);
		expect(warned[0].message).toContain('3枚');
		expect(report.reconciliation.multiCardCustomers).toEqual([{ customerId: 'US-00010001', rows: [2, 4, 5] }]);
		expect(report.reconciliation.returnedCustomerIds).toEqual(['US-00010001', 'US-00010002']);
	});

	it('lists sent customers that did not come back, when told who was sent', () => {
		const sentCustomerIds = ['US-00010003', 'US-00010000', 'X-1'];
		const { report } = convertRow(`US-00010000,111,VISA,2912,${token}`, { sentCustomerIds });
		expect(report.reconciliation.notReturnedCustomerIds).toEqual(['US-00010003', 'X-1']);
		expect(JSON.parse(JSON.stringify(report)).reconciliation.returnedCustomerIds).toEqual(['US-00010000']);
		expect(structuredClone(report).reconciliation.returnedCustomerIds).toEqual(['US-00010000']);
	});

	// Issue 14: the search for the sent customers not returned (a million of them on each side) tells
	// how far it is. Its reports never go back, stay within their total and end at it when the sent
	// IDs are an array, and listening changes nothing of the result (the one path for every caller).
	it('reports how far the search for sent customers not returned is, without changing what it finds', () => {
		const id = fc.oneof(fc.integer({ min: 10000, max: 10040 }).map((n) => `US-${String(n).padStart(8, '0')}`), fc.constantFrom('X-1', 'C7', ''));
		fc.assert(
			fc.property(fc.array(id, { maxLength: 30 }), fc.array(id, { maxLength: 60 }), (returned, sentCustomerIds) => {
				const rows = returned.map((customerId) => `${customerId},111,VISA,2912,${token}`).join('\r\n');
				const heard: [number, number][] = [];
				const quiet = convertRow(rows, { sentCustomerIds }).report.reconciliation;
				const told = convertRow(rows, { sentCustomerIds, onFinishProgress: (done, of) => heard.push([done, of]) }).report.reconciliation;
				expect(told.notReturnedCustomerIds).toEqual(quiet.notReturnedCustomerIds);
				for (let i = 0; i < heard.length; i++) {
					expect(heard[i][0]).toBeLessThanOrEqual(heard[i][1]);
					if (i > 0) expect(heard[i][0]).toBeGreaterThanOrEqual(heard[i - 1][0]);
				}
				// Each of the passes reports where it starts: the search is never silent.
				if (sentCustomerIds.length > 0) expect(heard.length).toBeGreaterThan(0);
			})
		);
	});
});

describe('problems are sorted by row, then column', () => {
	it('even when added out of order', () => {
		const { report } = convertRow(`US-00010001,1,visa,2913,${token}\r\n US-00010001,1111,VISA,2912,${token}`);
		const places = report.problems.map((p) => [p.row, p.column]);
		expect(places).toEqual([...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
	});
});

it('writes the import file header exactly', () => {
	expect(convertRow(`US-00010000,111,VISA,2912,${token}`).report.written).toBe(1);
	const { output } = convertYamatoReturn(sjis(`${returnHeader}\r\nUS-00010000,111,VISA,2912,${token}\r\n`), { today });
	expect(fromSjis(output).split('\r\n')[0]).toBe(importHeader);
});
