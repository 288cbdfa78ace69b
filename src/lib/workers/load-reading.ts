import type { LoadReading } from '$lib/storage/registry-repository';
import { yielder } from './pacing';
import { registryReading } from './registry-reading';

/** A turn of the loop before each stored chunk a load adds: a search waits behind one chunk at most. */
export const loadTurn = yielder(0);

/**
 * Hears what the current load read so far, for the worker's searches (`registryReading`). The
 * 連携用ID keys of the customers read are built as they arrive (some 0.5 ms per 10,000 IDs, one
 * lower-cased text per part): a 連携用ID search typed while the cards still load then scans them at
 * once, where building them for a million customers in that search took 50–60 ms of it. The other
 * fields wait for the steps after the load (every field's keys of a million customers took 1–2.5 s,
 * and the load is what every search waits on).
 */
export function heardRead(read: LoadReading | null): void {
	if (read) read.index.prepareSearchOf('linkageIds');
	registryReading.read(read);
}
