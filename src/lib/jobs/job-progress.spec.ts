import { describe, expect, it } from 'vitest';
import { cardImportHeader } from '$lib/domain';
import { RegistryIndex } from '$lib/registry/registry-index';
import { numberedCustomers } from '$lib/registry/test-records';
import { buildLinkage, linkageStages } from './build-linkage';
import type { ConversionOptions, LinkageJob, ReturnFileJob } from './conversion-types';
import { convertReturnFile } from './convert-return-file';
import { chunkedFile, fakePorts, fakeStore, textFile } from './fake-ports';
import { importCards } from './import-cards';
import { registerCustomers } from './register-customers';
import { uploadStages } from './run-upload';
import type { UploadJob } from './upload-types';

const rows = 10_000;
const settings = { service: 'YAMATO', availability: 'visible' };
// Over 256 KiB (the check reports after each 256 KiB it checks), so the check moves the bar inside its phase.
const customersFile = () =>
	textFile(['旧カートの顧客番号,氏名,メールアドレス', ...Array.from({ length: rows }, (_, i) => `C${i + 1},顧客${i + 1},customer${i + 1}@example.jp`)].join('\r\n') + '\r\n');
const token = (i: number) => `Tk${String(i).padStart(18, '0')}`;
const cardsFile = () =>
	textFile(
		[cardImportHeader.join(','), ...Array.from({ length: rows }, (_, i) => `YAMATO,US-${String(10000 + i).padStart(8, '0')},111,VISA,,,0,2912,${token(i)}`)].join('\r\n') + '\r\n'
	);

/** Where each phase starts and ends on the bar (0…1), from the job's own weights. */
function phases(stages: readonly (readonly [string, number])[]): Map<string, [number, number]> {
	const total = stages.reduce((sum, [, weight]) => sum + weight, 0);
	const spans = new Map<string, [number, number]>();
	let at = 0;
	for (const [stage, weight] of stages) {
		spans.set(stage, [at / total, (at + weight) / total]);
		at += weight;
	}
	return spans;
}

/** The bar never goes back, ends full, and has a value strictly inside each of `inside`'s phases. */
function expectMovingBar(bar: number[], stages: readonly (readonly [string, number])[], inside: string[]) {
	for (let i = 1; i < bar.length; i++) expect(bar[i]).toBeGreaterThanOrEqual(bar[i - 1] - 1e-12);
	expect(bar.at(-1)).toBeCloseTo(1, 12);
	for (const stage of inside) {
		const [start, end] = phases(stages).get(stage)!;
		const values = bar.filter((value) => value > start + 1e-9 && value < end - 1e-9);
		expect(values.length, `${stage}: ${bar.map((v) => v.toFixed(3)).join(' ')}`).toBeGreaterThan(0);
	}
}

// A phase that ran without reporting would leave the bar still from its start to its end: the
// operator sees nothing move while it writes or indexes a million rows.
describe('an upload moves its bar inside every phase that does work in steps (reading and checking, writing, indexing)', () => {
	it.each<[string, () => Promise<number[]>]>([
		[
			'一括登録 › 顧客情報',
			async () => {
				const ports = fakePorts(fakeStore());
				const job = { kind: 'customers', fileName: 'customers.csv', encoding: 'auto', errorsBlockImport: false, settings } as UploadJob & { kind: 'customers' };
				const { outcome } = await registerCustomers(customersFile(), job, ports);
				expect(outcome.succeeded).toBe(rows);
				return ports.bar;
			}
		],
		[
			'一括登録 › クレジットカード情報',
			async () => {
				const index = new RegistryIndex();
				index.appendCustomers(numberedCustomers(rows));
				const ports = fakePorts(fakeStore(index));
				const job = { kind: 'cards', fileName: 'cards.csv', encoding: 'auto', errorsBlockImport: false, settings } as UploadJob & { kind: 'cards' };
				const { outcome } = await importCards(cardsFile(), job, ports);
				expect(outcome.succeeded).toBe(rows);
				return ports.bar;
			}
		]
	])('%s', async (_name, run) => {
		expectMovingBar(await run(), uploadStages, ['check', 'store', 'index']);
	});
});

describe('steps b/c move the bar while the list is parsed and its rows are checked', () => {
	const options: ConversionOptions = { encoding: 'auto', outputEncoding: 'utf-8-bom', header: true, expiryOrder: 'YYMM', service: 'YAMATO', checkCustomerList: true };
	const job = (source: LinkageJob['source']): LinkageJob => ({ kind: 'linkage', jobId: 'c-1', fileName: 'list.csv', source, options });
	const listFile = () =>
		textFile(['サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)', ...Array.from({ length: rows }, (_, i) => `US-${String(10000 + i).padStart(8, '0')},C${i + 1}`)].join('\r\n') + '\r\n');
	it.each<[string, LinkageJob['source'], string[], boolean]>([
		['from the store\'s list file', 'file', ['parse', 'link', 'write', 'record'], false],
		['from the registry', 'registry', ['parse', 'link', 'write', 'record'], false],
		// The worker loads the registry first when the page has not opened it yet: seconds for a million.
		['from the registry, read from storage first', 'registry', ['file', 'parse', 'link', 'write', 'record'], true]
	])('%s', async (_name, source, inside, loads) => {
		const index = new RegistryIndex();
		index.appendCustomers(numberedCustomers(rows));
		const store = fakeStore(index);
		if (loads) {
			store.registry = async (progress) => {
				for (let chunks = 0; chunks <= 3; chunks++) progress?.(chunks, 3);
				return index;
			};
		}
		const ports = fakePorts(store);
		const result = await buildLinkage(source === 'file' ? listFile() : null, job(source), ports);
		expect(result?.outcome.succeeded).toBe(rows);
		expectMovingBar(ports.bar, linkageStages, inside);
	});
});

// Not only a value inside each phase: a step per bounded amount of work, so a million rows give
// hundreds of updates in every phase (issue 14: progress visible every 250 ms). A list file is read
// as a stream into the parse: its reading and parsing are one stretch of the bar, a step per slice read.
describe('steps b/c move the bar once per bounded amount of work in every phase', () => {
	const options: ConversionOptions = { encoding: 'auto', outputEncoding: 'shift_jis', header: true, expiryOrder: 'YYMM', service: 'YAMATO', checkCustomerList: true };
	const text = ['サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)', ...Array.from({ length: rows }, (_, i) => `US-${String(10000 + i).padStart(8, '0')},C${i + 1}`)].join('\r\n') + '\r\n';
	const size = new TextEncoder().encode(text).length;
	it.each<[string, string, number, number]>([
		['file', 'parse', 1 << 14, Math.ceil(size / (1 << 14)) - 1],
		// A stream that gives the file in large chunks: a step per 64 KiB of them all the same.
		['file', 'parse', 1 << 20, Math.floor(size / (1 << 16))],
		['link', 'link', 1 << 14, 3 * Math.floor(rows / 4096)],
		['write', 'write', 1 << 14, 2 * Math.floor(rows / 4096)],
		['record', 'record', 1 << 14, 3]
	])('%s to %s, read in slices of %i bytes', async (from, to, slice, least) => {
		const ports = fakePorts(fakeStore());
		const job: LinkageJob = { kind: 'linkage', jobId: 'c-1', fileName: 'list.csv', source: 'file', options };
		expect((await buildLinkage(chunkedFile(text, slice), job, ports))?.outcome.succeeded).toBe(rows);
		const [start] = phases(linkageStages).get(from)!;
		const [, end] = phases(linkageStages).get(to)!;
		expect(ports.bar.filter((value) => value > start + 1e-9 && value < end - 1e-9).length).toBeGreaterThanOrEqual(least);
	});
});

// Step d reads its file in slices of 1 MiB (a browser's stream gives larger chunks still) and
// converts each in pieces, the bar moving before each: a step per 256 KiB however the file streams
// (issue 14: a whole slice was 40–60 ms of the worker's time at load 3–4).
describe('step d moves the bar once per 256 KiB converted', () => {
	const options: ConversionOptions = { encoding: 'auto', outputEncoding: 'shift_jis', header: true, expiryOrder: 'YYMM', service: 'YAMATO', checkCustomerList: false };
	const lines = Array.from({ length: 40_000 }, (_, i) => `US-${String(10000 + i).padStart(8, '0')},111,VISA,2912,Tk${String(i).padStart(18, '0')}`);
	const text = ['サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー', ...lines].join('\r\n') + '\r\n';
	const size = new TextEncoder().encode(text).length;
	it.each([1 << 20, 1 << 22])('read in chunks of %i bytes', async (chunk) => {
		const ports = fakePorts(fakeStore());
		const job: ReturnFileJob = { kind: 'yamato-return', jobId: 'd-1', fileName: 'return.csv', options, customerListJobId: null };
		expect((await convertReturnFile({ file: chunkedFile(text, chunk), customerList: null }, job, ports))?.outcome.succeeded).toBe(lines.length);
		// The convert phase is the bar's first (size of size + size / 6); its last step ends it.
		const convertEnd = 6 / 7;
		const steps = ports.bar.filter((value) => value > 1e-9 && value < convertEnd - 1e-9);
		expect(steps.length).toBeGreaterThanOrEqual(Math.floor(size / (1 << 18)) - 1);
	});
});
