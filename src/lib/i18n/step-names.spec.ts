import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';

// Steps a and b of 移行 are one step on screen; every message names it as its heading does.
describe('the name of steps a and b', () => {
	it.each([
		['ja', ja as Record<string, string>, 'a・b'],
		['en', en as Record<string, string>, 'a-b']
	] as const)('%s writes it %s everywhere', (_language, catalogue, name) => {
		expect(catalogue['migration.stepB'].startsWith(name)).toBe(true);
		const other = /\ba\s*[-–〜~・,、]\s*b\b/g;
		const misnamed = Object.entries(catalogue).flatMap(([key, text]) => [...text.matchAll(other)].filter((m) => m[0] !== name).map(() => key));
		expect(misnamed).toEqual([]);
	});
});
