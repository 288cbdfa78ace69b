import { describe, expect, it } from 'vitest';
import { isQuotaExceeded } from './storage-errors';

describe('isQuotaExceeded', () => {
	it.each<[string, unknown, boolean]>([
		['a quota error', { name: 'QuotaExceededError' }, true],
		['an abort caused by one', { name: 'AbortError', inner: { name: 'QuotaExceededError' } }, true],
		['another abort', { name: 'AbortError', inner: { name: 'ConstraintError' } }, false],
		['a plain error', new Error('x'), false],
		['nothing', undefined, false]
	])('%s → %s', (_name, error, expected) => {
		expect(isQuotaExceeded(error)).toBe(expected);
	});
});
