import { openDb } from '$lib/storage/db';
import { registryRepository } from '$lib/storage/registry-repository';
import { importLockName } from '$lib/workers/import-lock';
import { followOtherTabs } from './other-tabs';

/**
 * On start: an upload still 'running' whose tab is gone was cut off, and its transaction left no
 * rows; it becomes 中断. This waits for the import lock, so an import live in another tab (or the
 * worker of a page being closed) finishes or dies first and is never marked by mistake. The
 * database is opened BEFORE the lock is taken: an open blocked by an older copy of the app would
 * otherwise hold the lock for as long as that copy stays open, and this tab's own uploads would be
 * refused as if another tab were importing.
 */
export async function markInterruptedUploads(): Promise<void> {
	if (!('locks' in navigator)) return;
	await openDb();
	await navigator.locks.request(importLockName, () => registryRepository.markInterrupted());
}

/** Asks once per start that the browser keep the app's data when space runs low. */
export async function requestPersistence(): Promise<void> {
	if (navigator.storage?.persist && !(await navigator.storage.persisted())) await navigator.storage.persist();
}

/**
 * What the app does once per page start, after its first paint (the layout imports this module
 * lazily): interrupted uploads marked, persistence asked, other tabs followed. Returns the stop.
 */
export function startApp(): () => void {
	// A mark that fails (storage full: the entry's write aborts with QuotaExceededError) leaves the
	// entry 'running', to be marked at the next start; it must not surface as an uncaught error.
	markInterruptedUploads().catch(() => {});
	requestPersistence().catch(() => {});
	return followOtherTabs();
}

/** Calls `listener` when another tab upgrades the database; this page must then reload. */
export { onUpgradeElsewhere } from '$lib/storage/db';
