import { decideWindow, detectionWindow, firstNonAscii, hasUtf8Bom, type DetectedEncoding } from '$lib/domain/encoding/detect-encoding';
import { createSha256Stream } from '$lib/domain/hash/sha256-stream';
import type { JobPorts, StreamHash } from './ports';

/**
 * Reads a file slice by slice from its stream without ever holding it whole: each slice goes to
 * `onSlice` with the bytes read so far; a promise it returns is awaited before the next read (a
 * consumer lagging behind holds reading back), `isCancelled` polled every `heldPollMs` meanwhile,
 * as while a read of the file waits, so a cancel ends a wait that may never end. Polls `isCancelled` before reading and after each
 * slice; false when cancelled. A file that grew while being read is cut at the size it had when
 * chosen. Each slice is a fresh array the callee may keep, unless `reuse`: then the stream reads
 * into one buffer of `sliceSize` bytes again and again (a byte stream's BYOB reader: no new array
 * per slice, nothing for the garbage collector), and a slice is valid only until `onSlice`'s
 * promise settles (or it returns): the callee copies what it keeps. A stream without BYOB reads
 * gives fresh arrays as before. A read left unanswered for `stall.firstMs` (doubled for each such
 * stall in a row) is given up and the rest read from a new stream over `file.slice(offset)`: no byte
 * lost or repeated; `stall.tries` stalls in a row fail as NotReadableError (see `readStall`).
 */
export async function streamInput(
	file: Blob,
	onSlice: (slice: Uint8Array, read: number) => unknown,
	isCancelled: () => boolean | Promise<boolean>,
	{ reuse = false, stall = readStall }: { reuse?: boolean; stall?: { firstMs: number; tries: number } } = {}
): Promise<boolean> {
	if (await isCancelled()) return false;
	const size = file.size;
	let offset = 0;
	let asked = 0;
	let byob: ReadableStreamBYOBReader | null = null;
	let reader: ReadableStreamBYOBReader | ReadableStreamDefaultReader<Uint8Array>;
	// Two buffers in turn: the next read is under way while the callee handles the last slice, so
	// the file's reading overlaps the work on it (a BYOB reader reads only when asked).
	let spare: ArrayBuffer[] = [];
	const ask = () => {
		const buffer = spare.pop()!;
		const length = Math.min(buffer.byteLength, size - asked);
		asked += length;
		const read = byob!.read(new Uint8Array(buffer, 0, length));
		// A read ahead may fail while the slice before it is handled, or once the job is cancelled and
		// no one awaits it: marked handled here, its error still reaches the loop that awaits it.
		read.catch(() => undefined);
		return read;
	};
	let next: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
	// The file's stream from `offset` on: at the start, and again after a read that went unanswered.
	const open = () => {
		const stream = offset === 0 ? file.stream() : file.slice(offset, size).stream();
		byob = null;
		if (reuse) {
			try {
				byob = stream.getReader({ mode: 'byob' });
			} catch {
				// Not a byte stream: read its own chunks.
			}
		}
		reader = byob ?? stream.getReader();
		spare = byob ? [new ArrayBuffer(sliceSize), new ArrayBuffer(sliceSize)] : [];
		asked = offset;
		next = byob && offset < size ? ask() : null;
	};
	open();
	let stalls = 0;
	while (offset < size) {
		const reading = next ?? (reader! as ReadableStreamDefaultReader<Uint8Array>).read();
		next = null;
		const answer = await unlessStalled(reading, stall.firstMs * 2 ** stalls, isCancelled);
		if (answer === cancelledWhileWaiting) {
			// A cancel while a read waits (given up only after 2 s, doubled for each stall in a row) is
			// heard within `heldPollMs`, not when the stall is given up. Not awaited: a stream that leaves
			// a read unanswered may leave its cancel so too.
			void reader!.cancel().catch(() => undefined);
			return false;
		}
		if (answer === stalled) {
			// A read left unanswered (a browser's Blob stream once did, for minutes, 60 % into a step d
			// conversion): the bytes from `offset` on are read again from a new stream over the file's
			// rest, so nothing is lost or read twice. The stuck read keeps its buffer; new ones are made.
			void reader!.cancel().catch(() => undefined);
			// A cancel wins over the last stall: the job ends cancelled, not as an unreadable file.
			if (await isCancelled()) return false;
			if (++stalls >= stall.tries) throw new DOMException('The file could not be read.', 'NotReadableError');
			open();
			continue;
		}
		stalls = 0;
		const { done, value } = answer;
		if (done || !value) break;
		const room = Math.min(value.length, size - offset);
		offset += room;
		// A short read leaves bytes unasked for: the next read asks from where this one ended.
		if (byob) asked = offset;
		if (byob && offset < size && spare.length > 0) next = ask();
		const held = onSlice(room === value.length ? value : value.subarray(0, room), offset);
		if ((held instanceof Promise && !(await heldOrCancelled(held, isCancelled))) || (await isCancelled())) {
			// A cancel wins over a read ahead that failed meanwhile (the stream errored: cancel rejects).
			await reader!.cancel().catch(() => undefined);
			return false;
		}
		// The slice's buffer (handed back by the read, transferred) is filled again two reads on.
		if (byob) {
			spare.push(value.buffer as ArrayBuffer);
			if (!next && offset < size) next = ask();
		}
	}
	if (offset >= size) await reader!.cancel().catch(() => undefined);
	return true;
}

/**
 * How long one read of the file may go unanswered before `streamInput` reads the rest from a new
 * stream (ms), doubled for each such stall in a row; after `tries` in a row the read fails as an
 * unreadable file. A read of 1 MiB from a local file takes milliseconds; opening the stream again
 * where it stopped costs nothing when a read was merely slow.
 */
export const readStall = { firstMs: 2000, tries: 5 };

const stalled = Symbol('stalled');
/** What `settledUnlessCancelled` gives when the cancel came first. */
export const cancelledWhileWaiting = Symbol('cancelled');

/**
 * `read`'s answer (its rejection thrown); `stalled` when it has none after `ms`; `cancelledWhileWaiting`
 * when `isCancelled` says so first (see `settledUnlessCancelled`).
 */
async function unlessStalled<T>(
	read: Promise<T>,
	ms: number,
	isCancelled: () => boolean | Promise<boolean>
): Promise<T | typeof stalled | typeof cancelledWhileWaiting> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		return await settledUnlessCancelled(Promise.race([read, new Promise<typeof stalled>((resolve) => (timer = setTimeout(() => resolve(stalled), ms)))]), isCancelled);
	} finally {
		clearTimeout(timer);
	}
}

/** A job's hash of a streamed file: on another core when the ports give one, else on this thread. */
export function streamHashOf(ports: Pick<JobPorts, 'streamHash'>): StreamHash {
	if (ports.streamHash) return ports.streamHash();
	const hash = createSha256Stream();
	return { update: (bytes) => hash.update(bytes), ready: () => undefined, hex: async () => hash.hex(), drop: () => undefined };
}

/**
 * Reads a file once from reused buffers without keeping it (issue 14): each slice goes to `hash`
 * (SHA-256, FIPS 180-4) and then to `take(slice, bytes read)`, which copies what it keeps (the
 * slice is valid only during the call). The digest once the hash has caught up, or null when
 * cancelled. A read that fails throws, as does a hash that fails. The hash is dropped when the file
 * was not read to its end.
 */
export async function streamHashed(
	file: Blob,
	hash: StreamHash,
	take: (slice: Uint8Array, read: number) => void,
	isCancelled: () => boolean | Promise<boolean>
): Promise<string | null> {
	let isRead = false;
	try {
		isRead = await streamInput(
			file,
			(slice, read) => {
				hash.update(slice);
				take(slice, read);
				return hash.ready();
			},
			isCancelled,
			{ reuse: true }
		);
	} finally {
		if (!isRead) hash.drop();
	}
	return isRead ? hash.hex() : null;
}

/**
 * `detectEncoding` (a BOM, else UTF-8 unless the 64 KiB window from the first non-ASCII byte says
 * Shift_JIS) judged as a file is read, without the file: `slice(slice)` takes each slice in file
 * order as it arrives and copies what decides — the
 * first 3 bytes (a BOM) and `detectionWindow` + 1 bytes from the first non-ASCII byte (the one past
 * the window says more follows) — so `of()` answers from at most 64 KiB held, never the whole file.
 * Same answer as `detectEncoding(bytes)` of the whole file for any slicing.
 */
export function encodingScan() {
	const head = new Uint8Array(3);
	let headLength = 0;
	let window: Uint8Array | null = null;
	let windowLength = 0;
	return {
		slice(slice: Uint8Array): void {
			if (headLength < head.length) {
				const take = Math.min(head.length - headLength, slice.length);
				head.set(slice.subarray(0, take), headLength);
				headLength += take;
			}
			let from = 0;
			if (!window) {
				from = firstNonAscii(slice);
				if (from < 0) return;
				window = new Uint8Array(detectionWindow + 1);
			}
			if (windowLength === window.length) return;
			const take = Math.min(window.length - windowLength, slice.length - from);
			window.set(slice.subarray(from, from + take), windowLength);
			windowLength += take;
		},
		of(): DetectedEncoding {
			if (hasUtf8Bom(head.subarray(0, headLength))) return 'utf-8-bom';
			return window ? decideWindow(window.subarray(0, windowLength), false) : 'utf-8';
		}
	};
}

/** Milliseconds between polls of the cancel while a slice's consumer holds reading back. */
export const heldPollMs = 50;

/** Waits for `held` (its rejection thrown), polling `isCancelled` every `heldPollMs`: false when cancelled first. */
async function heldOrCancelled(held: Promise<unknown>, isCancelled: () => boolean | Promise<boolean>): Promise<boolean> {
	return (await settledUnlessCancelled(held, isCancelled)) !== cancelledWhileWaiting;
}

/**
 * `promise`'s value (its rejection thrown), or `cancelledWhileWaiting` once `isCancelled`, polled every
 * `heldPollMs` while it waits, says so first: the one wait of `streamInput` for a read of the file and
 * for a callee that holds reading back, so a cancel ends a wait that may never end.
 */
export async function settledUnlessCancelled<T>(promise: Promise<T>, isCancelled: () => boolean | Promise<boolean>): Promise<T | typeof cancelledWhileWaiting> {
	let isSettled = false;
	const settle = promise.then(
		() => void (isSettled = true),
		() => void (isSettled = true)
	);
	while (!isSettled) {
		let poll: ReturnType<typeof setTimeout> | undefined;
		await Promise.race([settle, new Promise((resolve) => (poll = setTimeout(resolve, heldPollMs)))]);
		clearTimeout(poll);
		if (!isSettled && (await isCancelled())) return cancelledWhileWaiting;
	}
	return await promise;
}

/** Slices a job feeds its streaming reader: small enough for progress and a cancel every few ms. */
export const sliceSize = 1 << 20;

/**
 * One progress bar over a job's stages, in units of the file's bytes: each stage has a weight,
 * `at(stage, done, of)` reports the bar at `done / of` of that stage.
 */
export function stagedProgress<Stage extends string>(
	progress: (done: number, total: number) => void,
	weights: readonly (readonly [Stage, number])[]
) {
	const start = new Map<Stage, number>();
	let total = 0;
	for (const [stage, weight] of weights) {
		start.set(stage, total);
		total += weight;
	}
	const weightOf = new Map(weights);
	return (stage: Stage, done: number, of: number) => {
		const weight = weightOf.get(stage) ?? 0;
		progress((start.get(stage) ?? 0) + (of > 0 ? (weight * Math.min(done, of)) / of : weight), total);
	};
}

