import { describe, expect, it } from 'vitest';
import { parseOldCartCustomers } from '$lib/domain';
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
