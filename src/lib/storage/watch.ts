import { liveQuery } from 'dexie';

/**
 * Re-runs `query` whenever what it read changes — also through writes of the worker and of other
 * tabs — and hands each result to the subscriber. The state classes use it without knowing Dexie.
 */
export const watch = liveQuery;
