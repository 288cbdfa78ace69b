import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntList } from './int-list';

describe('IntList', () => {
	it.each([0, 1, 16_383, 16_384, 16_385, 50_000])('holds %i values pushed, each where it was pushed (across block edges)', (count) => {
		const list = new IntList();
		for (let i = 0; i < count; i++) list.push(Math.imul(i, 2654435761) | 0);
		expect(list.length).toBe(count);
		for (let i = 0; i < count; i++) expect(list.at(i)).toBe(Math.imul(i, 2654435761) | 0);
	});

	it('reads back any 32-bit values in order', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 300 }), (values) => {
				const list = new IntList();
				for (const value of values) list.push(value);
				expect(Array.from({ length: list.length }, (_, i) => list.at(i))).toEqual(values);
			})
		);
	});
});
