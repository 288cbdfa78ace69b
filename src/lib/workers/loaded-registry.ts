import type { RegistryIndex } from '$lib/registry/registry-index';
import { forwardOnly, registryRepository, type LoadReading } from '$lib/storage/registry-repository';
import { yielder } from './pacing';

type Loaded = { index: RegistryIndex; stamp: string };

/** The registry as this worker loaded it, with the stamp of the database state it mirrors. */
let registry: Promise<Loaded> | null = null;
/** The registry once its load finished (until it is forgotten): the early page is not needed then. */
let settled: Promise<Loaded> | null = null;
/** Jobs waiting for the registry hear how far its load has read. */
const listeners = new Set<(done: number, of: number) => void>();
const turn = yielder(0);
/** What the load under way has read so far (null when none is under way, or between attempts). */
let reading: LoadReading | null = null;
/** True from a load's start to its end (success or failure). */
let isLoading = false;
/** Searches waiting for the load to read further: woken after each read, and when it ends. */
let readers: (() => void)[] = [];

function wake(): void {
	const woken = readers;
	readers = [];
	for (const resolve of woken) resolve();
}

// The search keys are built after the load, in steps between which messages and jobs run (about
// half a second for a million customers in all), so the first page never waits for them and a
// search that comes first builds the rest at once.
function load(): Promise<Loaded> {
	isLoading = true;
	const watch = (read: LoadReading | null) => {
		if (registry !== pending) return;
		reading = read;
		wake();
	};
	const ended = () => {
		if (registry !== pending) return;
		reading = null;
		isLoading = false;
		wake();
	};
	const pending: Promise<Loaded> = registryRepository
		.load((done, of) => listeners.forEach((listener) => listener(done, of)), watch)
		.then((loaded) => {
			if (registry === pending) settled = pending;
			const isCurrent = async () => {
				await turn();
				if (registry !== pending) throw new Error('registry-replaced');
			};
			loaded.index.prepareSearchInSteps(isCurrent).catch(() => {});
			return loaded;
		})
		.finally(ended);
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
		try {
			return await current();
		} finally {
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
		reading = null;
		isLoading = false;
		wake();
	},

	/** True once the registry is loaded (until it is forgotten): searches then need no early answer. */
	isLoaded(): boolean {
		return settled !== null;
	},

	/** Starts loading the registry unless it is held (loaded or loading); failures are the next `get`'s to report. */
	start(): void {
		if (!registry) this.get().catch(() => {});
	},

	/** True while a load is under way: `reading()` then grows, and `nextRead()` resolves after each read. */
	isLoading(): boolean {
		return isLoading;
	},

	/** What the load under way has read so far (`LoadReading`); null when none is under way or it reads all at once. */
	reading(): LoadReading | null {
		return reading;
	},

	/** Resolves once the load under way has read further, started over or ended (or the registry was forgotten). */
	nextRead(): Promise<void> {
		return new Promise((resolve) => readers.push(resolve));
	}
};
