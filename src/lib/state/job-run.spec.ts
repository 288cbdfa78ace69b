import { describe, expect, it, vi } from 'vitest';

// The worker's requests, each settled by the test: the job's late answer after an erase stopped it.
type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void; progress?: (done: number, total: number, finalWrite?: boolean) => void };
const pending: Pending[] = [];
const cancelled: number[] = [];
vi.mock('$lib/workers/workbench-client', () => {
	class CancelledError extends Error {}
	return {
		CancelledError,
		workbench: {
			request: (_type: string, _fields: unknown, progress?: Pending['progress']) => {
				const requestId = pending.length + 1;
				const done = new Promise((resolve, reject) => pending.push({ resolve, reject, progress }));
				return { requestId, done };
			},
			cancel: (requestId: number) => cancelled.push(requestId)
		}
	};
});
const { JobRun } = await import('./job-run.svelte');
const { CancelledError } = await import('$lib/workers/workbench-client');
const lastRequest = () => pending.length;
// Lets every continuation already queued run (a task runs only once the microtasks are done).
const everyMicrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

// 「すべてのデータを消去」 in another tab while this one uploads (150,000 rows, bar at 46 %) or converts:
// the form went back to empty with no word. Now the run stops, says why, and its late answer —
// whatever it is — never replaces that.
describe('JobRun.stop: a job stopped by an erase says so, whatever the worker answers late', () => {
	const lateAnswers: [string, (job: Pending) => void][] = [
		['a result (it had written before the erase cleared it)', (job) => job.resolve({ summary: 'late' })],
		['a failure (its history entry was erased: not running)', (job) => job.reject(new Error('history entry 7 is not running'))],
		['cancelled', (job) => job.reject(new CancelledError())]
	];
	it.each(lateAnswers)('the worker answers %s', async (_, answer) => {
		const run = new JobRun('upload');
		const started = run.start({} as never, 100);
		const requestId = pending.length;
		expect(run.status).toBe('running');
		expect(run.stop('erased-upload')).toBe(true);
		expect(cancelled).toContain(requestId);
		expect(run.status).toBe('failed');
		expect(run.failure).toBe('erased-upload');
		expect(run.wasErased).toBe(true);
		answer(pending[requestId - 1]);
		expect(await started).toBeNull();
		expect(run.status).toBe('failed');
		expect(run.failure).toBe('erased-upload');
		expect(run.result).toBeNull();
	});

	it('a run not running is not stopped (the erase then just clears it)', async () => {
		const run = new JobRun('convert');
		expect(run.stop('erased-conversion')).toBe(false);
		const started = run.start({} as never);
		pending[pending.length - 1].resolve({ summary: 'x' });
		await started;
		expect(run.stop('erased-conversion')).toBe(false);
		expect(run.status).toBe('done');
		expect(run.wasErased).toBe(false);
	});

	it('a run started again after a stop shows its own answer', async () => {
		const run = new JobRun('upload');
		void run.start({} as never);
		const first = pending[pending.length - 1];
		run.stop('erased-upload');
		const again = run.start({} as never);
		first.resolve({ summary: 'stale' });
		pending[pending.length - 1].resolve({ summary: 'fresh' });
		expect(await again).toEqual({ summary: 'fresh' });
		expect(run.status).toBe('done');
		expect(run.result).toEqual({ summary: 'fresh' });
	});

	// The worker hears the cancel only between two steps of the stopped job: its progress meanwhile is
	// not the new run's (its final write would disable the new run's キャンセル).
	it("a stopped run's late progress does not move the next run's bar nor disable its cancel", async () => {
		const run = new JobRun('upload');
		void run.start({} as never, 100);
		const first = pending[pending.length - 1];
		run.stop('erased-upload');
		void run.start({} as never, 200);
		const second = pending.length;
		first.progress?.(90, 100);
		first.progress?.(1, 1, true);
		expect(run.done).toBe(0);
		expect(run.total).toBe(200);
		expect(run.isFinalWrite).toBe(false);
		run.cancel();
		expect(cancelled).toContain(second);
		pending[second - 1].progress?.(50, 200);
		expect(run.done).toBe(50);
	});
});

// 一括登録 reads the settings, step d a saved mapping, before the worker is asked: the run counts
// from the click, so キャンセル or 「すべてのデータを消去」 heard meanwhile stops it (an erase told then
// went unheard, and the upload imported into the emptied database).
describe('a run reading what its job needs before the worker is asked', () => {
	// The run waits until `letGo`; `requests` counts the worker's requests before it started.
	const waiting = (run: InstanceType<typeof JobRun<'upload'>>) => {
		const requests = lastRequest();
		let letGo = () => {};
		const started = run.start(() => new Promise((resolve) => (letGo = () => resolve({} as never))));
		return { started, requests, letGo: () => letGo() };
	};

	it('is running, and a stop then sends nothing to the worker', async () => {
		const run = new JobRun('upload');
		const { started, requests, letGo } = waiting(run);
		expect(run.status).toBe('running');
		expect(run.stop('erased-upload')).toBe(true);
		letGo();
		await everyMicrotask();
		expect(lastRequest()).toBe(requests);
		expect(await started).toBeNull();
		expect([run.status, run.failure]).toEqual(['failed', 'erased-upload']);
	});

	it('キャンセル while a run waits for its settings cancels it before the worker is asked', async () => {
		const run = new JobRun('upload');
		const { started, requests, letGo } = waiting(run);
		run.cancel();
		expect(run.status).toBe('cancelled');
		letGo();
		await everyMicrotask();
		expect(lastRequest()).toBe(requests);
		expect(await started).toBeNull();
		expect(run.status).toBe('cancelled');
	});

	it('a failure while it reads what the job needs ends the run as failed, never left running', async () => {
		const run = new JobRun('upload');
		expect(await run.start(() => Promise.reject(new Error('database-closed')))).toBeNull();
		expect([run.status, run.failure]).toEqual(['failed', 'database-closed']);
	});
});
