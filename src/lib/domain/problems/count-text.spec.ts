import { describe, expect, it } from 'vitest';
import { problemText } from '$lib/i18n/problem-text';
import { groupedCount } from './count-text';
import { formatProblemMessage } from './messages-ja';
import { ProblemList } from './problem-list';
import { toProblemRecord } from '../records/problem-record';

describe('groupedCount: a comma every three digits, other values as they are', () => {
	it.each<[string | number, string]>([
		[0, '0'],
		[999, '999'],
		[1000, '1,000'],
		[100001, '100,001'],
		[1234567890, '1,234,567,890'],
		['100000', '100,000'],
		['1,234', '1,234'],
		['12.5', '12.5'],
		['', '']
	])('%s → %s', (value, expected) => expect(groupedCount(value)).toBe(expected));
});

// The cap's note says how many were left out and how many are listed: counts, so grouped, in both languages.
describe('the cap note with thousands separators', () => {
	const list = new ProblemList(100_000);
	for (let row = 2; row < 200_003; row++) list.add('tail-padded', row, 2, { value: '11', fixed: '011' });
	const [note] = list.sorted();

	it.each([
		['ja core', () => note.message, 'ほかに100,001件の問題があります。一覧にあるのは最初の100,000件です。'],
		['ja', () => problemText(toProblemRecord(note), 'ja'), 'ほかに100,001件の問題があります。一覧にあるのは最初の100,000件です。'],
		['en', () => problemText(toProblemRecord(note), 'en'), '100,001 more problems were found. The list shows the first 100,000.']
	])('%s', (_, text, expected) => expect(text()).toBe(expected));

	it('groups only the counts: row and column numbers of other messages stay as they are', () => {
		expect(formatProblemMessage('tail-padded', { row: 12345, column: 2, field: 'last3', value: '11', fixed: '011' })).toContain('12345');
		expect(note.params).toMatchObject({ count: 100_001, limit: 100_000 });
	});
});
