import { describe, expect, it } from 'vitest';
import { KeyColumn } from './key-column';
import { keySeparator } from './search-keys';

const joined = (keys: string[]) => keys.map((key) => key + keySeparator).join('');

describe('KeyColumn', () => {
	it('maps matches back to customers, once per customer, across appends', () => {
		const column = new KeyColumn();
		expect(column.append(joined(['abcab', '', 'xab']), 3)).toBe(true);
		expect(column.append(joined(['b', 'ab']), 2)).toBe(true);
		expect(column.length).toBe(5);
		expect(column.find('ab')).toEqual([0, 2, 4]);
		expect(column.find('b')).toEqual([0, 2, 3, 4]);
		expect(column.find('bx')).toEqual([]);
		expect(column.find(keySeparator)).toEqual([]);
		expect(column.find('')).toEqual([]);
	});

	it('grows past its first capacity', () => {
		const column = new KeyColumn();
		column.append(joined(Array.from({ length: 3000 }, (_, i) => `k${i}`)), 3000);
		expect(column.length).toBe(3000);
		expect(column.find('k2999')).toEqual([2999]);
		expect(column.find('k100')).toEqual([100, 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009]);
	});

	it.each([
		['too many separators', joined(['a', 'b', 'c']), 2],
		['too few separators', joined(['a']), 2]
	])('adds nothing for %s', (_name, keys, rows) => {
		const column = new KeyColumn();
		column.append(joined(['x']), 1);
		expect(column.append(keys, rows)).toBe(false);
		expect(column.length).toBe(1);
		expect(column.find('x')).toEqual([0]);
		expect(column.find('a')).toEqual([]);
	});
});
