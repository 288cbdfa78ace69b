import { startLazily } from './start-lazily';

/** The storage layer's modules, as the state classes use them. */
export type StorageParts = typeof import('./storage-parts');

/**
 * The storage layer (IndexedDB through Dexie, the records' zod schemas), loaded on first use: every
 * screen paints before it arrives, so a first visit stays small (issue 14: ≤ 100 KB of JavaScript).
 * One chunk, fetched once, shared by every state class.
 */
export const loadStorage = (): Promise<StorageParts> => import('./storage-parts');

/**
 * Follows `query` over the database (Dexie's liveQuery: writes of the worker and of other tabs
 * included) and hands each result to `next`, once the storage layer has loaded. A failure ends the
 * following and goes to `error` — among them the database closed before or while it follows, by a
 * newer copy's upgrade in another tab (`storage.watch`): the screen says why where its content would
 * be. Returns the stop function, safe to call before the storage has arrived (an effect's teardown).
 */
export function watchStored<T>(query: (storage: StorageParts) => Promise<T>, next: (value: T) => void, error: (reason: unknown) => void): () => void {
	return startLazily(loadStorage, (storage) => {
		const observable = storage.watch(() => query(storage));
		const subscription = observable.subscribe({ next, error });
		return () => subscription.unsubscribe();
	});
}
