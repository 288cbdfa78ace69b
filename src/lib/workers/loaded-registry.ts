import type { RegistryIndex } from '$lib/registry/registry-index';
import { forwardOnly, registryRepository } from '$lib/storage/registry-repository';
import { searchStepCustomers, yielder } from './pacing';
import { callerGate } from './caller-gate';
import { registryReading } from './registry-reading';
import { heardRead, loadTurn } from './load-reading';

type Loaded = { index: RegistryIndex; stamp: string };

/** The registry as this worker loaded it, with the stamp of the database state it mirrors. */
let registry: Promise<Loaded> | null = null;
/** The registry once its load finished (until it is forgotten): the early page is not needed then. */
let settled: Promise<Loaded> | null = null;
/** Jobs waiting for the registry hear how far its load has read. */
const listeners = new Set<(done: number, of: number) => void>();
const turn = yielder(0);
const callers = callerGate();
// Search keys are built after the load in steps, messages and jobs running between them; none runs
// while a caller waits (its stamp check's IndexedDB round trips each waited behind a step: 50–90 ms).
function load(): Promise<Loaded> {
	registryReading.started();
	const pending: Promise<Loaded> = registryRepository
		.load((done, of) => listeners.forEach((listener) => listener(done, of)), (read) => registry === pending && heardRead(read), loadTurn)
		.then((loaded) => {
			if (registry === pending) settled = pending;
			const isCurrent = async () => {
				await Promise.all([turn(), callers.idle()]);
				if (registry !== pending) throw new Error('registry-replaced');
			};
			loaded.index.prepareSearchInSteps(isCurrent, searchStepCustomers).catch(() => {});
			return loaded;
		})
		.finally(() => registry === pending && registryReading.ended());
	return pending;
}

/** The loaded registry, reloaded when another tab imported or erased since (its stamp moved on). */
async function current(): Promise<Loaded> {
	const loaded = await (registry ??= load());
	if (loaded.stamp === (await registryRepository.stamp())) return loaded;
	settled = null;
	registry = load();
	return registry;
}

/** The worker's one in-memory registry: loaded on first use, in chunks, kept while it mirrors the database. */
export const loadedRegistry = {
	/**
	 * The registry, loaded or reloaded first when needed; `progress(done, of)` hears that load, never
	 * going back (a reload after another tab's write starts from the share already shown).
	 */
	async get(progress?: (done: number, of: number) => void): Promise<Loaded> {
		const listener = progress && forwardOnly(progress);
		if (listener) listeners.add(listener);
		callers.enter();
		try {
			return await current();
		} finally {
			callers.leave();
			if (listener) listeners.delete(listener);
		}
	},

	/** The registry as loaded or loading, without checking the database; null when none is held. */
	held(): Promise<Loaded> | null {
		return registry;
	},

	/** Forgets the registry (after an erase, or when another tab changed it): the next use loads it. */
	forget(): void {
		registry = settled = null;
		registryReading.ended();
	},

	/** True once the registry is loaded (until it is forgotten): searches then need no early answer. */
	isLoaded(): boolean {
		return settled !== null;
	}
};
