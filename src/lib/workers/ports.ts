import type { JobPorts, JobStore } from '$lib/jobs/ports';
import { registryChunkSize } from '$lib/domain/records/columns';
import { peekPage, type CustomerPage } from '$lib/registry/customer-page';
import { exactKey } from '$lib/registry/search-keys';
import type { RegistryIndex, SearchRequest } from '$lib/registry/registry-index';
import { historyRepository } from '$lib/storage/history-repository';
import { registryRepository } from '$lib/storage/registry-repository';
import { runRepository } from '$lib/storage/run-repository';
import type { WorkerEvent } from './messages';
import { createHashClient } from './hash-client';
import { throttle, yielder } from './pacing';

// Step d's SHA-256 runs in a worker of this worker, on the other core (issue 14). A browser
// without nested workers leaves the hash on this thread.
const hashes =
	typeof Worker === 'undefined'
		? null
		: createHashClient(() => new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' }));

/** The registry as this worker loaded it, with the stamp of the database state it mirrors. */
let registry: Promise<{ index: RegistryIndex; stamp: string }> | null = null;
/** The registry once its load finished (until it is forgotten): the early page is not needed then. */
let settled: Promise<{ index: RegistryIndex; stamp: string }> | null = null;
/** Jobs waiting for the registry hear how far its load has read. */
const loadListeners = new Set<(done: number, of: number) => void>();
const searchTurn = yielder(0);

// The search keys are built after the load, in steps between which messages and jobs run (about
// half a second for a million customers in all), so the first page never waits for them and a
// search that comes first builds the rest at once.
function load() {
	const loading = registryRepository.load((done, of) => loadListeners.forEach((listener) => listener(done, of)));
	const pending = loading.then((loaded) => {
		if (registry === pending) settled = pending;
		const isCurrent = async () => {
			await searchTurn();
			if (registry !== pending) throw new Error('registry-replaced');
		};
		loaded.index.prepareSearchInSteps(isCurrent).catch(() => {});
		return loaded;
	});
	return pending;
}

/** The loaded registry, reloaded when another tab imported or erased since (its stamp moved on). */
async function current(): Promise<{ index: RegistryIndex; stamp: string }> {
	const loaded = await (registry ??= load());
	if (loaded.stamp === (await registryRepository.stamp())) return loaded;
	settled = null;
	registry = load();
	return registry;
}

/**
 * A blank list's page while the registry is still loading (answered from its first chunks, see
 * `registryRepository.peek`), or null when the loaded registry should answer: it is loaded, the
 * request is a search or lies beyond the first chunk, or the peek cannot answer exactly.
 */
export async function earlyPage(request: SearchRequest): Promise<CustomerPage | null> {
	if (settled || exactKey(request.query) !== '' || request.offset + request.limit > registryChunkSize) return null;
	// The peek reads first: the load's reads would queue before it.
	const peek = await registryRepository.peek(request.offset + request.limit);
	current().catch(() => {});
	return peek && peekPage(peek, request);
}

/** The jobs' store: IndexedDB through the repositories, and the registry kept in memory. */
export const storePort: JobStore & { reload(): void } = {
	registry: async (progress) => {
		if (progress) loadListeners.add(progress);
		try {
			return (await current()).index;
		} finally {
			if (progress) loadListeners.delete(progress);
		}
	},
	begin: (start) => runRepository.begin(start),
	record: async (record) => {
		const loaded = registry && (await registry);
		const checked = loaded ? { ...record, expectedStamp: loaded.stamp } : record;
		try {
			const { entry, firstSeq, stamp, alreadyStored } = await runRepository.record(checked);
			// The job appends its rows to `loaded.index` next; when the database refused some as already
			// stored, the memory would differ from it, so the next use reloads instead.
			const wrote = Boolean(record.customers?.linkageIds.length || record.cards?.customerSeqs.length);
			if (loaded && wrote && alreadyStored === 0) loaded.stamp = stamp;
			return { historyId: entry.id, firstSeq, alreadyStored };
		} catch (error) {
			if (error instanceof Error && error.message === 'registry-changed') registry = settled = null;
			throw error;
		}
	},
	historyEntry: (id) => historyRepository.get(id),
	/** Forgets the in-memory registry (after an erase, or when another tab changed it). */
	reload: () => {
		registry = settled = null;
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
		isCancelledNow: () => cancelled.has(requestId),
		finalWrite: () => post({ type: 'progress', requestId, done: 1, total: 1, finalWrite: true }),
		...(hashes && { streamHash: () => hashes.start() }),
		store: storePort
	};
}
