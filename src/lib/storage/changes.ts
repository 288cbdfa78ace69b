/**
 * What one tab (or its worker) changed in the database, told to every other tab and to its own page
 * (SPEC "Several tabs"): 'registry' (customers or cards registered), 'erased' (「すべてのデータを消去」),
 * 'settings' (payment settings saved); and an erase's start ('erasing', before its transaction:
 * every tab stops its runs then, so none finishes while the erase waits for it) and its failure
 * ('erase-failed': nothing was erased). A BroadcastChannel reaches every other channel object of the
 * origin, in every tab and worker, including the page of the worker that wrote.
 */
export type StoredChange = 'registry' | 'erased' | 'settings' | 'erasing' | 'erase-failed';

const channelName = 'webcollect-workbench-changes';
const changes: readonly string[] = ['registry', 'erased', 'settings', 'erasing', 'erase-failed'];

/** Tells every tab about `change` (nothing happens where BroadcastChannel is missing, e.g. in Node). */
export function announce(change: StoredChange): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(channelName);
	channel.postMessage(change);
	channel.close();
}

/** Calls `listener` for each change announced by any tab; returns the function that stops listening. */
export function onStoredChange(listener: (change: StoredChange) => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(channelName);
	channel.onmessage = ({ data }: MessageEvent<unknown>) => {
		if (typeof data === 'string' && changes.includes(data)) listener(data as StoredChange);
	};
	return () => channel.close();
}
