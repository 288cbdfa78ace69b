/**
 * Counts the callers waiting for something (the loaded registry's `get`) so that background work (the
 * search keys' steps) can hold back while any waits: `enter` / `leave` around the wait, `idle()`
 * before each piece of background work.
 */
export function callerGate() {
	let waiting = 0;
	let resumes: (() => void)[] = [];
	return {
		enter(): void {
			waiting++;
		},
		leave(): void {
			if (--waiting > 0) return;
			const woken = resumes;
			resumes = [];
			for (const resume of woken) resume();
		},
		/** Resolves once no caller waits. */
		async idle(): Promise<void> {
			while (waiting > 0) await new Promise<void>((resume) => resumes.push(resume));
		}
	};
}
