import type { StreamHash } from '$lib/jobs/ports';
import type { HashAnswer, HashPort } from './hash-messages';

/** Bytes a message carries, and batches sent unhashed before `ready()` waits (3 + 1 filling: ≤ 2 MiB; 1 MiB × 4 + 1 was part of step d's fixed peak, issue 14). */
export const [hashBatchSize, hashBatchesInFlight] = [1 << 19, 3];

/**
 * Hashes on another thread: `start()` gives a `StreamHash` whose `update` copies the bytes into a
 * batch (the caller keeps its own slice) and transfers each full batch to the hash worker, so the
 * SHA-256 runs on the other core (issue 14); hashed batches come back (`spare`) to be filled again.
 * `ready()` waits while `hashBatchesInFlight` batches are unhashed (a starved hash thread must not
 * pile the file up in memory) and is woken when the worker answers a failure to any command; `hex()`
 * sends the last batch and resolves with the digest; `drop()` forgets a cancelled job's hash. The worker starts on the first hash and is kept; when it fails,
 * its pending digests reject with 'hash-failed' and the next hash starts a new worker; `prepare()` starts it ahead; `batches`: bytes per batch and batches in flight (tests: many batches from a small file).
 */
export function createHashClient(spawn: () => HashPort, batches = { size: hashBatchSize, inFlight: hashBatchesInFlight }): { start(): StreamHash; prepare(): void } {
	const { size: batchSize, inFlight: batchesInFlight } = batches;
	let [port, nextId]: [HashPort | null, number] = [null, 1];
	// Each worker's listeners by hash id (undefined: the worker failed): a failing worker stops its own.
	const listeners = new WeakMap<HashPort, Map<number, (answer: HashAnswer | undefined) => void>>();
	const connect = (): HashPort => {
		if (port) return port;
		const opened = spawn();
		const byId = new Map<number, (answer: HashAnswer | undefined) => void>();
		listeners.set(opened, byId);
		opened.onmessage = ({ data }) => byId.get(data.id)?.(data);
		opened.onerror = (event) => {
			event.preventDefault();
			for (const listener of byId.values()) listener(undefined);
			byId.clear();
			if (port === opened) port = null;
		};
		return (port = opened);
	};
	return {
		prepare: () => void connect(),
		start: () => {
			const [id, worker, spare] = [nextId++, connect(), [] as Uint8Array[]];
			let batch = new Uint8Array(batchSize);
			let [filled, inFlight, failed] = [0, 0, false];
			let wake: (() => void) | null = null;
			let digest: { resolve: (hex: string) => void; reject: (error: Error) => void } | null = null;
			const done = () => (listeners.get(worker)!.delete(id), wake?.());
			listeners.get(worker)!.set(id, (answer) => {
				if (!answer || 'failed' in answer) (failed = true), digest?.reject(new Error('hash-failed')), done();
				else if ('hex' in answer) digest?.resolve(answer.hex), done();
				else if ((answer.bytes?.length === batchSize && spare.length < batchesInFlight && spare.push(answer.bytes), --inFlight < batchesInFlight)) wake?.();
			});
			const send = () => {
				if (failed) filled = 0; // A failed hash sends nothing more: its digest is refused.
				if (filled === 0) return;
				// The batch goes whole or cut to what it holds, and is transferred: this thread keeps no copy.
				const bytes = filled === batch.length ? batch : batch.slice(0, filled);
				worker.postMessage({ type: 'update', id, bytes }, [bytes.buffer]);
				(batch = (spare.pop() as Uint8Array<ArrayBuffer> | undefined) ?? new Uint8Array(batchSize)), (filled = 0), inFlight++;
			};
			return {
				update: (bytes) => {
					for (let from = 0; from < bytes.length; ) {
						const take = Math.min(bytes.length - from, batch.length - filled);
						batch.set(take === bytes.length ? bytes : bytes.subarray(from, from + take), filled);
						(filled += take), (from += take);
						if (filled === batch.length) send();
					}
				},
				ready: () =>
					inFlight < batchesInFlight || failed ? undefined : new Promise<void>((resolve) => (wake = () => ((wake = null), resolve()))),
				hex: () => {
					if (failed) return Promise.reject(new Error('hash-failed'));
					send();
					const answer = new Promise<string>((resolve, reject) => (digest = { resolve, reject }));
					worker.postMessage({ type: 'digest', id }, []);
					return answer;
				},
				drop: () => (worker.postMessage({ type: 'drop', id }, []), done())
			};
		}
	};
}
