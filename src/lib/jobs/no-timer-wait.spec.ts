import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDemoStore } from '$lib/domain/demo/demo-store';
import { buildLinkage } from './build-linkage';
import type { ConversionOptions } from './conversion-types';
import { convertReturnFile } from './convert-return-file';
import { fakePorts, fakeStore, streamedFile } from './fake-ports';
import { importCards } from './import-cards';
import { registerCustomers } from './register-customers';
import type { UploadJob } from './upload-types';

// A job waits for its file's reads, its hash and its store, never for a clock: a fixed delay (a
// poll that must run out, a settle wait, the read-stall timer of `streamInput` awaited when the
// read answered) would be paid by every file, and a 26-row file would answer in seconds instead of
// at once. Timers are faked and never advanced, so a job that awaits one never ends; the job is
// given a bounded number of real turns of the event loop (setImmediate, not faked) — turns, not time.
const loopTurns = 5000;

/** `run()`'s value once it ends within `loopTurns` turns of the loop while no timer fires; fails the test otherwise. */
async function withoutTimers<T>(run: () => Promise<T>): Promise<T> {
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
	let isSettled = false;
	const job = run().finally(() => (isSettled = true));
	for (let turn = 0; !isSettled && turn < loopTurns; turn++) await new Promise((resolve) => setImmediate(resolve));
	const waiting = vi.getTimerCount();
	vi.useRealTimers();
	expect(isSettled, `the job still waits after ${loopTurns} turns of the loop, on ${waiting} timer(s)`).toBe(true);
	return job;
}

afterEach(() => void vi.useRealTimers());

const demo = createDemoStore();
const settings = { service: 'YAMATO', availability: 'visible' };
const options: ConversionOptions = { encoding: 'auto', outputEncoding: 'shift_jis', header: true, expiryOrder: 'YYMM', service: 'YAMATO', checkCustomerList: true };
const upload = <K extends UploadJob['kind']>(kind: K, fileName: string) => ({ kind, fileName, encoding: 'auto', errorsBlockImport: false, settings }) as UploadJob & { kind: K };

// The ways a browser's File streams: whole in one read, or in short reads (a byte stream read into
// the job's own buffers, and a stream of its own chunks), which take several reads and read-aheads.
const streams = [
	['one read', (bytes: Uint8Array) => new Blob([bytes as BlobPart])],
	['short reads of a byte stream', (bytes: Uint8Array) => streamedFile(bytes, { chunk: 97, isByteStream: true })],
	['short reads of a plain stream', (bytes: Uint8Array) => streamedFile(bytes, { chunk: 97 })]
] as const;

describe('the demo migration, every step, waits on no timer when the file answers', () => {
	it.each(streams)('%s', async (_name, fileOf) => {
		const store = fakeStore();
		const registered = await withoutTimers(() => registerCustomers(fileOf(demo.oldCart.bytes), upload('customers', 'demo-oldcart-customers.csv'), fakePorts(store)));
		expect(registered.report).toMatchObject({ registered: demo.expected.customers, failed: 0 });

		const linkage = (await withoutTimers(() =>
			buildLinkage(fileOf(demo.customerList.bytes), { kind: 'linkage', jobId: 'c-1', fileName: 'demo-store-customer-list.csv', source: 'file', options }, fakePorts(store))
		))!;
		expect(linkage.report.summary).toMatchObject({ rows: demo.expected.storeCustomers, written: demo.expected.linked });

		const step = (await withoutTimers(() =>
			convertReturnFile(
				{ file: fileOf(demo.yamatoReturn.bytes), customerList: linkage.report.customerList ?? null },
				{ kind: 'yamato-return', jobId: 'd-1', fileName: 'demo-yamato-return.csv', options, customerListJobId: 'c-1' },
				fakePorts(store)
			)
		))!;
		expect(step.report.summary).toMatchObject({ rows: demo.expected.returnRows, written: demo.expected.written });

		const cards = new Uint8Array(await step.output!.arrayBuffer());
		const imported = await withoutTimers(() => importCards(fileOf(cards), upload('cards', 'card-import.csv'), fakePorts(store)));
		expect(imported.report).toMatchObject({ registered: demo.expected.written, failed: 0 });
	});
});
