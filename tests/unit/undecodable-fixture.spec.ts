import { describe, expect, it } from 'vitest';
import { parseOldCartCustomers } from '$lib/domain';
import { extractRows, headerRuleOf } from '$lib/domain/failed-rows';
import { fixture } from './helpers';

// tests/fixtures/real-world/README.md: UTF-8 for 72 KB, then Shift_JIS rows (3002 and 3003).
describe('oldcart-mixed-encoding.csv (一括登録 › 顧客情報)', () => {
	const { customers, report } = parseOldCartCustomers(fixture('real-world/oldcart-mixed-encoding.csv'));

	it('reports the Shift_JIS rows as undecodable, at their rows, in the name column', () => {
		const undecodable = report.problems.filter((p) => p.code === 'undecodable');
		expect(undecodable.map((p) => [p.row, p.column, p.severity])).toEqual([
			[3002, 2, 'error'],
			[3003, 2, 'error']
		]);
		expect(undecodable[0].message).toContain('3002行目2列目');
		expect(undecodable[0].message).toContain('UTF-8かShift_JIS');
		expect(report.failedRows).toEqual([3002, 3003]);
		expect(report.encoding).toBe('utf-8');
	});

	it('registers every UTF-8 row as it is, and nothing garbled', () => {
		expect(customers).toHaveLength(3000);
		expect(customers.map((c) => c.linkageId)).not.toContain('Z1');
		expect(customers[12]).toMatchObject({ row: 14, linkageId: 'C12', name: '山田 太郎12' });
		expect(JSON.stringify({ customers, report })).not.toContain('\uFFFD');
	});
});

describe('failed rows of oldcart-mixed-encoding.csv', () => {
	it('come back as the very bytes of the Shift_JIS rows, under the header written in Shift_JIS', () => {
		const input = fixture('real-world/oldcart-mixed-encoding.csv');
		const result = extractRows(input, [3002, 3003], { encoding: 'utf-8', header: headerRuleOf('customers') });
		if (!result.ok) throw new Error(result.code);
		const lines = Buffer.from(input).toString('latin1').split('\r\n');
		const header = new TextDecoder('utf-8').decode(input.subarray(0, input.indexOf(0x0d)));
		const output = Buffer.from(result.output);
		expect(new TextDecoder('shift_jis', { fatal: true }).decode(output.subarray(0, output.indexOf('\r\n')))).toBe(header);
		expect(output.subarray(output.indexOf('\r\n') + 2).toString('latin1')).toBe(`${lines[3001]}\r\n${lines[3002]}\r\n`);
		expect(result).toMatchObject({ written: 'shift_jis', isHeaderRewritten: true, found: [3002, 3003] });
	});

	it('take a first record that does not decode for a row, not for the header', () => {
		const input = Uint8Array.from([...Buffer.from('C1,'), 0x8e, 0x52, ...Buffer.from('\r\nC2,x\r\n')]);
		const result = extractRows(input, [1], { encoding: 'utf-8', header: headerRuleOf('customers') });
		if (!result.ok) throw new Error(result.code);
		expect(result.hasHeader).toBe(false);
		expect([...result.output]).toEqual([...input.subarray(0, 7)]);
	});
});
