import { describe, expect, it } from 'vitest';
import { columnNumberOf } from './column-number';

describe('columnNumberOf', () => {
	// The editor's label, the missing-field check and the job read a field through this one rule.
	it.each([
		['a column number', 3, 3],
		['the first column', 1, 1],
		['none (0)', 0, 0],
		['an empty field (null)', 0, null],
		['an unset field', 0, undefined],
		['a fraction', 0, 2.5],
		['a negative number', 0, -3],
		['negative zero', 0, -0],
		['not a number', 0, Number.NaN],
		['infinity', 0, Number.POSITIVE_INFINITY],
		['a number as text', 4, '4'],
		['blank text', 0, ' '],
		['a fraction as text', 0, '2.5'],
		['other text', 0, 'B'],
		['a number past safe integers', 0, 2 ** 60]
	])('reads %s as column %i', (_, column, value) => {
		expect(columnNumberOf(value)).toBe(column);
	});
});
