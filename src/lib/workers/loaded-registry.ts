import type { RegistryIndex } from '$lib/registry/registry-index';
import { forwardOnly, registryRepository } from '$lib/storage/registry-repository';
import { searchStepCustomers, yielder } from './pacing';
import { registryReading } from './registry-reading';

type Loaded = { index: RegistryIndex; stamp: string };

/** The registry as this worker loaded it, with the stamp of the database state it mirrors. */
let registry: Promise<Loaded> | null = null;
/** The registry once its load finished (until it is forgotten): the early page is not needed then. */
let settled: Promise<Loaded> | null = null;
/** Jobs waiting for the registry hear how far its load has read. */
const listeners = new Set<(done: number, of: number) => void>();
const turn = yielder(0);
/** Calls of `get` under way: the search keys' steps wait while any is (see `load`). */
let asking = 0;
/** Steps of the search keys waiting for the calls of `get` under way to end. */
let waitingSteps: (() => void)[] = [];

/** Resolves once no call of `get` is under way. */
async function noneAsking(): Promise<void> {
	while (asking > 0) await new Promise<void>((resume) => waitingSteps.push(resume));
}

function endAsking(): void {
	if (--asking > 0) return;
	const woken = waitingSteps;
	waitingSteps = [];
	for (const resume of woken) resume();
}

// The search keys are built after the load, in steps between which messages and jobs run (about
// half a second for a million customers in all), so the first page never waits for them and a
// search that comes first builds the rest of its own field's keys at once. No step runs while a
// caller waits for the registry: its check of the stored stamp takes a few IndexedDB round trips,
// and a step of keys (10–20 ms under load) before each of them made a whole 顧客ID search wait
// 50–90 ms (issue 14: each search ≤ 50 ms).
function load(): Promise<Loaded> {
	registryReading.started();
	const pending: Promise<Loaded> = registryRepository
		.load((done, of) => listeners.forEach((listener) => listener(done, of)), (read) => registry === pending && registryReading.read(read))
		.then((loaded) => {
			if (registry === pending) settled = pending;
			const isCurrent = async () => {
				await turn();
				await noneAsking();
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
		asking++;
		try {
			return await current();
		} finally {
			endAsking();
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
