import Dexie, { liveQuery } from 'dexie';
import { errorCodeOf } from '$lib/domain/records/failure-code';
import { onClosedForUpgrade } from './db';

/** Who hears a followed query: each result, and the one failure that ends the following. */
export interface Follower<T> {
	next(value: T): void;
	error(reason: unknown): void;
}

/** A followed query: `subscribe` starts following; its `unsubscribe` stops (safe to call twice). */
export interface Followed<T> {
	subscribe(follower: Follower<T>): { unsubscribe(): void };
}

/** One answer of the query, or the closed database it met (Dexie's liveQuery would drop that failure). */
type Read<T> = { value: T } | { closed: unknown };

/** The query's own failure kept as an answer when it is a closed database; any other is thrown on. */
function closedOrThrown<T>(reason: unknown): Read<T> {
	if (errorCodeOf(reason) === 'database-closed') return { closed: reason };
	throw reason;
}

/**
 * Re-runs `query` whenever what it read changes — also through writes of the worker and of other
 * tabs (Dexie's liveQuery) — and hands each result to the follower. The state classes use it without
 * knowing Dexie.
 *
 * A closed database ends the following with a DatabaseClosedError (failure code 'database-closed'),
 * where Dexie's liveQuery says nothing and the screen would wait or show old data as current for
 * ever: the database closed before the following starts or while it runs, because a newer copy of
 * the app upgrades it in another tab (`onClosedForUpgrade`), and any read of the query that meets a
 * closed database (e.g. its open failed). Any other failure of the query ends it too; nothing is
 * heard after the failure.
 */
export function watch<T>(query: () => Promise<T>): Followed<T> {
	return {
		subscribe(follower) {
			let isOver = false;
			let live: { unsubscribe(): void } | undefined;
			let stopHearing: (() => void) | undefined;
			const stop = () => {
				isOver = true;
				live?.unsubscribe();
				stopHearing?.();
			};
			const end = (reason: unknown) => {
				if (isOver) return;
				stop();
				follower.error(reason);
			};
			stopHearing = onClosedForUpgrade(() => end(new Dexie.DatabaseClosedError()));
			if (isOver) return { unsubscribe: stop };
			// The query runs inside the liveQuery's zone (called at once, not after an await), so
			// Dexie still sees what it reads.
			const read = (): Promise<Read<T>> | Read<T> => {
				try {
					return query().then((value) => ({ value }), closedOrThrown<T>);
				} catch (reason) {
					// Thrown before its promise (not async): handled as its rejection would be.
					return Promise.reject(reason).catch(closedOrThrown<T>);
				}
			};
			live = liveQuery(read).subscribe({
				next: (answer) => {
					if ('closed' in answer) end(answer.closed);
					else if (!isOver) follower.next(answer.value);
				},
				error: end
			});
			return { unsubscribe: stop };
		}
	};
}
