import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { registryListName } from '$lib/domain/records/list-source';
import type { ProblemRecord } from '$lib/domain/records/problem-record';
import type { WorkbenchDb } from './db';
import { historyRepository, type HistoryQuery } from './history-repository';
import { newEntry, useFreshDb } from './test-records';

let database: WorkbenchDb;
beforeEach(() => {
	database = useFreshDb('history-test');
});

const day = (date: number) => Date.UTC(2026, 10, date);

async function addSample(): Promise<void> {
	const samples: [string, number][] = [
		['customers-2026-11.csv', day(1)],
		['yamato-return.csv', day(5)],
		['Customers-delta.csv', day(10)],
		['card-import.csv', day(20)],
		['ｃｕｓｔｏｍｅｒｓ-full-width.csv', day(20)]
	];
	for (const [fileName, startedAt] of samples) {
		await historyRepository.add({ ...newEntry({ fileName, startedAt }), status: 'done' });
	}
}

async function names(query: HistoryQuery): Promise<string[]> {
	return (await historyRepository.query(query)).entries.map((entry) => entry.fileName);
}

describe('historyRepository.query', () => {
	it.each<[string, HistoryQuery, string[]]>([
		['everything, newest first (same time: later first)', {}, ['ｃｕｓｔｏｍｅｒｓ-full-width.csv', 'card-import.csv', 'Customers-delta.csv', 'yamato-return.csv', 'customers-2026-11.csv']],
		['a file-name part, any case or width', { fileName: 'customers' }, ['ｃｕｓｔｏｍｅｒｓ-full-width.csv', 'Customers-delta.csv', 'customers-2026-11.csv']],
		['from a date on', { from: day(10) }, ['ｃｕｓｔｏｍｅｒｓ-full-width.csv', 'card-import.csv', 'Customers-delta.csv']],
		['up to a date', { to: day(5) }, ['yamato-return.csv', 'customers-2026-11.csv']],
		['between two dates, both ends included', { from: day(5), to: day(10) }, ['Customers-delta.csv', 'yamato-return.csv']],
		['name and dates together', { fileName: 'CUSTOMERS', to: day(10) }, ['Customers-delta.csv', 'customers-2026-11.csv']],
		['a name that matches nothing', { fileName: 'nothing' }, []],
		['one page', { offset: 1, limit: 2 }, ['card-import.csv', 'Customers-delta.csv']]
	])('finds %s', async (_name, query, expected) => {
		await addSample();
		expect(await names(query)).toEqual(expected);
	});

	// A list built 「登録済みの顧客から」 is stored under a marker and shown under a label in the language
	// of the moment: the search finds it by either label, as the page passes them, never by the marker.
	it.each<[string, boolean]>([
		['登録済みの顧客', true],
		['Registered customers', true],
		['registered', true],
		['registry', false]
	])('finds a list from the registry by %j: %s', async (search, isFound) => {
		await addSample();
		await historyRepository.add({ ...newEntry({ fileName: registryListName, startedAt: day(3), kind: 'linkage' }), status: 'done' });
		const found = await names({ fileName: search, registryNames: ['登録済みの顧客', 'Registered customers'] });
		expect(found).toEqual(isFound ? [registryListName] : []);
	});

	it('counts every match, not only the page', async () => {
		await addSample();
		const page = await historyRepository.query({ fileName: 'customers', limit: 1 });
		expect(page.total).toBe(3);
		expect(page.entries).toHaveLength(1);
	});
});

describe('historyRepository', () => {
	it('keeps what a conversion recorded, problems of both severities included', async () => {
		const problems: ProblemRecord[] = [
			{ row: 2, column: 4, severity: 'error' as const, code: 'unknown-brand', params: { field: 'brand', value: 'VIZA' } },
			{ row: 3, column: 3, severity: 'warning' as const, code: 'tail-padded', params: { value: '11', fixed: '011' } }
		];
		const id = await historyRepository.add({
			...newEntry({ kind: 'card-file', encoding: 'shift_jis' }),
			status: 'errors',
			rows: 2,
			succeeded: 1,
			failed: 1,
			errors: 1,
			warnings: 1,
			problems,
			failedRows: [2]
		});
		expect(await historyRepository.get(id)).toMatchObject({ id, kind: 'card-file', status: 'errors', problems, failedRows: [2] });
	});

	it('refuses an invalid entry', async () => {
		await expect(historyRepository.add({ ...newEntry(), size: -1, status: 'done' })).rejects.toThrow();
		expect((await historyRepository.query()).total).toBe(0);
	});

	it('deletes one entry, then all', async () => {
		await addSample();
		const [newest] = (await historyRepository.query()).entries;
		await historyRepository.delete(newest.id);
		expect(await historyRepository.get(newest.id)).toBeUndefined();
		expect((await historyRepository.query()).total).toBe(4);
		await historyRepository.deleteAll();
		expect((await historyRepository.query()).total).toBe(0);
	});

	it('reads a corrupt entry without throwing: what still reads, defaults for the rest', async () => {
		await addSample();
		const id = await database.history.add({ fileName: 'broken.csv', startedAt: 'yesterday', rows: -4 } as never);
		await database.history.add({ id: 'not-a-number', fileName: 'no-id.csv' } as never);
		expect(await historyRepository.get(id)).toMatchObject({ id, fileName: 'broken.csv', rows: 0, status: 'interrupted' });
		const { total, entries } = await historyRepository.query();
		expect(total).toBe(7);
		expect(entries.map((entry) => entry.fileName)).toContain('broken.csv');
		expect(entries.map((entry) => entry.fileName)).not.toContain('no-id.csv');
		expect(await names({ fileName: 'broken' })).toEqual(['broken.csv']);
	});

	it('exports every entry as a JSON backup', async () => {
		await addSample();
		const backup = JSON.parse(await historyRepository.exportJson());
		expect(backup.format).toBe('webcollect-workbench/history');
		expect(backup.entries.map((entry: { fileName: string }) => entry.fileName)[0]).toBe('customers-2026-11.csv');
		expect(backup.entries).toHaveLength(5);
	});
});
