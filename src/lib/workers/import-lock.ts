import { isQuotaExceeded } from '$lib/storage/storage-errors';

/** The lock that keeps two tabs (or two uploads) from importing at the same time. */
export const importLockName = 'webcollect-workbench-import';

/**
 * Runs an import under the lock; refuses at once ('import-busy') when another tab holds it. A full
 * disk becomes 'quota-exceeded': its transaction left nothing, and the entry, if begun, stays
 * 'running' and shows 中断 on the next start.
 */
export function withImportLock<T>(run: () => Promise<T>): Promise<T> {
	return navigator.locks.request(importLockName, { ifAvailable: true }, async (lock) => {
		if (!lock) throw new Error('import-busy');
		try {
			return await run();
		} catch (error) {
			throw isQuotaExceeded(error) ? new Error('quota-exceeded') : error;
		}
	}) as Promise<T>;
}
