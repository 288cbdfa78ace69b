import { describe, expect, it } from 'vitest';
import { registryListName } from '$lib/domain/records/list-source';
import { problemListName, stampedName } from './file-names';

// 2026-11-30 16:00 UTC is 2026-12-01 01:00 in Japan: the date is Japan's.
const now = new Date(Date.UTC(2026, 10, 30, 16, 0));

describe('download names', () => {
	it('stamps a stem with the date in Japan', () => {
		expect(stampedName('card-import', now)).toBe('card-import-20261201.csv');
	});

	it.each<[string | undefined, string]>([
		['return.csv', 'return-card-import-problems-20261201.csv'],
		['返却ファイル 12月.CSV', '返却ファイル 12月-card-import-problems-20261201.csv'],
		['a.b.c.csv', 'a.b.c-card-import-problems-20261201.csv'],
		['no-extension', 'no-extension-card-import-problems-20261201.csv'],
		['bad:name?<1>.csv', 'bad_name__1_-card-import-problems-20261201.csv'],
		[registryListName, 'card-import-problems-20261201.csv'],
		[undefined, 'card-import-problems-20261201.csv'],
		['.csv', 'card-import-problems-20261201.csv']
	])('a problem list of %s is %s', (source, name) => {
		expect(problemListName(source, 'card-import', now)).toBe(name);
	});
});
