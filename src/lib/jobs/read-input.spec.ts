import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinBytes } from '$lib/domain/bytes';
import { detectEncoding } from '$lib/domain';
import { detectionWindow } from '$lib/domain/encoding/detect-encoding';
import { encodingScan, heldPollMs, streamHashed, streamHashOf, streamInput } from './read-input';
import { sha256Hex } from '$lib/domain';
import { createHashClient } from '$lib/workers/hash-client';
import { fakeHashWorker } from '$lib/workers/fake-hash-worker';
import { streamedFile } from './fake-ports';

/** A Blob whose stream delivers `bytes` in the given slices, while `size` says what was chosen. */
function slicedFile(slices: Uint8Array[], size = slices.reduce((sum, slice) => sum + slice.length, 0)): Blob {
	return {
		size,
		stream: () =>
			new ReadableStream<Uint8Array>({
				start(controller) {
					for (const slice of slices) controller.enqueue(slice);
					controller.close();
				}
			})
	} as unknown as Blob;
}

/** The same as a byte stream (as a browser's `Blob.stream()` is): BYOB reads fill the reader's own buffer. */
function byteStreamFile(slices: Uint8Array[], size = slices.reduce((sum, slice) => sum + slice.length, 0)): Blob {
	return {
		size,
		stream: () => {
			let next = 0;
			return new ReadableStream({
				type: 'bytes',
				pull(controller) {
					if (next === slices.length) return controller.close();
					controller.enqueue(slices[next++].slice());
				}
			});
		}
	} as unknown as Blob;
}

const slicesArb = fc.array(fc.uint8Array({ minLength: 1, maxLength: 40 }), { maxLength: 8 });

describe('streamInput', () => {
	it('hands every byte on once, in order, with the running count', async () => {
		await fc.assert(
			fc.asyncProperty(slicesArb, async (slices) => {
				const seen: Uint8Array[] = [];
				const counts: number[] = [];
				const done = await streamInput(slicedFile(slices), (slice, read) => (seen.push(slice), counts.push(read)), () => false);
				const size = slices.reduce((sum, slice) => sum + slice.length, 0);
				expect(done).toBe(true);
				expect(joinBytes(seen)).toEqual(joinBytes(slices));
				expect(counts).toEqual(seen.map((_, i) => seen.slice(0, i + 1).reduce((sum, slice) => sum + slice.length, 0)));
			})
		);
	});

	it('cuts a file that grew after it was chosen at the size it had then', async () => {
		await fc.assert(
			fc.asyncProperty(slicesArb, fc.nat(), async (slices, cut) => {
				const total = slices.reduce((sum, slice) => sum + slice.length, 0);
				const size = total === 0 ? 0 : cut % (total + 1);
				const seen: Uint8Array[] = [];
				await streamInput(slicedFile(slices, size), (slice) => seen.push(slice), () => false);
				expect(joinBytes(seen)).toEqual(joinBytes(slices).subarray(0, size));
			})
		);
	});

	it('reads a byte stream into one reused buffer: a callee that copies each slice gets every byte once, cut at the size chosen', async () => {
		await fc.assert(
			fc.asyncProperty(slicesArb, fc.nat(), fc.boolean(), async (slices, cut, isByteStream) => {
				const total = slices.reduce((sum, slice) => sum + slice.length, 0);
				const size = total === 0 ? 0 : cut % (total + 1);
				const copies: Uint8Array[] = [];
				const file = isByteStream ? byteStreamFile(slices, size) : slicedFile(slices, size);
				const done = await streamInput(file, (slice) => copies.push(slice.slice()), () => false, { reuse: true });
				expect(done).toBe(true);
				expect(joinBytes(copies)).toEqual(joinBytes(slices).subarray(0, size));
			})
		);
	});

	it('reuses the buffers of a byte stream: a slice kept past its call is taken by a later read', async () => {
		const slices = [new Uint8Array([1, 1]), new Uint8Array([2, 2]), new Uint8Array([3, 3])];
		const kept: Uint8Array[] = [];
		await streamInput(byteStreamFile(slices), (slice) => kept.push(slice), () => false, { reuse: true });
		// Two buffers in turn, each transferred to the read that fills it: the first slice's view is
		// detached once the third read is under way.
		expect(kept[0].length).toBe(0);
		expect([...kept[2]]).toEqual([3, 3]);
	});

	it.each([
		['before reading', 0],
		['after the first slice', 1],
		['after the second slice', 2]
	])('stops and says so when cancelled %s', async (_, after) => {
		let polls = 0;
		const seen: number[] = [];
		const slices = [new Uint8Array([1]), new Uint8Array([2]), new Uint8Array([3])];
		const done = await streamInput(slicedFile(slices), (slice) => seen.push(slice[0]), () => polls++ >= after);
		expect(done).toBe(false);
		expect(seen).toEqual([1, 2, 3].slice(0, after));
	});

	// A consumer that holds reading back (a hash thread lagging, or one that never answers) must not
	// keep a cancel out: the wait polls the cancel, and a prompt consumer costs no extra poll.
	it.each([
		['never settles', 'cancelled', () => new Promise<void>(() => undefined), false],
		['settles after three poll intervals', 'cancelled', () => new Promise<void>((resolve) => setTimeout(resolve, 3 * heldPollMs + 10)), false],
		['settles at once', 'finished', () => Promise.resolve(), true]
	])('a held read that %s ends %s when a cancel arrives while it waits', async (_, __, held, finished) => {
		let [polls, cancelled] = [0, false];
		setTimeout(() => (cancelled = true), 2 * heldPollMs);
		const slices = [new Uint8Array([1]), new Uint8Array([2])];
		const done = await streamInput(slicedFile(slices), () => held(), () => (polls++, cancelled));
		expect(done).toBe(finished);
		// Before reading and after each slice: a wait that ends at once polls no more than that.
		if (finished) expect(polls).toBe(3);
	});

	it('throws what a held read rejects with', async () => {
		await expect(streamInput(slicedFile([new Uint8Array([1])]), () => Promise.reject(new Error('held-failed')), () => false)).rejects.toThrow('held-failed');
	});
});

// A read the stream never answers (a browser's Blob stream once left one for minutes, step d at 60 %)
// must neither hang the job nor lose or repeat a byte: the rest is read from a new stream where it stopped.
describe('streamInput after a read left unanswered', () => {
	const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 37 + (i >> 5)) & 0xff);
	const stall = { firstMs: 5, tries: 4 };
	it('hands on every byte once, in order, wherever the stall, for any chunking and either kind of stream', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 1, max: bytes.length }),
				fc.integer({ min: 1, max: 900 }),
				fc.nat({ max: bytes.length - 1 }),
				fc.integer({ min: 1, max: 3 }),
				fc.boolean(),
				fc.boolean(),
				fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined }),
				async (length, chunk, stallAt, stalls, isByteStream, reuse, lateMs) => {
					const content = bytes.subarray(0, length);
					const at = stallAt % length;
					const file = streamedFile(content, { chunk, isByteStream, stallAt: at, stalls, lateMs });
					const copies: Uint8Array[] = [];
					let read = 0;
					const done = await streamInput(file, (slice, total) => ((read = total), copies.push(slice.slice())), () => false, { reuse, stall });
					expect(done).toBe(true);
					expect(read).toBe(length);
					expect(joinBytes(copies)).toEqual(content);
					// A stall at a chunk's start is met by every stalling stream; one inside a chunk may be read
					// past; a late answer that beat the give-up opened no new stream.
					if (at % chunk === 0 && lateMs === undefined) expect(file.opened).toBe(stalls + 1);
					else expect(file.opened).toBeLessThanOrEqual(stalls + 1);
				}
			),
			{ numRuns: 120 }
		);
	});

	// A byte stream whose source queues more than one read takes (a chunk above the 1 MiB reused
	// buffer): the read past the buffer's end stays queued; a stall inside or at the end of such a chunk
	// must still hand on every byte once.
	it.each([
		['at the start of the second chunk', 1_500_000],
		['inside a queued chunk, past the first buffer', 1_200_000],
		['inside the first chunk', 700_000]
	])('hands on every byte once when chunks outgrow the reused buffer and the stall is %s', async (_, stallAt) => {
		const big = Uint8Array.from({ length: 3_000_000 }, (_, i) => (i * 31 + (i >> 11)) & 0xff);
		// Never answered; answered 1 ms on, before the give-up at `stall.firstMs` (5 ms: the earlier timer
		// fires first and its answer settles before the later one runs, whatever the load); 30 ms on, after it.
		for (const lateMs of [undefined, 1, 30]) {
			const file = streamedFile(big, { chunk: 1_500_000, isByteStream: true, stallAt, stalls: 2, lateMs });
			const copies: Uint8Array[] = [];
			expect(await streamInput(file, (slice) => void copies.push(slice.slice()), () => false, { reuse: true, stall })).toBe(true);
			expect(Buffer.from(joinBytes(copies)).equals(Buffer.from(big))).toBe(true);
			// At a chunk's start every stalling stream meets the stall: two given up, then a third stream;
			// a read answered before the give-up is no stall, and the first stream reads on to the end.
			if (stallAt % 1_500_000 === 0) expect(file.opened).toBe(lateMs === 1 ? 1 : 3);
		}
	});

	it('fails as an unreadable file when every new stream stalls too, after the tries allowed', async () => {
		const file = streamedFile(bytes, { chunk: 700, isByteStream: true, stallAt: 1400, stalls: 99 });
		await expect(streamInput(file, () => undefined, () => false, { reuse: true, stall })).rejects.toThrow('could not be read');
		expect(file.opened).toBe(stall.tries);
	});

	/**
	 * Streams `bytes` with every read from byte 1,400 on left unanswered, the cancel coming just after the
	 * slice before the stall was handed on: while the read waits.
	 */
	async function cancelledWhileStalled(stallOf: { firstMs: number; tries: number }) {
		let cancelled = false;
		const file = streamedFile(bytes, { chunk: 700, isByteStream: true, stallAt: 1400, stalls: 99 });
		const done = await streamInput(file, (_, read) => void (read >= 1400 && setTimeout(() => (cancelled = true), 1)), () => cancelled, { reuse: true, stall: stallOf });
		return { done, opened: file.opened };
	}

	it('ends cancelled when a cancel comes while a read is unanswered', async () => {
		expect((await cancelledWhileStalled(stall)).done).toBe(false);
	});

	// A cancel is the operator's, whatever the read does meanwhile: it must neither wait for the stall
	// to be given up (up to 2 + 4 + 8 + 16 + 32 s) nor turn into a failure at the last try.
	it('ends cancelled at once when a cancel comes while a read waits, not when the stall is given up', async () => {
		const { done, opened } = await cancelledWhileStalled({ firstMs: 3_600_000, tries: 4 });
		expect(done).toBe(false);
		expect(opened).toBe(1);
	});

	it('ends cancelled, not unreadable, when the cancel came during the last stall allowed', async () => {
		expect((await cancelledWhileStalled({ firstMs: 5, tries: 1 })).done).toBe(false);
	});
});

// An upload judges its encoding from the slices as they are read (no scan of the whole file after
// the read): the answer must be detectEncoding's of the whole file, however the file is cut.
describe('encodingScan', () => {
	/** `encodingScan`'s answer for `bytes` given in slices cut at `cuts` (each taken modulo the length + 1). */
	const scannedInSlices = (bytes: Uint8Array, cuts: number[]) => {
		const ends = [...new Set(cuts.map((cut) => cut % (bytes.length + 1))), bytes.length].sort((a, b) => a - b);
		const scan = encodingScan();
		let at = 0;
		for (const end of ends) {
			if (end === at) continue;
			scan.slice(bytes.subarray(at, end));
			at = end;
		}
		return scan.of();
	};
	// Bytes that decide: ASCII, a BOM, UTF-8 and Shift_JIS Japanese, stray high bytes, line ends.
	const pieces = [
		[0x41, 0x2c, 0x31],
		[0x0d, 0x0a],
		[0xef, 0xbb, 0xbf],
		[0xe9, 0xa1, 0xa7],
		[0x8c, 0xda, 0x8b, 0x71],
		[0x82],
		[0xff]
	].map((piece) => Uint8Array.from(piece));
	const file = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.uint8Array({ maxLength: 8 })), { maxLength: 60 }).map((parts) => joinBytes(parts));
	it('gives detectEncoding of the whole file for any slicing', () => {
		fc.assert(
			fc.property(file, fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
				expect(scannedInSlices(bytes, cuts)).toBe(detectEncoding(bytes));
			}),
			{ numRuns: 500 }
		);
	});

	// Around the window's end: a long line of 2-byte UTF-8 characters (or Shift_JIS-looking pairs)
	// whose last character the 64 KiB window may cut, with more bytes after it or none.
	it('gives detectEncoding of the whole file when the window ends inside a line, for any slicing', () => {
		const pairs = [Uint8Array.from([0xc3, 0xa9]), Uint8Array.from([0x82, 0xa0])];
		const bigFile = fc
			.tuple(fc.array(fc.constantFrom(...pieces), { maxLength: 4 }), fc.constantFrom(...pairs), fc.integer({ min: -3, max: 3 }), fc.array(fc.constantFrom(...pieces), { maxLength: 4 }))
			.map(([before, pair, shift, after]) => {
				const line = new Uint8Array(detectionWindow + 2 * shift);
				for (let at = 0; at + 1 < line.length; at += 2) line.set(pair, at);
				return joinBytes([...before, line, ...after]);
			});
		fc.assert(
			fc.property(bigFile, fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
				expect(scannedInSlices(bytes, cuts)).toBe(detectEncoding(bytes));
			}),
			{ numRuns: 200 }
		);
	});

	it.each<[string, number[], string]>([
		['all ASCII', [0x41, 0x0a, 0x42], 'utf-8'],
		['a BOM', [0xef, 0xbb, 0xbf, 0x41], 'utf-8-bom'],
		['Shift_JIS in the second slice', [0x41, 0x0a, 0x8c, 0xda, 0x8b, 0x71, 0x0a], 'shift_jis'],
		['UTF-8 cut between slices', [0x41, 0x0a, 0xe9, 0xa1, 0xa7, 0x0a], 'utf-8']
	])('%s, in slices of 2 bytes', (_name, values, expected) => {
		const bytes = Uint8Array.from(values);
		const scan = encodingScan();
		for (let at = 0; at < bytes.length; at += 2) scan.slice(bytes.subarray(at, at + 2));
		expect(scan.of()).toBe(expected);
	});
});

// The one read of an upload (and of steps b/c from a file, and the failed-rows download): every
// slice to the hash and to the taker, the whole file's digest, or, when cancelled at any poll,
// nothing and the hash dropped (a hash worker must not keep a cancelled job's state).
describe('streamHashed', () => {
	const bytes = new TextEncoder().encode('旧カートの顧客番号,氏名\r\nC1,顧客\r\n'.repeat(50));
	const slices = Array.from({ length: Math.ceil(bytes.length / 97) }, (_, i) => bytes.slice(97 * i, 97 * (i + 1)));
	it.each([false, true])('gives the whole file\'s SHA-256, every slice taken in order with the bytes read, read as a byte stream: %s', async (isByteStream) => {
		const taken: number[] = [];
		const reads: number[] = [];
		const file = isByteStream ? byteStreamFile(slices) : slicedFile(slices);
		const digest = await streamHashed(file, streamHashOf({}), (slice, read) => (taken.push(...slice), reads.push(read)), () => false);
		expect(digest).toBe(await sha256Hex(bytes));
		expect(Uint8Array.from(taken)).toEqual(bytes);
		expect(reads.at(-1)).toBe(bytes.length);
	});

	it.each(Array.from({ length: slices.length + 1 }, (_, poll) => [poll]))('cancelled at poll %i: null, the hash dropped', async (poll) => {
		let polls = 0;
		let dropped = false;
		const hash = { ...streamHashOf({}), drop: () => void (dropped = true) };
		const digest = await streamHashed(slicedFile(slices), hash, () => undefined, () => polls++ >= poll);
		expect(digest).toBeNull();
		expect(dropped).toBe(true);
	});
});

/** What a promise came to within `ms` (real time): its value, its error's name or message, or 'hung'. */
async function within<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | { error: string } | 'hung'> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), ms)));
	const settled = promise.then(
		(value) => ({ value }),
		(error: Error) => ({ error: error.name === 'NotReadableError' ? error.name : error.message })
	);
	return Promise.race([settled, hung]).finally(() => clearTimeout(timer));
}

// A read held back by a lagging hash (ready()) waits on the hash worker's answers, on reads under
// way into the other buffer, and on cancel polls: a wake-up missed anywhere leaves the job running
// for ever (its bar frozen). With batches of a few bytes and at most 1-3 in flight, a small file
// holds the read back again and again, at every point of the interleaving.
describe('streamHashed ends whatever the timing of the hash worker, the reads and the cancel', () => {
	const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i * 131 + (i >> 7)) & 0xff);
	const faults = fc.record({
		length: fc.integer({ min: 0, max: bytes.length }),
		chunk: fc.integer({ min: 1, max: 700 }),
		isByteStream: fc.boolean(),
		batch: fc.record({ size: fc.integer({ min: 16, max: 400 }), inFlight: fc.integer({ min: 1, max: 3 }) }),
		answerDelays: fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 9 }),
		readFailsAt: fc.option(fc.nat({ max: bytes.length })),
		cancelAtPoll: fc.option(fc.nat({ max: 30 })),
		workerFailsAt: fc.option(fc.nat({ max: 40 }))
	});
	it('gives the digest, or null once cancelled, or the read’s or the hash’s failure: never hangs, never a wrong digest', async () => {
		await fc.assert(
			fc.asyncProperty(faults, async ({ length, chunk, isByteStream, batch, answerDelays, readFailsAt, cancelAtPoll, workerFailsAt }) => {
				const content = bytes.subarray(0, length);
				const file = streamedFile(content, { chunk, isByteStream, failAt: readFailsAt ?? undefined });
				const worker = fakeHashWorker({ answerDelays, failAfter: workerFailsAt ?? undefined });
				const hash = createHashClient(() => worker, batch).start();
				let [polls, taken] = [0, 0];
				const isCancelled = () => cancelAtPoll !== null && polls++ >= cancelAtPoll;
				const ended = await within(streamHashed(file, hash, (slice) => void (taken += slice.length), isCancelled), 5000);
				expect(ended).not.toBe('hung');
				if (ended === 'hung') return;
				const isReadCut = readFailsAt !== null && readFailsAt < length;
				if ('value' in ended && ended.value !== null) {
					expect(ended.value).toBe(await sha256Hex(content));
					expect([taken, isReadCut]).toEqual([length, false]);
				} else if ('value' in ended) expect(cancelAtPoll).not.toBeNull();
				else if (ended.error === 'NotReadableError') expect(isReadCut).toBe(true);
				else expect([ended.error, workerFailsAt !== null]).toEqual(['hash-failed', true]);
				if (cancelAtPoll === null && !isReadCut && workerFailsAt === null) expect(ended).toEqual({ value: await sha256Hex(content) });
			}),
			{ numRuns: 150 }
		);
	});
});
