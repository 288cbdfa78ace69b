import { describe, expect, it } from 'vitest';
import { convertYamatoReturn } from './convert-yamato-return';
import type { Problem } from '../problems/problem';

// Step d adds its several-cards warnings (`multiple-cards`) after every row is read. Past the cap on
// listed problems they were all left out, though the note says the list shows the first N (operator
// trial): the capped list must be the first N of the uncapped one by (row, column, order added).
const token = 'AbCdEf0123456789xyZ1';
const today = new Date('2026-11-30T12:00:00+09:00');
const card = (id: number, last3 = '111', brand = 'VISA') => `US-${String(10000 + id).padStart(8, '0')},${last3},${brand},2912,${token}`;

const where = (p: Problem) => `${p.code}@${p.row},${p.column}`;
function run(rows: string[], maxProblems?: number) {
	const bytes = new TextEncoder().encode(`${rows.join('\r\n')}\r\n`);
	return convertYamatoReturn(bytes, { encoding: 'utf-8', today, maxProblems, problemMessages: false }).report.problems;
}

// Rows of every 3rd customer twice (several cards); every 2nd row a padded tail (a warning of column 2).
const mixed = Array.from({ length: 30 }, (_, i) => card(i % 3 === 0 ? i : i + 100, i % 2 ? '11' : '111'));
const cases: [string, string[], number][] = [
	['several cards only, early rows', [card(1), card(1), ...Array.from({ length: 20 }, (_, i) => card(i + 2, '11'))], 5],
	['several cards only, late rows', [...Array.from({ length: 20 }, (_, i) => card(i + 2, '11')), card(1), card(1)], 5],
	['several cards spread among warned rows', [...mixed, card(0), card(3)], 12],
	['a cap of one', [card(1), card(1, '11'), card(2, '11')], 1],
	['a cap of none', [card(1), card(1)], 0],
	['a cap above all problems', [card(1), card(1, '11')], 50]
];

describe('step d past the cap on listed problems', () => {
	it.each(cases)('lists the first N by (row, column): %s', (_, rows, cap) => {
		const all = run(rows);
		expect(all.some((p) => p.code === 'too-many-problems')).toBe(false);
		const capped = run(rows, cap);
		const listed = capped.filter((p) => p.code !== 'too-many-problems');
		expect(listed.map(where)).toEqual(all.slice(0, cap).map(where));
		const left = all.slice(cap);
		const note = capped.find((p) => p.code === 'too-many-problems');
		if (left.length === 0) expect(note).toBeUndefined();
		else {
			const errors = left.filter((p) => p.severity === 'error').length;
			expect(note?.params).toEqual({ count: left.length, limit: cap, errors, warnings: left.length - errors });
		}
		// The several-cards warnings of rows among the first N are listed.
		const firstN = new Set(all.slice(0, cap).map(where));
		const multi = all.filter((p) => p.code === 'multiple-cards');
		expect(multi.length).toBeGreaterThan(0);
		expect(listed.filter((p) => p.code === 'multiple-cards').map(where)).toEqual(multi.map(where).filter((w) => firstN.has(w)));
	});
});
