import { customerCountOf } from '$lib/domain/records/packed-customers';
import { cardCountIn } from '$lib/domain/records/card-column-builder';
import type { JobPorts, JobStore } from '$lib/jobs/ports';
import { historyRepository } from '$lib/storage/history-repository';
import { mappingRepository } from '$lib/storage/mapping-repository';
import { runRepository } from '$lib/storage/run-repository';
import type { WorkerEvent } from './messages';
import { createHashClient } from './hash-client';
import { loadedRegistry } from './loaded-registry';
import { throttle, yielder } from './pacing';

// Step d's SHA-256 runs in a worker of this worker, on the other core (issue 14). A browser
// without nested workers leaves the hash on this thread.
const hashes =
	typeof Worker === 'undefined'
		? null
		: createHashClient(() => new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' }));
// Started with this worker, not at step d's click: a new hash worker runs its SHA-256 unoptimised for
// about its first MiB (93 ms against 5-7 ms a MiB after, Node), which held step d's first progress
// update back ~290 ms; warmed up beforehand, 1M rows went 0.62 → 0.48 × Papa.parse (bench, load 3-4.6).
hashes?.prepare();

/** The jobs' store: IndexedDB through the repositories, and the registry kept in memory. */
export const storePort: JobStore & { reload(): void } = {
	registry: async (progress) => (await loadedRegistry.get(progress)).index,
	begin: (start) => runRepository.begin(start),
	record: async (record) => {
		const held = loadedRegistry.held();
		const loaded = held && (await held);
		const checked = loaded ? { ...record, expectedStamp: loaded.stamp } : record;
		try {
			const { entry, firstSeq, stamp, alreadyStored } = await runRepository.record(checked);
			// The job appends its rows to `loaded.index` next; when the database refused some as already
			// stored, the memory would differ from it, so the next use reloads instead.
			const wrote = Boolean(customerCountOf(record.customers) || (record.cards && cardCountIn(record.cards)));
			if (loaded && wrote && alreadyStored === 0) loaded.stamp = stamp;
			return { historyId: entry.id, firstSeq, alreadyStored };
		} catch (error) {
			if (error instanceof Error && error.message === 'registry-changed') loadedRegistry.forget();
			throw error;
		}
	},
	historyEntry: (id) => historyRepository.get(id),
	savedMappings: (kind) => mappingRepository.list(kind),
	/** Forgets the in-memory registry (after an erase, or when another tab changed it). */
	reload: () => loadedRegistry.forget()
};

/**
 * Milliseconds at least between two progress events of a job. The operator's longest wait for news
 * is this plus the longest stretch of work between two progress calls (the call that comes just
 * after the interval ends is the one posted). At 100 ms two thirds of a 150 ms wait (the margin
 * aimed at under issue 14's 250 ms) went by before any stretch, and each of the three longest waits
 * the bench printed per job (104–180 ms at load 4.5) was 100 ms and one stretch. At 50 ms a million-row job posts about 20 events a second, each a change
 * of one number on the page.
 */
const progressIntervalMs = 50;

/** The ports of one request: throttled progress events, a cancel polled after a turn of the loop. */
export function portsOf(requestId: number, post: (event: WorkerEvent) => void, cancelled: ReadonlySet<number>): JobPorts {
	const breathe = yielder();
	return {
		progress: throttle(progressIntervalMs, (done, total) => post({ type: 'progress', requestId, done, total })),
		isCancelled: async () => {
			await breathe();
			return cancelled.has(requestId);
		},
		isCancelledNow: () => cancelled.has(requestId),
		finalWrite: () => post({ type: 'progress', requestId, done: 1, total: 1, finalWrite: true }),
		...(hashes && { streamHash: () => hashes.start() }),
		store: storePort
	};
}
