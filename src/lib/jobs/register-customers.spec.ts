import { describe, expect, it } from 'vitest';
import { customerCountOf, toCustomerColumns } from '$lib/domain/records/packed-customers';
import { customerColumns } from '$lib/registry/test-records';
import { RegistryIndex } from '$lib/registry/registry-index';
import { chunkedFile, fakePorts, fakeStore, textFile } from './fake-ports';
import { registerCustomers } from './register-customers';
import type { UploadJob } from './upload-types';

const header = '旧カートの顧客番号,氏名,メールアドレス';
const file = (...rows: string[]) => textFile([header, ...rows].join('\r\n') + '\r\n');
const job = (change: Partial<UploadJob> = {}) =>
	({ kind: 'customers', fileName: 'customers.csv', encoding: 'auto', errorsBlockImport: false, settings: { service: 'YAMATO', availability: 'visible' }, ...change }) as UploadJob & { kind: 'customers' };

function registryWith(...linkageIds: string[]): RegistryIndex {
	const index = new RegistryIndex();
	index.appendCustomers(customerColumns(linkageIds.map((linkageId) => ({ linkageId }))));
	return index;
}

const ids = (index: RegistryIndex) => index.search({ field: 'all', query: '', offset: 0, limit: 100 }).rows.map((row) => `${row.id}=${row.linkageId}`);

describe('registerCustomers: who is registered, who is skipped', () => {
	it.each<[string, string[], string[], boolean, { registered: number; skipped: number; failed: number; status: string }, string[]]>([
		['an empty registry: IDs in file order from US-00010000', [], ['C1,a,', 'C2,b,', 'C3,c,'], false, { registered: 3, skipped: 0, failed: 0, status: 'done' }, ['US-00010000=C1', 'US-00010001=C2', 'US-00010002=C3']],
		['a delta run: known 連携用IDs skipped, new ones get the next free IDs', ['C1', 'C2'], ['C1,a,', 'C3,c,', 'C2,b,', 'C4,d,'], false, { registered: 2, skipped: 2, failed: 0, status: 'done' }, ['US-00010000=C1', 'US-00010001=C2', 'US-00010002=C3', 'US-00010003=C4']],
		['everyone known: nothing registered, all skipped', ['C1'], ['C1,a,'], false, { registered: 0, skipped: 1, failed: 0, status: 'done' }, ['US-00010000=C1']],
		['a row without 連携用ID fails, the others register', [], ['C1,a,', ',b,', 'C3,c,'], false, { registered: 2, skipped: 0, failed: 1, status: 'errors' }, ['US-00010000=C1', 'US-00010001=C3']],
		['「エラーがあれば取り込まない」 with a failing row: nothing registered', [], ['C1,a,', ',b,'], true, { registered: 0, skipped: 0, failed: 1, status: 'errors' }, []],
		['「エラーがあれば取り込まない」 with no failing row: all registered', [], ['C1,a,'], true, { registered: 1, skipped: 0, failed: 0, status: 'done' }, ['US-00010000=C1']],
		['a full card number refuses the file: nothing registered', [], ['C1,4111111111111111,'], false, { registered: 0, skipped: 0, failed: 1, status: 'refused' }, []]
	])('%s', async (_name, known, rows, errorsBlockImport, expected, registry) => {
		const store = fakeStore(registryWith(...known));
		const { report, outcome } = await registerCustomers(file(...rows), job({ errorsBlockImport }), fakePorts(store));
		expect(report).toMatchObject(expected);
		expect(outcome).toMatchObject({ kind: 'customers', succeeded: expected.registered, skipped: expected.skipped, status: expected.status, errorsBlockImport });
		expect(ids(store.index)).toEqual(registry);
		// One record per run, holding exactly the customers registered.
		expect(store.records).toHaveLength(1);
		expect(customerCountOf(store.records[0].customers)).toBe(expected.registered);
		expect(store.entries.get(report.historyId)).toMatchObject({ status: expected.status, rows: rows.length });
	});

	it('names the first and last ID given, and the refusal reasons as problem records', async () => {
		const store = fakeStore(registryWith('C1'));
		const { report } = await registerCustomers(file('C2,b,', 'C3,c,'), job(), fakePorts(store));
		expect([report.firstId, report.lastId]).toEqual(['US-00010001', 'US-00010002']);
		const refused = await registerCustomers(file('C9,4111111111111111,'), job(), fakePorts(fakeStore()));
		expect(refused.report.reasons).toEqual([expect.objectContaining({ code: 'card-number-found', severity: 'error', row: 2 })]);
		expect(refused.report.reasons[0]).not.toHaveProperty('message');
	});

	// Every way a file is refused as a whole says why in the result box (operator trial: a file
	// without a header row showed 「このファイルは取り込めませんでした。」 and an empty list).
	it.each<[string, string, string]>([
		['no header row', 'C1,山田,a@example.jp\r\nC2,佐藤,b@example.jp\r\n', 'missing-header'],
		['a header without the 連携用ID column', '氏名,メールアドレス\r\n山田,a@example.jp\r\n', 'missing-header'],
		['a card number', `${header}\r\nC9,4111111111111111,\r\n`, 'card-number-found'],
		['an empty file', '', 'empty-file'],
		['a header only', `${header}\r\n`, 'header-only']
	])('a refused file says why: %s', async (_name, text, code) => {
		const { report } = await registerCustomers(textFile(text), job(), fakePorts(fakeStore()));
		expect(report.status).toBe('refused');
		expect(report.reasons.map((reason) => reason.code)).toContain(code);
		for (const reason of report.reasons) expect(reason.severity).toBe('error');
	});

	it('records problems of both severities as codes and parameters', async () => {
		const store = fakeStore();
		const { outcome } = await registerCustomers(file('C1,a,', ',b,', ' C3 ,c,'), job(), fakePorts(store));
		expect(outcome.problems.map((p) => [p.row, p.severity, p.code])).toEqual([
			[3, 'error', 'missing-value'],
			[4, 'warning', 'trimmed-spaces']
		]);
		expect(outcome).toMatchObject({ errors: 1, warnings: 1, failed: 1, failedRows: [3] });
	});
});

describe('registerCustomers: runs one after another on a registry that starts empty', () => {
	// Every registration hands its packed parts to the registry, which keeps them as they are (the
	// very parts the store writes). Each run's stored rows stay its own, and the registry answers as
	// one built from plain columns.
	it.each<[string, string[][], string[]]>([
		['a first run, then a delta run', [['C1', 'C2'], ['C2', 'C3']], ['C1', 'C2', 'C3']],
		['a first run, then two delta runs', [['C1'], ['C1', 'C2'], ['C3', 'C2', 'C4']], ['C1', 'C2', 'C3', 'C4']],
		['a first run that registers no one, then one that does', [[], ['C1', 'C2']], ['C1', 'C2']]
	])('%s', async (_name, runs, registered) => {
		const store = fakeStore();
		const stored: string[][] = [];
		for (const run of runs) {
			await registerCustomers(file(...run.map((id) => `${id},name ${id},`)), job(), fakePorts(store));
			stored.push(run.filter((id) => !stored.flat().includes(id)));
		}
		expect(store.records.map((record) => (record.customers ? toCustomerColumns(record.customers).linkageIds : []))).toEqual(stored);
		const copied = registryWith(...registered);
		expect(ids(store.index)).toEqual(ids(copied));
		for (const id of [...registered, 'C9']) expect(store.index.seqOfLinkageId(id)).toBe(copied.seqOfLinkageId(id));
		expect(store.index.search({ field: 'name', query: 'name C', offset: 0, limit: 100 }).total).toBe(registered.length);
	});
});

describe('registerCustomers: a cancel at every stage registers nothing and records 中断', () => {
	const rows = Array.from({ length: 40 }, (_, i) => `K${i},name ${i},k${i}@example.jp`);
	const text = [header, ...rows].join('\r\n');
	// Once before the registry loads; the file's one read (hashed and checked at once) once before it
	// and once per 64-byte chunk; then once before the write.
	const polls = 1 + (1 + Math.ceil(new TextEncoder().encode(text).length / 64)) + 1;

	it('polls before the registry loads, while reading and checking, and before the final write', async () => {
		const ports = fakePorts(fakeStore());
		await registerCustomers(chunkedFile(text), job(), ports);
		expect(ports.polls).toBe(polls);
	});

	it.each(Array.from({ length: polls }, (_, poll) => [poll]))('cancelled at poll %i', async (poll) => {
		const store = fakeStore(registryWith('OLD'));
		const { report, outcome } = await registerCustomers(chunkedFile(text), job(), fakePorts(store, poll));
		expect(outcome).toMatchObject({ status: 'interrupted', succeeded: 0 });
		expect(report).toMatchObject({ status: 'interrupted', registered: 0 });
		expect(store.index.customerCount).toBe(1);
		expect(store.records).toHaveLength(1);
		expect(store.records[0].customers).toBeUndefined();
		expect(store.entries.get(report.historyId)).toMatchObject({ status: 'interrupted', fileName: 'customers.csv' });
	});

	it('honours a cancel that arrives while the rows are being stored (the last part of the bar)', async () => {
		const store = fakeStore(registryWith('OLD'));
		const { report, outcome } = await registerCustomers(chunkedFile(text), job(), fakePorts(store, Infinity, true));
		expect(outcome).toMatchObject({ status: 'interrupted', succeeded: 0 });
		expect(report).toMatchObject({ status: 'interrupted', registered: 0 });
		expect(store.index.customerCount).toBe(1);
		expect(store.entries.get(report.historyId)).toMatchObject({ status: 'interrupted' });
	});
});
