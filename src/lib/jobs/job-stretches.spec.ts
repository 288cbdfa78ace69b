import { Session } from 'node:inspector';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cardImportHeader } from '$lib/domain';
import { RegistryIndex } from '$lib/registry/registry-index';
import { numberedCustomers } from '$lib/registry/test-records';
import { buildLinkage } from './build-linkage';
import type { LinkageJob, ReturnFileJob } from './conversion-types';
import { convertReturnFile } from './convert-return-file';
import { customerListOf as customerListOfIds, fakePorts, fakeStore, type FakeStore } from './fake-ports';
import { importCards } from './import-cards';
import type { JobPorts } from './ports';
import { registerCustomers } from './register-customers';
import { searchStepCustomers } from '$lib/workers/pacing';

// Issue 14: progress visible at least every 250 ms in every job. Time is not measured here: the
// work between two progress calls is counted in JavaScript block executions (V8's precise block
// coverage, its counters reset at every call), a count that does not depend on the machine or its
// load. A stretch bounded by the job's strides (a slice of the file, 4096 or 65,536 rows) is no
// larger when the file doubles; a stretch that grows with the file (a file hashed whole after
// reading it, an ASCII file scanned whole for its encoding, a column copied whole) doubles with it.
// Each stretch is named by the places (call stacks) of its two progress calls; the largest of each
// name may grow, when the rows double, by no more than `perRow` block executions per row added:
// less than one plain pass over the rows (at a million rows, a few milliseconds). Work done inside
// the engine (a Map's rehash, a sort) is not counted: the passes keep such tables out of the common
// case (link-rows.spec.ts); the engine's SHA-256 is counted by its bytes.

const session = new Session();
const post = <T>(method: string, params: object = {}): T => {
	let result: T | undefined;
	let failure: Error | null = null;
	// The inspector of one's own thread answers synchronously.
	session.post(method, params, (error, answer) => {
		failure = error;
		result = answer as T;
	});
	if (failure) throw failure;
	return result!;
};

interface Coverage {
	result: { url: string; functions: { ranges: { count: number }[] }[] }[];
}

// Bytes given to the engine's own SHA-256 since the last call: native work, which block coverage
// does not see, counted one per byte (the job's own hash costs more than that per byte).
let digested = 0;

/** Block executions since the last call (this file's own counting left out), and bytes digested natively. */
function work(): number {
	let count = digested;
	digested = 0;
	for (const script of post<Coverage>('Profiler.takePreciseCoverage').result) {
		if (script.url.includes('job-stretches')) continue;
		for (const fn of script.functions) for (const range of fn.ranges) count += range.count;
	}
	return count;
}

/** Where a progress call comes from: the app's frames of its call stack, as file:line:column. */
function site(): string {
	const limit = Error.stackTraceLimit;
	Error.stackTraceLimit = 20;
	const stack = new Error().stack ?? '';
	Error.stackTraceLimit = limit;
	const frames = stack.split('\n').slice(3);
	const app = frames.filter((frame) => frame.includes('/src/lib/') && !frame.includes('.spec.ts'));
	return app.map((frame) => frame.replace(/^.*\/src\/lib\//, '').replace(/\)$/, '')).join(' < ');
}

/** Runs `job` with ports whose progress counts the work since the previous call: each stretch, named by its two calls' places. */
async function stretchesOf(job: (ports: JobPorts) => Promise<unknown>, store: FakeStore): Promise<{ name: string; work: number }[]> {
	const ports = fakePorts(store);
	const stretches: { name: string; work: number }[] = [];
	let previous = 'start';
	const note = (at: string) => {
		stretches.push({ name: `${previous}\n    → ${at}`, work: work() });
		previous = at;
	};
	const bar = ports.progress;
	ports.progress = (done, total) => {
		note(site());
		bar(done, total);
	};
	work();
	await job(ports);
	note('end');
	return stretches;
}

// Block executions a stretch may add per row added (a plain pass over the rows costs about 8 to 30).
const perRow = 4;

const settings = { service: 'YAMATO', availability: 'visible' };
// Rows long enough that the smaller file holds several of the upload's 1 MiB check slices.
const customersFile = (rows: number) =>
	new Blob([
		['旧カートの顧客番号,氏名,メールアドレス', ...Array.from({ length: rows }, (_, i) => `C${String(i + 1).padStart(7, '0')},顧客${i + 1},customer${i + 1}@example.jp`)].join('\r\n') + '\r\n'
	]);
const cardsFile = (rows: number) =>
	new Blob([
		[cardImportHeader.join(','), ...Array.from({ length: rows }, (_, i) => `YAMATO,US-${String(10000 + i).padStart(8, '0')},111,VISA,,,0,2912,Tk${String(i).padStart(18, '0')}`)].join('\r\n') + '\r\n'
	]);
const registryOf = (rows: number) => {
	const index = new RegistryIndex();
	index.appendCustomers(numberedCustomers(rows));
	return index;
};
const customerId = (i: number) => `US-${String(10000 + i).padStart(8, '0')}`;
// Step d's return file of `rows` customers, each returned once, and the customer list of step b it
// is checked against: those customers and as many more, every one of them sent.
const returnFile = (rows: number) =>
	new Blob([
		['サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー', ...Array.from({ length: rows }, (_, i) => `${customerId(i)},111,VISA,2912,Tk${String(i).padStart(18, '0')}`)].join('\r\n') + '\r\n'
	]);
const customerListOf = (rows: number) => {
	return customerListOfIds(Array.from({ length: 2 * rows }, (_, i) => customerId(i)));
};
// The store's customer list file of step c.
const listFile = (rows: number) =>
	new Blob([['サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)', ...Array.from({ length: rows }, (_, i) => `${customerId(i)},C${i + 1}`)].join('\r\n') + '\r\n']);
const linkageJob: LinkageJob = {
	kind: 'linkage',
	jobId: 'c-1',
	fileName: '',
	source: 'registry',
	options: { encoding: 'auto', outputEncoding: 'shift_jis', header: true, expiryOrder: 'YYMM', service: 'YAMATO', checkCustomerList: true }
};

describe('no stretch of work between two progress calls grows with the file', () => {
	beforeAll(() => {
		const digest = crypto.subtle.digest.bind(crypto.subtle);
		vi.spyOn(crypto.subtle, 'digest').mockImplementation((algorithm, data) => {
			digested += data.byteLength;
			return digest(algorithm, data);
		});
		session.connect();
		post('Profiler.enable');
		post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
	});
	afterAll(() => {
		post('Profiler.stopPreciseCoverage');
		post('Profiler.disable');
		session.disconnect();
		vi.restoreAllMocks();
	});

	// Each case makes its input first (not counted), then the job on it.
	it.each<[string, number, (rows: number) => { run: (ports: JobPorts) => Promise<unknown>; store: FakeStore }]>([
		[
			'一括登録 › 顧客情報',
			// The file is above two of the check's slices; the rows are a few above 4096 × 3, so a
			// stride's last part stays short at twice the rows.
			12_300,
			(rows) => {
				const file = customersFile(rows);
				return { store: fakeStore(), run: (ports) => registerCustomers(file, { kind: 'customers', fileName: 'c.csv', encoding: 'auto', errorsBlockImport: false, settings }, ports) };
			}
		],
		[
			'一括登録 › クレジットカード情報',
			12_300,
			(rows) => {
				const file = cardsFile(rows);
				return { store: fakeStore(registryOf(rows)), run: (ports) => importCards(file, { kind: 'cards', fileName: 'k.csv', encoding: 'auto', errorsBlockImport: false, settings }, ports) };
			}
		],
		// A few rows above 65,536 (the CSV's encoded parts) and 4096 × 16: the strides' last parts stay short.
		['step c, from the registry', 66_000, (rows) => ({ store: fakeStore(registryOf(rows)), run: (ports) => buildLinkage(null, linkageJob, ports) })],
		[
			'step c, from the store\'s list file',
			66_000,
			(rows) => {
				const file = listFile(rows);
				return { store: fakeStore(), run: (ports) => buildLinkage(file, { ...linkageJob, source: 'file', fileName: 'list.csv' }, ports) };
			}
		],
		// The file is a few 1 MiB slices; its finish looks for the list's sent customers not returned.
		[
			'step d, checked against a customer list',
			66_000,
			(rows) => {
				const file = returnFile(rows);
				const customerList = customerListOf(rows);
				const job: ReturnFileJob = { kind: 'yamato-return', jobId: 'd-1', fileName: 'return.csv', options: linkageJob.options, customerListJobId: 'c-1' };
				return { store: fakeStore(), run: (ports) => convertReturnFile({ file, customerList }, job, ports) };
			}
		]
	])('%s: %i rows, then twice as many', async (_name, rows, input) => {
		const largest = async ({ run, store }: ReturnType<typeof input>) => {
			const byName = new Map<string, number>();
			for (const { name, work } of await stretchesOf(run, store)) byName.set(name, Math.max(byName.get(name) ?? 0, work));
			return byName;
		};
		const before = await largest(input(rows));
		const after = await largest(input(2 * rows));
		const grown = [...after].filter(([name, work]) => work - (before.get(name) ?? 0) > perRow * rows);
		expect(grown.map(([name, work]) => `${before.get(name) ?? 0} → ${work}: ${name}`)).toEqual([]);
		// Work is counted, not timed; under precise coverage the 132,000-row step c runs 19 s at load 12
		// and passed 30 s at load 19+, so the limit only guards against a hang.
	}, 120_000);

	// Once loaded, the worker's registry builds its search keys in steps, each whole between two
	// turns of the loop, so inside whatever job waits on the loop then (step c from the registry,
	// right after its load): no step may grow with the registry either.
	it('the worker builds the registry\'s search keys in steps that do not grow with the registry', async () => {
		const largestStep = async (rows: number) => {
			const index = registryOf(rows);
			const steps: number[] = [];
			work();
			await index.prepareSearchInSteps(async () => void steps.push(work()), searchStepCustomers);
			return Math.max(...steps);
		};
		const rows = 66_000;
		const before = await largestStep(rows);
		const after = await largestStep(2 * rows);
		expect(after - before).toBeLessThanOrEqual(rows);
	});
});
