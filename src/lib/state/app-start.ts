import { registryRepository } from '$lib/storage/registry-repository';
import { importLockName } from '$lib/workers/registry-types';

/**
 * On start: an upload still 'running' whose tab is gone was cut off, and its transaction left no
 * rows; it becomes 中断. Only when no tab holds the import lock, or a live import would be marked.
 */
export async function markInterruptedUploads(): Promise<void> {
	if (!('locks' in navigator)) return;
	await navigator.locks.request(importLockName, { ifAvailable: true }, async (lock) => {
		if (lock) await registryRepository.markInterrupted();
	});
}
