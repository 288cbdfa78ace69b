// DevTools Protocol access to a page and to its dedicated workers. Playwright's CDP sessions only
// open on pages, so the workers are reached through the page's session with Target.setAutoAttach
// (non-flattened: commands travel in Target.sendMessageToTarget, answers come back in events).

/**
 * A page's CDP session plus its workers; `worker()` is the app's module worker once it runs. With
 * `profileWorkerFromStart`, a worker that starts later is held at its first line until its profiler
 * runs (open the session before navigating), so a profile covers what the worker does on start.
 */
export async function openCdp(context, page, { profileWorkerFromStart = false, interval = 500 } = {}) {
	const session = await context.newCDPSession(page);
	const targets = new Map();
	const pending = new Map();
	let nextId = 1;
	session.on('Target.attachedToTarget', ({ sessionId, targetInfo, waitingForDebugger }) => {
		targets.set(sessionId, { sessionId, type: targetInfo.type, url: targetInfo.url });
		if (!waitingForDebugger) return;
		const release = () => sendTo(sessionId, 'Runtime.runIfWaitingForDebugger').catch(() => null);
		if (targetInfo.type !== 'worker' || !profileWorkerFromStart) return void release();
		sendTo(sessionId, 'Profiler.enable')
			.then(() => sendTo(sessionId, 'Profiler.setSamplingInterval', { interval }))
			.then(() => sendTo(sessionId, 'Profiler.start'))
			.finally(release);
	});
	session.on('Target.detachedFromTarget', ({ sessionId }) => targets.delete(sessionId));
	session.on('Target.receivedMessageFromTarget', ({ message }) => {
		const answer = JSON.parse(message);
		const entry = answer.id !== undefined ? pending.get(answer.id) : undefined;
		if (!entry) return;
		pending.delete(answer.id);
		if (answer.error) entry.reject(new Error(`${entry.method}: ${answer.error.message}`));
		else entry.resolve(answer.result);
	});
	await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: profileWorkerFromStart, flatten: false });
	await session.send('Performance.enable');

	/** Sends a command to an attached target (a worker) and resolves with its result. */
	const sendTo = async (sessionId, method, params = {}) => {
		const id = nextId++;
		const answer = new Promise((resolve, reject) => pending.set(id, { resolve, reject, method }));
		await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
		return answer;
	};
	const appWorker = () => [...targets.values()].find((target) => target.type === 'worker' && /workbench\.worker/.test(target.url)) ?? null;

	return {
		session,
		/** The app's dedicated worker target, waiting for it to start when needed. */
		async worker(timeoutMs = 10_000) {
			const deadline = Date.now() + timeoutMs;
			while (!appWorker()) {
				if (Date.now() > deadline) throw new Error('the app worker did not start');
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			return appWorker();
		},
		/** Bytes of JS heap in use: the page's main thread and the app worker (null when none). */
		async heapUsed() {
			const page = (await session.send('Runtime.getHeapUsage')).usedSize;
			const target = appWorker();
			const worker = target ? (await sendTo(target.sessionId, 'Runtime.getHeapUsage').catch(() => null))?.usedSize ?? null : null;
			return { page, worker };
		},
		/** Runs a full garbage collection on the page and the worker. */
		async collectGarbage() {
			await session.send('HeapProfiler.collectGarbage');
			const target = appWorker();
			if (target) await sendTo(target.sessionId, 'HeapProfiler.collectGarbage').catch(() => null);
		},
		/** Starts the V8 sampling profiler on the app worker (`interval` in microseconds). */
		async startWorkerProfile(interval = 500) {
			const { sessionId } = await this.worker();
			await sendTo(sessionId, 'Profiler.enable');
			await sendTo(sessionId, 'Profiler.setSamplingInterval', { interval });
			await sendTo(sessionId, 'Profiler.start');
		},
		/** Stops the worker's profiler; resolves with the .cpuprofile object. */
		async stopWorkerProfile() {
			const { sessionId } = await this.worker();
			return (await sendTo(sessionId, 'Profiler.stop')).profile;
		},
		async startPageProfile(interval = 500) {
			await session.send('Profiler.enable');
			await session.send('Profiler.setSamplingInterval', { interval });
			await session.send('Profiler.start');
		},
		async stopPageProfile() {
			return (await session.send('Profiler.stop')).profile;
		},
		async detach() {
			await session.detach().catch(() => null);
		}
	};
}
