/**
 * Starts something that lives in a module loaded on demand (a dynamic `import()`), so the module
 * stays out of a screen's first load. Returns the stop function at once: called before the module
 * has arrived, it cancels the start; called after, it stops what `start` began. A module that fails
 * to load (e.g. the app was updated and the old file is gone) starts nothing.
 */
export function startLazily<M>(load: () => Promise<M>, start: (module: M) => (() => void) | void): () => void {
	let stop: (() => void) | void;
	let isStopped = false;
	load().then(
		(module) => {
			if (!isStopped) stop = start(module);
		},
		() => {}
	);
	return () => {
		isStopped = true;
		stop?.();
	};
}
