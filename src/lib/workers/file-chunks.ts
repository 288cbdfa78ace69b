/** Calls `report` at most every `intervalMs` (and always for the final value). */
export function throttle(intervalMs: number, report: (done: number, total: number) => void) {
	let last = 0;
	return (done: number, total: number, force = false) => {
		const now = performance.now();
		if (force || now - last >= intervalMs) {
			last = now;
			report(done, total);
		}
	};
}

/**
 * Returns a function that gives the worker's event loop a turn (so a cancel message gets in) when
 * `intervalMs` have passed since the last turn. A MessageChannel turn is not clamped to 4 ms the
 * way nested timers are, which adds up over a million-row file.
 */
export function yielder(intervalMs = 40): () => Promise<void> | void {
	const channel = new MessageChannel();
	let wake: (() => void) | null = null;
	channel.port1.onmessage = () => wake?.();
	let last = performance.now();
	return () => {
		const now = performance.now();
		if (now - last < intervalMs) return;
		last = now;
		return new Promise<void>((resolve) => {
			wake = resolve;
			channel.port2.postMessage(null);
		});
	};
}

/** Share of the progress bar given to reading the file into memory (the rest is the work). */
export const readShare = 0.2;

/**
 * Reads a whole file into one buffer from its stream, reporting the bytes read, so the bar moves
 * while a large file is still being read (a single `arrayBuffer()` is silent for half a second).
 */
export async function readWithProgress(file: Blob, onRead: (read: number) => void): Promise<Uint8Array> {
	const out = new Uint8Array(file.size);
	const reader = file.stream().getReader();
	let offset = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		// A file that grew while being read is cut at the size it had when chosen.
		const room = Math.min(value.length, out.length - offset);
		out.set(room === value.length ? value : value.subarray(0, room), offset);
		offset += room;
		onRead(offset);
	}
	return offset === out.length ? out : out.subarray(0, offset);
}
