import { describe, expect, it } from 'vitest';
import { cardImportHeader, rowRuns } from '$lib/domain';
import { numberedCustomers } from '$lib/registry/test-records';
import { RegistryIndex } from '$lib/registry/registry-index';
import { buildLinkage } from './build-linkage';
import type { ConversionOptions } from './conversion-types';
import { convertReturnFile } from './convert-return-file';
import { toCustomerColumns } from '$lib/domain/records/packed-customers';
import { extractFailedRows, failedRowsName } from './extract-failed-rows';
import { readFileSync } from 'node:fs';
import { chunkedFile, fakePorts, fakeStore, textFile, type FakeStore } from './fake-ports';
import { importCards } from './import-cards';
import { registerCustomers } from './register-customers';

const options: ConversionOptions = { encoding: 'auto', outputEncoding: 'utf-8-bom', header: true, expiryOrder: 'YYMM', service: 'YAMATO', checkCustomerList: false };
const upload = { encoding: 'auto', errorsBlockImport: false, settings: { service: 'YAMATO', availability: 'visible' } } as const;
const lines = (...rows: string[]) => rows.join('\r\n') + '\r\n';

type Recorder = (file: Blob, store: FakeStore) => Promise<number>;
const kinds: [string, string, Recorder, string][] = [
	[
		'顧客情報 (header required)',
		lines('旧カートの顧客番号,氏名', 'C1,a', ',b', 'C3,c', ',d'),
		async (file, store) => (await registerCustomers(file, { ...upload, kind: 'customers', fileName: 'c.csv' }, fakePorts(store))).report.historyId,
		lines('旧カートの顧客番号,氏名', ',b', ',d')
	],
	[
		'クレジットカード情報 (header detected)',
		lines(cardImportHeader.join(','), 'YAMATO,US-00010000,111,VISA,,,0,2912,AbCdEf0123456789xyZ1', 'YAMATO,US-00010001,11X,VISA,,,0,2912,AbCdEf0123456789xyZ1'),
		async (file, store) => (await importCards(file, { ...upload, kind: 'cards', fileName: 'k.csv' }, fakePorts(store))).report.historyId,
		lines(cardImportHeader.join(','), 'YAMATO,US-00010001,11X,VISA,,,0,2912,AbCdEf0123456789xyZ1')
	],
	[
		'クレジットカード情報 without a header',
		lines('YAMATO,US-00010000,111,VISA,,,0,2913,AbCdEf0123456789xyZ1', 'YAMATO,US-00010001,111,VISA,,,0,2912,AbCdEf0123456789xyZ1'),
		async (file, store) => (await importCards(file, { ...upload, kind: 'cards', fileName: 'k.csv' }, fakePorts(store))).report.historyId,
		lines('YAMATO,US-00010000,111,VISA,,,0,2913,AbCdEf0123456789xyZ1')
	],
	[
		'顧客一覧 for the linkage CSV (header required)',
		lines('サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)', 'US-00010000,C1', 'US-00010001,C1', 'US-00010002,C3'),
		async (file, store) => (await buildLinkage(file, { kind: 'linkage', jobId: 'c', fileName: 'l.csv', source: 'file', options }, fakePorts(store)))!.report.summary.historyId!,
		lines('サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)', 'US-00010000,C1', 'US-00010001,C1')
	],
	[
		"Yamato's return file (header detected)",
		lines('サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー', 'US-00010000,111,VISA,2913,AbCdEf0123456789xyZ1', 'US-00010001,111,VISA,2912,AbCdEf0123456789xyZ1'),
		async (file, store) => (await convertReturnFile({ file, customerList: null }, { kind: 'yamato-return', jobId: 'd', fileName: 'r.csv', options, customerListJobId: null }, fakePorts(store)))!.report.summary.historyId!,
		lines('サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー', 'US-00010000,111,VISA,2913,AbCdEf0123456789xyZ1')
	]
];

function storeWithCustomers(): FakeStore {
	const index = new RegistryIndex();
	index.appendCustomers(numberedCustomers(3));
	return fakeStore(index);
}

describe('extractFailedRows: each kind of file, with its reader\'s header rule', () => {
	it.each(kinds)('%s', async (_name, text, record, expected) => {
		const store = storeWithCustomers();
		const historyId = await record(textFile(text), store);
		const result = (await extractFailedRows(textFile(text), { kind: 'failed-rows', historyId }, fakePorts(store)))!;
		expect(result.report).toMatchObject({ status: 'done', missing: 0 });
		expect(await result.output!.text()).toBe(expected);
		expect(result.outcome).toBeNull();
	});
});

describe('extractFailedRows: when no rows can be given back', () => {
	const [, text, record] = kinds[0];
	it.each<[string, (text: string) => Blob, number | null, string]>([
		['another file than the entry\'s', (t) => textFile(t + 'C9,z\r\n'), null, 'wrong-file'],
		['an entry that is gone', textFile, 999, 'unknown-entry'],
		['a file that cannot be read', () => ({ size: 3, stream: () => { throw new Error('gone'); } }) as unknown as Blob, null, 'unreadable']
	])('%s', async (_name, fileOf, historyIdOverride, status) => {
		const store = storeWithCustomers();
		const historyId = historyIdOverride ?? (await record(textFile(text), store));
		const result = (await extractFailedRows(fileOf(text), { kind: 'failed-rows', historyId }, fakePorts(store)))!;
		expect(result).toMatchObject({ output: null, report: { status } });
	});

	it.each([[0], [1]])('a cancel at poll %i gives nothing', async (poll) => {
		const store = storeWithCustomers();
		const historyId = await record(textFile(text), store);
		expect(await extractFailedRows(textFile(text), { kind: 'failed-rows', historyId }, fakePorts(store, poll))).toBeNull();
	});

	it.each([
		['returns.csv', 'returns-failed-rows.csv'],
		['customers', 'customers-failed-rows.csv'],
		['', 'history-failed-rows.csv'],
		['a.b.tsv', 'a.b-failed-rows.tsv']
	])('names the download of %s %s', (name, expected) => {
		expect(failedRowsName(name)).toBe(expected);
	});
});

// The file is read as a stream, twice (issue 14): the rows given back are the same whatever the
// slicing, and a file whose bytes change between the two reads gives nothing.
describe('extractFailedRows reads its file as a stream', () => {
	it.each(kinds.flatMap(([name, text, record, expected]) => [1, 5, 4096].map((slice) => [name, slice, text, record, expected] as const)))(
		'%s in slices of %i bytes',
		async (_name, slice, text, record, expected) => {
			const store = storeWithCustomers();
			const historyId = await record(textFile(text), store);
			const result = (await extractFailedRows(chunkedFile(text, slice), { kind: 'failed-rows', historyId }, fakePorts(store)))!;
			expect(result.report).toMatchObject({ status: 'done', missing: 0 });
			expect(await result.output!.text()).toBe(expected);
		}
	);

	it('a file changed on disk between its two reads is unreadable', async () => {
		const [, text, record] = kinds[0];
		const store = storeWithCustomers();
		const historyId = await record(textFile(text), store);
		const reads = [text, text.replace('C3', 'C4')];
		const file = { size: new TextEncoder().encode(text).length, stream: () => new Blob([reads.shift() ?? text]).stream() } as unknown as Blob;
		const result = (await extractFailedRows(file, { kind: 'failed-rows', historyId }, fakePorts(store)))!;
		expect(result).toMatchObject({ output: null, report: { status: 'unreadable' } });
	});
});

// A file that turns from UTF-8 into Shift_JIS part-way (SPEC "Decoding"): its Shift_JIS rows fail
// `undecodable`; given back with the header written in Shift_JIS, they make one file that imports.
describe('extractFailedRows: rows of a file that changes encoding part-way', () => {
	const sjisRows = [0x5a, 0x31, 0x2c, 0x8d, 0xb2, 0x93, 0xa1, 0x0d, 0x0a]; // Z1,佐藤 CRLF
	it.each(kinds)('%s: its failed rows (ASCII and Shift_JIS) go back as one Shift_JIS file', async (_name, text, record) => {
		const bytes = Uint8Array.from([...new TextEncoder().encode(text), ...sjisRows]);
		const store = storeWithCustomers();
		const historyId = await record(new Blob([bytes]), store);
		const result = (await extractFailedRows(new Blob([bytes]), { kind: 'failed-rows', historyId }, fakePorts(store)))!;
		// A file of ASCII before its Shift_JIS rows is read as Shift_JIS: no row is undecodable then.
		const file = /[^\x00-\x7f]/.test(text) ? 'utf-8' : 'shift_jis';
		expect(result.report).toMatchObject({ status: 'done', encoding: { file, written: 'shift_jis', inNeither: { count: 0 } } });
		const output = new Uint8Array(await result.output!.arrayBuffer());
		expect([...output.subarray(output.length - sjisRows.length)]).toEqual(sjisRows);
		expect(new TextDecoder('shift_jis', { fatal: true }).decode(output)).toMatch(/Z1,佐藤\r\n$/);
	});

	it('the shared fixture: the download re-imports, registering those rows with no U+FFFD stored', async () => {
		const bytes = new Uint8Array(readFileSync('tests/fixtures/real-world/oldcart-mixed-encoding.csv'));
		const store = storeWithCustomers();
		const job = { ...upload, kind: 'customers', fileName: 'oldcart-mixed-encoding.csv' } as const;
		const historyId = (await registerCustomers(new Blob([bytes]), job, fakePorts(store))).report.historyId;
		const result = (await extractFailedRows(new Blob([bytes]), { kind: 'failed-rows', historyId }, fakePorts(store)))!;
		expect(result.report).toMatchObject({ status: 'done', encoding: { written: 'shift_jis', isHeaderRewritten: true, inOther: { count: 2 } } });
		const again = fakeStore(store.index);
		const reimport = await registerCustomers(result.output!, { ...job, fileName: 'oldcart-mixed-encoding-failed-rows.csv' }, fakePorts(again));
		expect(reimport.report).toMatchObject({ registered: 2, failed: 0 });
		const names = toCustomerColumns(again.records[0].customers!).names;
		expect([...names].join('|')).toBe('佐藤 花子|髙橋 一郎');
	});

	it.each([
		[[], { runs: [], count: 0, isCut: false }],
		[[3, 4, 5, 9], { runs: [[3, 5], [9, 9]], count: 4, isCut: false }],
		[Array.from({ length: 12 }, (_, i) => i * 2), { runs: Array.from({ length: 10 }, (_, i) => [i * 2, i * 2]), count: 12, isCut: true }]
	])('rowRuns(%j) lists runs of consecutive rows, the first ten', (rows, expected) => {
		expect(rowRuns(rows)).toEqual(expected);
	});
});
