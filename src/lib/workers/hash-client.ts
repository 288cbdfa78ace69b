import type { StreamHash } from '$lib/jobs/ports';
import type { HashPort } from './hash-messages';

/** Bytes sent per message: few messages (about 60 for a 1M-row file), little held at a time. */
export const hashBatchSize = 1 << 20;

/**
 * Hashes on another thread: `start()` gives a `StreamHash` whose `update` copies the bytes into a
 * batch (the caller keeps its own slice, the converter reads it next) and transfers each full batch
 * to the hash worker, so the SHA-256 runs on the other core while this thread converts (issue 14).
 * `hex()` sends the last batch and resolves with the worker's digest; `drop()` forgets a hash whose
 * job was cancelled. The worker starts on the first hash and is kept; when it fails, every
 * pending digest is rejected with 'hash-failed' and the next hash starts a new one.
 */
export function createHashClient(spawn: () => HashPort): { start(): StreamHash } {
	let port: HashPort | null = null;
	let nextId = 1;
	type Waiting = Map<number, { resolve: (hex: string) => void; reject: (error: Error) => void }>;
	// The digests each worker owes: a failing worker rejects its own, never a newer worker's.
	const owed = new WeakMap<HashPort, Waiting>();
	const connect = (): HashPort => {
		if (port) return port;
		const opened = spawn();
		const waiting: Waiting = new Map();
		owed.set(opened, waiting);
		opened.onmessage = ({ data }) => {
			const entry = waiting.get(data.id);
			waiting.delete(data.id);
			if (entry) ('hex' in data ? entry.resolve(data.hex) : entry.reject(new Error(data.failed)));
		};
		opened.onerror = (event) => {
			event.preventDefault();
			for (const entry of waiting.values()) entry.reject(new Error('hash-failed'));
			waiting.clear();
			if (port === opened) port = null;
		};
		return (port = opened);
	};
	return {
		start: () => {
			const id = nextId++;
			const worker = connect();
			let batch = new Uint8Array(hashBatchSize);
			let filled = 0;
			const send = () => {
				if (filled === 0) return;
				const bytes = filled === batch.length ? batch : batch.slice(0, filled);
				worker.postMessage({ type: 'update', id, bytes }, [bytes.buffer]);
				batch = new Uint8Array(hashBatchSize);
				filled = 0;
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
				hex: () => {
					// A worker that failed since this hash started lost its bytes: no digest to wait for.
					if (port !== worker) return Promise.reject(new Error('hash-failed'));
					send();
					const answer = new Promise<string>((resolve, reject) => owed.get(worker)!.set(id, { resolve, reject }));
					worker.postMessage({ type: 'digest', id }, []);
					return answer;
				},
				drop: () => worker.postMessage({ type: 'drop', id }, [])
			};
		}
	};
}
