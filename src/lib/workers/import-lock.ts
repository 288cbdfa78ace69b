import { isQuotaExceeded } from '$lib/storage/storage-errors';

/** The lock that keeps two tabs (or two uploads) from importing at the same time. */
export const importLockName = 'webcollect-workbench-import';

/** How long an import waits for the lock before it says another tab is importing (ms), and how often it asks. */
export const importLockWait = { totalMs: 3000, everyMs: 100 };

/**
 * Runs an import under the lock. When the lock is held, asks again every `everyMs` for up to
 * `totalMs` — a page's own start-up sweep (app-start.ts) holds it for a moment, and an upload
 * clicked then must not be refused — and refuses ('import-busy') when it is still held (another
 * tab is importing). A full disk becomes 'quota-exceeded': its transaction left nothing, and the
 * entry, if begun, stays 'running' and shows 中断 on the next start.
 */
export async function withImportLock<T>(run: () => Promise<T>, wait = importLockWait): Promise<T> {
	const deadline = Date.now() + wait.totalMs;
	for (;;) {
		const outcome = (await navigator.locks.request(importLockName, { ifAvailable: true }, async (lock) => {
			if (!lock) return null;
			try {
				return { value: await run() };
			} catch (error) {
				throw isQuotaExceeded(error) ? new Error('quota-exceeded') : error;
			}
		})) as { value: T } | null;
		if (outcome) return outcome.value;
		if (Date.now() >= deadline) throw new Error('import-busy');
		await new Promise((resolve) => setTimeout(resolve, wait.everyMs));
	}
}
