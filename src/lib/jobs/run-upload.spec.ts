import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardImportHeader, detectEncoding, sha256Hex } from '$lib/domain';
import { encodeShiftJis } from '$lib/domain/encoding/encode-text';
import { RegistryIndex } from '$lib/registry/registry-index';
import { numberedCustomers } from '$lib/registry/test-records';
import { createHashClient } from '$lib/workers/hash-client';
import { fakeHashWorker } from '$lib/workers/fake-hash-worker';
import { fakePorts, fakeStore, streamedFile } from './fake-ports';
import { importCards } from './import-cards';
import { registerCustomers } from './register-customers';
import { toCustomerColumns } from '$lib/domain/records/packed-customers';
import { cardColumnsIn, cardCountIn } from '$lib/domain/records/card-column-builder';

const settings = { service: 'YAMATO', availability: 'visible' };
// Enough rows for many slices of every size read here (the hash worker's batches are larger still).
const rows = 600;
const utf8 = (text: string) => new TextEncoder().encode(text);
const customersText = ['旧カートの顧客番号,氏名,メールアドレス', ...Array.from({ length: rows }, (_, i) => `C${i + 1},顧客${i + 1},`)].join('\r\n') + '\r\n';
const cardsText =
	[cardImportHeader.join(','), ...Array.from({ length: rows }, (_, i) => `YAMATO,US-${String(10000 + i).padStart(8, '0')},111,VISA,,,0,2912,Tk${String(i).padStart(18, '0')}`)].join('\r\n') + '\r\n';

/**
 * A file whose stream gives `bytes` in slices of `slice` bytes (0: one piece); with `isByteStream`
 * a byte stream, as a browser's `Blob.stream()` is, whose reads fill the reader's own buffers.
 */
function slicedFile(bytes: Uint8Array, slice: number, isByteStream = false): Blob {
	if (slice === 0) return new Blob([bytes as BlobPart]);
	const stream = () => {
		if (isByteStream) {
			let at = 0;
			return new ReadableStream({
				type: 'bytes',
				pull(controller) {
					if (at >= bytes.length) return controller.close();
					controller.enqueue(bytes.slice(at, (at += slice)));
				}
			});
		}
		return new ReadableStream<Uint8Array>({
			start(controller) {
				for (let at = 0; at < bytes.length; at += slice) controller.enqueue(bytes.slice(at, at + slice));
				controller.close();
			}
		});
	};
	return { size: bytes.length, stream } as unknown as Blob;
}

// An upload hashes its file slice by slice as it reads it (on the hash worker when there is one)
// and judges its encoding from the slices: the history must hold the whole file's SHA-256 and
// detectEncoding's answer, however the file streams.
describe('an upload records the SHA-256 and encoding of the whole file', () => {
	const files: [string, Uint8Array, 'customers' | 'cards'][] = [
		['顧客情報 (UTF-8)', utf8(customersText), 'customers'],
		['顧客情報 (Shift_JIS)', encodeShiftJis(customersText), 'customers'],
		['クレジットカード情報 (ASCII)', utf8(cardsText), 'cards']
	];
	const cases = files.flatMap(([name, bytes, kind]) =>
		(
			[
				['one piece, on this thread', 0, false, false],
				['small slices, on this thread', 97, false, false],
				['small slices of a byte stream read into reused buffers, on this thread', 97, false, true],
				['one piece, on a hash worker', 0, true, false],
				['small slices, on a hash worker', 4096, true, false],
				['slices of a byte stream read into reused buffers, on a hash worker', 4099, true, true]
			] as const
		).map(([how, slice, onWorker, isByteStream]) => [`${name}, ${how}`, bytes, kind, slice, onWorker, isByteStream] as const)
	);
	it.each(cases)('%s', async (_name, bytes, kind, slice, onWorker, isByteStream) => {
		const index = new RegistryIndex();
		if (kind === 'cards') index.appendCustomers(numberedCustomers(rows));
		const store = fakeStore(index);
		const ports = fakePorts(store);
		if (onWorker) ports.streamHash = createHashClient(() => fakeHashWorker()).start;
		const job = { fileName: `${kind}.csv`, encoding: 'auto', errorsBlockImport: false, settings } as const;
		const file = slicedFile(bytes, slice, isByteStream);
		const result = kind === 'customers' ? await registerCustomers(file, { ...job, kind }, ports) : await importCards(file, { ...job, kind }, ports);
		expect(result.outcome.succeeded).toBe(rows);
		const entry = store.entries.get(result.report.historyId)!;
		expect(entry.sha256).toBe(await sha256Hex(bytes));
		expect(entry.encoding).toBe(detectEncoding(bytes));
	});
});

/**
 * A file whose read gives its first `failAfter` bytes then fails, as a browser's File does once the
 * file on disk was changed (re-saved) after it was chosen: NotReadableError.
 */
function fileFailingAfter(bytes: Uint8Array, failAfter: number): Blob {
	const stream = () =>
		new ReadableStream<Uint8Array>({
			start(controller) {
				if (failAfter > 0) controller.enqueue(bytes.slice(0, failAfter));
				controller.error(new DOMException('The file could not be read.', 'NotReadableError'));
			}
		});
	return { size: bytes.length, stream } as unknown as Blob;
}

// The history entry is begun before the file is read: a read that fails anywhere must not leave that
// entry 'running' (実行中) with no job behind it, and must register nothing.
describe('an upload whose file cannot be read', () => {
	const cases = (['customers', 'cards'] as const).flatMap((kind) => [0, 1, 1000, 5000].map((failAfter) => [kind, failAfter] as const));
	it.each(cases)('%s, failing after %i bytes: the error goes on, the entry ends 中断, nothing registered', async (kind, failAfter) => {
		const index = new RegistryIndex();
		if (kind === 'cards') index.appendCustomers(numberedCustomers(rows));
		const store = fakeStore(index);
		const ports = fakePorts(store);
		const job = { fileName: `${kind}.csv`, encoding: 'auto', errorsBlockImport: false, settings } as const;
		const bytes = utf8(kind === 'customers' ? customersText : cardsText);
		expect(failAfter).toBeLessThan(bytes.length);
		const run = kind === 'customers' ? registerCustomers(fileFailingAfter(bytes, failAfter), { ...job, kind }, ports) : importCards(fileFailingAfter(bytes, failAfter), { ...job, kind }, ports);
		await expect(run).rejects.toMatchObject({ name: 'NotReadableError' });
		expect([...store.entries.values()].map((entry) => entry.status)).toEqual(['interrupted']);
		expect(store.records.every((record) => !record.customers && !record.cards)).toBe(true);
	});
});

/** A file whose every read gives other bytes (`versions[i]` for read i, the last one after): counts its reads. */
function fileChangingOnEveryRead(versions: Uint8Array[]): Blob & { reads: number } {
	const file = {
		reads: 0,
		size: versions[0].length,
		stream: () => {
			const bytes = versions[Math.min(file.reads++, versions.length - 1)];
			return new ReadableStream<Uint8Array>({
				start(controller) {
					controller.enqueue(bytes.slice());
					controller.close();
				}
			});
		}
	};
	return file as unknown as Blob & { reads: number };
}

// The history records a SHA-256 and the failed-rows download gives rows back only from a file of that
// hash: the rows registered must be the very bytes hashed, whatever a later read of the file would
// give. The upload reads its file once, hashing and checking the same slices.
describe('an upload registers the rows of the bytes whose hash it records', () => {
	const changes: [string, (bytes: Uint8Array) => Uint8Array][] = [
		['one byte changed in its last row', (bytes) => bytes.map((byte, i) => (i === bytes.length - 3 ? byte ^ 1 : byte))],
		['one byte changed in its first row', (bytes) => bytes.map((byte, i) => (i === 40 ? (byte === 0x31 ? 0x32 : 0x31) : byte))],
		['cut short by one line', (bytes) => bytes.subarray(0, bytes.lastIndexOf(0x0a, bytes.length - 2) + 1)],
		['empty', () => new Uint8Array(0)]
	];
	const cases = (['customers', 'cards'] as const).flatMap((kind) => changes.map(([what, change]) => [kind, what, change] as const));
	it.each(cases)('%s, later reads %s: read once, its rows and its hash recorded', async (kind, _what, change) => {
		const index = new RegistryIndex();
		if (kind === 'cards') index.appendCustomers(numberedCustomers(rows));
		const store = fakeStore(index);
		const job = { fileName: `${kind}.csv`, encoding: 'auto', errorsBlockImport: false, settings } as const;
		const bytes = utf8(kind === 'customers' ? customersText : cardsText);
		const file = fileChangingOnEveryRead([bytes, change(bytes)]);
		const run = kind === 'customers' ? registerCustomers(file, { ...job, kind }, fakePorts(store)) : importCards(file, { ...job, kind }, fakePorts(store));
		const { outcome, report } = await run;
		expect(file.reads).toBe(1);
		expect(outcome).toMatchObject({ status: 'done', succeeded: rows });
		expect(store.entries.get(report.historyId)).toMatchObject({ status: 'done', sha256: await sha256Hex(bytes), encoding: 'utf-8' });
		const recorded = store.records.at(-1)!;
		if (kind === 'customers') expect(toCustomerColumns(recorded.customers!).linkageIds).toEqual(Array.from({ length: rows }, (_, i) => `C${i + 1}`));
		else expect(cardCountIn(recorded.cards!)).toBe(rows);
	});
});

// The read hands the check slices of two buffers it fills again and again: whatever the
// checker keeps of a slice (a line cut at its end, a plain card's bytes) must be copied in time. The
// rows an upload registers are then the same, value for value, however the file streams.
describe('an upload registers the same rows whatever buffers its file is read into', () => {
	// Rows of every shape the cycles below give (23 token lengths, 5 name lengths, 3 brands, 12 months).
	const variedCards = (count: number) =>
		[cardImportHeader.join(','), ...Array.from({ length: count }, (_, i) => `YAMATO,US-${String(10000 + i).padStart(8, '0')},${String(i % 1000).padStart(3, '0')},${['VISA', 'JCB', 'AMEX'][i % 3]},,,0,${String(27 + (i % 70)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')},T${i}k${'x'.repeat(i % 23)}${i % 10}`)].join('\r\n') + '\r\n';
	const variedCustomers = (count: number) => ['旧カートの顧客番号,氏名,メールアドレス', ...Array.from({ length: count }, (_, i) => `C${i + 1},顧客${'𠮷'.repeat(i % 5)}${i},m${i}@example.jp`)].join('\r\n') + '\r\n';
	const registered = async (kind: 'customers' | 'cards', count: number, file: Blob) => {
		const index = new RegistryIndex();
		if (kind === 'cards') index.appendCustomers(numberedCustomers(count));
		const store = fakeStore(index);
		const job = { fileName: `${kind}.csv`, encoding: 'auto', errorsBlockImport: false, settings } as const;
		const result = kind === 'customers' ? await registerCustomers(file, { ...job, kind }, fakePorts(store)) : await importCards(file, { ...job, kind }, fakePorts(store));
		expect(result.outcome.succeeded).toBe(count);
		const { customers, cards } = store.records.at(-1)!;
		return kind === 'customers' ? toCustomerColumns(customers!) : cardColumnsIn(cards!);
	};
	// Reads of 1 byte put a boundary at every byte of every row shape: 230 rows (ten of each token
	// length) hold them all; the larger reads need the whole file to cross many rows and buffers.
	it.each((['customers', 'cards'] as const).flatMap((kind) => ([[1, 230], [97, 2000], [4099, 2000], [70001, 2000]] as const).map(([slice, count]) => [kind, slice, count] as const)))(
		'%s, a byte stream in reads of %i bytes (%i rows)',
		async (kind, slice, count) => {
			const bytes = utf8(kind === 'customers' ? variedCustomers(count) : variedCards(count));
			expect(await registered(kind, count, slicedFile(bytes, slice, true))).toEqual(await registered(kind, count, slicedFile(bytes, 0)));
		}
	);
});

// The read of an upload waits on the hash worker when the hash lags (ready()), on reads under way and
// on cancel polls: whatever their timing and whatever fails where, every upload must end — its rows
// registered with the file's hash, or 中断 with nothing registered — and never leave its entry 実行中
// with the page's bar frozen. Batches of a few bytes make the hash lag at every point of the file.
describe('every upload ends, registered or 中断, for any timing of its hash worker and any fault', () => {
	const bytes = utf8(customersText);
	const faults = fc.record({
		chunk: fc.integer({ min: 1, max: 3000 }),
		isByteStream: fc.boolean(),
		batch: fc.record({ size: fc.integer({ min: 64, max: 2048 }), inFlight: fc.integer({ min: 1, max: 3 }) }),
		answerDelays: fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 7 }),
		readFailsAt: fc.option(fc.nat({ max: bytes.length - 1 }), { freq: 3 }),
		cancelAtPoll: fc.option(fc.nat({ max: 60 }), { freq: 3 }),
		workerFailsAt: fc.option(fc.nat({ max: 60 }), { freq: 3 })
	});
	it('ends done with every row and the hash, or 中断 with nothing registered (a read or hash failure goes on)', async () => {
		const sha256 = await sha256Hex(bytes);
		await fc.assert(
			fc.asyncProperty(faults, async ({ chunk, isByteStream, batch, answerDelays, readFailsAt, cancelAtPoll, workerFailsAt }) => {
				const store = fakeStore(new RegistryIndex());
				const ports = fakePorts(store, cancelAtPoll ?? Infinity);
				ports.streamHash = createHashClient(() => fakeHashWorker({ answerDelays, failAfter: workerFailsAt ?? undefined }), batch).start;
				const file = streamedFile(bytes, { chunk, isByteStream, failAt: readFailsAt ?? undefined });
				const job = { kind: 'customers', fileName: 'customers.csv', encoding: 'auto', errorsBlockImport: false, settings } as const;
				let timer: ReturnType<typeof setTimeout> | undefined;
				const ended = await Promise.race([
					registerCustomers(file, job, ports).then(
						({ outcome }) => outcome.status,
						(error: Error) => (error.name === 'NotReadableError' ? error.name : error.message)
					),
					new Promise<string>((resolve) => (timer = setTimeout(() => resolve('hung'), 5000)))
				]).finally(() => clearTimeout(timer));
				const entries = [...store.entries.values()];
				const stored = store.records.filter((record) => record.customers);
				if (ended === 'done') {
					expect(entries).toMatchObject([{ status: 'done', succeeded: rows, sha256 }]);
					expect(stored).toHaveLength(1);
				} else {
					expect(['interrupted', 'NotReadableError', 'hash-failed']).toContain(ended);
					expect(entries.map((entry) => entry.status)).toEqual(['interrupted']);
					expect(stored).toEqual([]);
				}
				if (readFailsAt === null && cancelAtPoll === null && workerFailsAt === null) expect(ended).toBe('done');
			}),
			{ numRuns: 120 }
		);
	});
});
