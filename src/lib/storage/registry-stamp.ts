import type { WorkbenchDb } from './db';

/**
 * The registry's version as stored: the last customer chunk id and the last card chunk id. Both
 * tables number their chunks with a key generator that never reuses a number (not even after a
 * clear), so any import or erase by any tab gives a new stamp. A tab compares it with the stamp of
 * the registry it loaded to know whether that registry still is the database's (SPEC "Several tabs").
 * Call it inside a transaction over both tables to read a consistent pair.
 */
export async function registryStamp(d: WorkbenchDb): Promise<string> {
	const [customers, cards] = await Promise.all([
		d.customerChunks.orderBy(':id').lastKey(),
		d.cardChunks.orderBy(':id').lastKey()
	]);
	return stampOf(customers, cards);
}

/** The stamp of a registry whose last customer chunk id and last card chunk id are these (undefined: none). */
export function stampOf(lastCustomerChunk: unknown, lastCardChunk: unknown): string {
	return `${lastCustomerChunk ?? 0}:${lastCardChunk ?? 0}`;
}
