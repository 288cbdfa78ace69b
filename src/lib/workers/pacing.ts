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
	// One message per turn, delivered in order: each wakes the oldest waiting turn, so turns taken by
	// two callers at once (a load still under way beside the one that replaced it) both end.
	const waking: (() => void)[] = [];
	channel.port1.onmessage = () => waking.shift()?.();
	let last = performance.now();
	return () => {
		const now = performance.now();
		if (now - last < intervalMs) return;
		last = now;
		return new Promise<void>((resolve) => {
			waking.push(resolve);
			channel.port2.postMessage(null);
		});
	};
}

/**
 * Customers whose search keys one step of the loaded registry's preparation builds. Each step runs
 * whole between two turns of the worker's loop, so inside any job that waits on the loop then (step
 * c from the registry, right after its load): a step of 200,000 took 70–170 ms in Node at load 8,
 * on top of the job's own stretch; 25,000 keep a step under 40 ms there (issue 14: progress
 * visible every 250 ms), at the price of one turn of the loop per step.
 */
export const searchStepCustomers = 25_000;
