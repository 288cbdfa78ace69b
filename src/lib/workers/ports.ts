import type { JobPorts, JobStore } from '$lib/jobs/ports';
import type { RegistryIndex } from '$lib/registry/registry-index';
import { historyRepository } from '$lib/storage/history-repository';
import { registryRepository } from '$lib/storage/registry-repository';
import { runRepository } from '$lib/storage/run-repository';
import type { WorkerEvent } from './messages';
import { throttle, yielder } from './pacing';

let registry: Promise<RegistryIndex> | null = null;

/** The jobs' store: IndexedDB through the repositories, and the registry kept in memory. */
export const storePort: JobStore & { reload(): void } = {
	// The search keys are built with the load (about half a second for a million customers),
	// so that no later search ever waits for them.
	registry: () => (registry ??= registryRepository.loadIndex().then((index) => (index.prepareSearch(), index))),
	begin: (start) => runRepository.begin(start),
	record: async (record) => {
		const { entry, firstSeq } = await runRepository.record(record);
		return { historyId: entry.id, firstSeq };
	},
	historyEntry: (id) => historyRepository.get(id),
	/** Forgets the in-memory registry (after an erase, or when another tab changed it). */
	reload: () => {
		registry = null;
	}
};

/** The ports of one request: throttled progress events, a cancel polled after a turn of the loop. */
export function portsOf(requestId: number, post: (event: WorkerEvent) => void, cancelled: ReadonlySet<number>): JobPorts {
	const breathe = yielder();
	return {
		progress: throttle(100, (done, total) => post({ type: 'progress', requestId, done, total })),
		isCancelled: async () => {
			await breathe();
			return cancelled.has(requestId);
		},
		store: storePort
	};
}
