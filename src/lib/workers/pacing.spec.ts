import { describe, expect, it } from 'vitest';
import { yielder } from './pacing';

describe('yielder', () => {
	// A load replaced while it still reads goes on beside the new one: turns taken at once by several
	// callers of one yielder all end, in the order taken.
	it.each([1, 2, 5])('ends each of %i turns taken at once, in order', async (callers) => {
		const turn = yielder(0);
		const ended: number[] = [];
		await Promise.all(Array.from({ length: callers }, (_, i) => Promise.resolve(turn()).then(() => ended.push(i))));
		expect(ended).toEqual(Array.from({ length: callers }, (_, i) => i));
	});

	it('takes no turn before the interval has passed', () => {
		const turn = yielder(60_000);
		expect(turn()).toBeUndefined();
	});
});
