import { describe, expect, it } from 'vitest';
import { isAllSkipped, uploadTone } from './upload-result';

// An upload that skipped every row (all already registered) is no green success: nothing new.
describe('a finished upload\'s result box', () => {
	it.each([
		['all registered', { registered: 4, skipped: 0, failed: 0 }, 'ok', false],
		['some new, some skipped', { registered: 2, skipped: 2, failed: 0 }, 'ok', false],
		['every row already registered', { registered: 0, skipped: 4, failed: 0 }, 'info', true],
		['nothing registered, nothing skipped (no rows)', { registered: 0, skipped: 0, failed: 0 }, 'info', false],
		['skipped and failed', { registered: 0, skipped: 2, failed: 2 }, 'warn', false],
		['registered and failed', { registered: 3, skipped: 0, failed: 1 }, 'warn', false]
	])('%s', (_name, summary, tone, allSkipped) => {
		expect(uploadTone(summary)).toBe(tone);
		expect(isAllSkipped(summary)).toBe(allSkipped);
	});
});
