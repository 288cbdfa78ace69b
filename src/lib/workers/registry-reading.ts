import type { LoadReading } from '$lib/storage/registry-repository';

/** What the registry load under way has read so far (null when none is, or it reads all at once). */
let reading: LoadReading | null = null;
let isLoading = false;
/** The size of the registry the next or current load reads, once a peek or a read of the store told it. */
let knownSize: number | null = null;
/** Searches waiting for the load to read further. */
let readers: (() => void)[] = [];

function wake(): void {
	const woken = readers;
	readers = [];
	for (const resolve of woken) resolve();
}

/**
 * The registry load under way as the worker's searches see it before it ends (issue 14: a search
 * answered while a million customers load): what it has read so far, and a wait for its next read.
 * `loadedRegistry` tells it of its current load only; a load it replaced is not heard.
 */
export const registryReading = {
	/** A load starts: nothing read yet. */
	started(): void {
		isLoading = true;
		reading = null;
		wake();
	},

	/** The load read further (or started over: null). */
	read(read: LoadReading | null): void {
		reading = read;
		// A load that starts over met another tab's write: the size told before may be gone.
		if (read === null) knownSize = null;
		wake();
	},

	/** The load ended (loaded, failed or forgotten): the loaded registry answers from now on. */
	ended(): void {
		isLoading = false;
		reading = null;
		knownSize = null;
		wake();
	},

	/** True from a load's start to its end. */
	isLoading(): boolean {
		return isLoading;
	},

	/** What the load under way has read so far; null when none is under way, or nothing can be searched yet. */
	current(): LoadReading | null {
		return reading;
	},

	/**
	 * The registry's size (customers, placeholders included) as read from the store, kept until the
	 * load that follows ends or starts over: the blank list's peek, which comes before any load, tells
	 * it, so a whole 顧客ID the load has read is answered with no read of the store.
	 */
	sized(size: number): void {
		knownSize = size;
	},

	/** The size told by `sized` since the last load ended or started over, or null. */
	size(): number | null {
		return knownSize;
	},

	/** Resolves once the load under way has read further, started over or ended. */
	next(): Promise<void> {
		return new Promise((resolve) => readers.push(resolve));
	}
};
