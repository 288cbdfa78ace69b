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

// Operator trial (390 px, two tabs): 「すべてのデータを消去」 reached an upload or conversion whose result
// was on screen, and its box went blank without a word, here or in the other tab; an upload still
// reading its settings when the erase was told was not stopped at all and imported into the emptied
// database. The kind: every run state × where the erase was made. A run is never silently reset.
describe('「すべてのデータを消去」 reaches every run of the page, whatever its state, and its box says so', async () => {
	const { PageRuns } = await import('./page-runs');
	const { failureCodes, failureText, isFailureCode } = await import('$lib/i18n/failures');
	type Run = InstanceType<typeof JobRun<'upload' | 'convert'>>;
	// What a state leaves in flight: the worker's request (answered late after the erase), or the
	// reading of what the job needs (settings, a saved mapping), let go after the erase.
	type InFlight = { started: Promise<unknown>; request?: number; letGo?: () => void };

	const states: [string, (run: Run) => Promise<InFlight>, (noun: string, place: string) => [string, string]][] = [
		['idle', async () => ({ started: Promise.resolve(null) }), () => ['idle', '']],
		[
			'waiting for its settings or mapping (no worker job yet)',
			async (run) => {
				let letGo = () => {};
				const started = run.start(() => new Promise((resolve) => (letGo = () => resolve({} as never))));
				return { started, letGo };
			},
			(noun, place) => ['failed', `erased-${noun}${place}`]
		],
		['running', async (run) => ({ started: run.start({} as never, 100), request: lastRequest() }), (noun, place) => ['failed', `erased-${noun}${place}`]],
		[
			'in its final write',
			async (run) => {
				const started = run.start({} as never, 100);
				pending[lastRequest() - 1].progress?.(1, 1, true);
				expect(run.isFinalWrite).toBe(true);
				return { started, request: lastRequest() };
			},
			(noun, place) => ['failed', `erased-${noun}${place}`]
		],
		[
			'finished, its result shown',
			async (run) => {
				const started = run.start({} as never);
				pending[lastRequest() - 1].resolve({ summary: 'shown' });
				await started;
				expect(run.status).toBe('done');
				return { started };
			},
			(noun, place) => ['failed', `erased-${noun}-result${place}`]
		],
		[
			'cancelled',
			async (run) => {
				const started = run.start({} as never);
				pending[lastRequest() - 1].reject(new CancelledError());
				await started;
				return { started };
			},
			() => ['cancelled', '']
		]
	];
	type Runs = InstanceType<typeof PageRuns>;
	const places: [string, (runs: Runs) => Promise<void>, string][] = [
		['in another tab', async (runs) => runs.heardErase(), ''],
		// This tab's own notice comes while its erase ends, or after: both say "here".
		['here, its own notice heard before the erase ends', (runs) => runs.eraseHere(async () => void (await Promise.resolve(), runs.heardErase())), '-here'],
		['here, its own notice heard after', async (runs) => (await runs.eraseHere(async () => {}), runs.heardErase()), '-here']
	];
	const kinds = [
		['upload', 'upload'],
		['convert', 'conversion']
	] as const;
	const cases = kinds.flatMap(([type, noun]) =>
		states.flatMap(([state, make, expected]) => places.map(([place, erase, suffix]) => [`${type} ${state}, erased ${place}`, type, noun, make, expected, erase, suffix] as const))
	);

	it.each(cases)('%s', async (_, type, noun, make, expected, erase, suffix) => {
		const runs = new PageRuns();
		const run = runs.add(new JobRun(type));
		const inFlight = await make(run);
		const [status, failure] = expected(noun, suffix);
		const before = run.status;
		const requests = lastRequest();

		await erase(runs);
		expect([run.status, run.failure]).toEqual([status, failure]);
		// Never silently reset: a run that showed something still shows why.
		if (before !== 'idle') expect(run.status).not.toBe('idle');
		if (failure.startsWith('erased-')) {
			expect(run.result).toBeNull();
			expect(isFailureCode(failure)).toBe(true);
			// The message tells where the erase was made.
			expect(failureText(failure, 'ja').includes('別のタブ')).toBe(suffix === '');
			expect(failureText(failure, 'en').includes('another tab')).toBe(suffix === '');
		}
		if (inFlight.request !== undefined) expect(cancelled).toContain(inFlight.request);

		// Whatever comes late — the job's answer, the settings read — changes nothing, and a job
		// still waiting to start is never sent to the worker.
		inFlight.letGo?.();
		await everyMicrotask();
		expect(lastRequest()).toBe(requests);
		if (inFlight.request !== undefined) pending[inFlight.request - 1].resolve({ summary: 'late' });
		await inFlight.started;
		expect([run.status, run.failure]).toEqual([status, failure]);
	});

	// After an erase a failed upload still said 「別のタブで取り込み中です。終わってからもう一度アップロード
	// してください」 with no file chosen any more (the erase drops it). The kind: every failure code a run
	// can end with × where the erase was made × upload or conversion. A message whose advice needs what
	// the erase removed — the chosen file (upload again, press 「データアップロード」 again, run the
	// conversion again) or the data it says is kept — gives way to the erase's word; any other stays,
	// being still true.
	const needsWhatEraseRemoved = (text: string) =>
		/もう一度アップロード|もう一度「データアップロード」|もう一度変換して|これまでに登録したデータはそのまま|upload again|upload once more|"Upload data"|run the conversion again|data registered before is intact/i.test(text);
	const failedCases = kinds.flatMap(([type, noun]) =>
		failureCodes.flatMap((code) => places.map(([place, erase, suffix]) => [`${type} failed with ${code}, erased ${place}`, type, noun, code, erase, suffix] as const))
	);
	it.each(failedCases)('%s', async (_, type, noun, code, erase, suffix) => {
		const runs = new PageRuns();
		const run = runs.add(new JobRun(type));
		const started = run.start({} as never);
		pending[lastRequest() - 1].reject(new Error(code));
		await started;
		expect([run.status, run.failure]).toEqual(['failed', code]);
		await erase(runs);
		const stale = needsWhatEraseRemoved(failureText(code, 'ja')) || needsWhatEraseRemoved(failureText(code, 'en'));
		expect([run.status, run.failure]).toEqual(['failed', stale ? `erased-${noun}-result${suffix}` : code]);
		for (const language of ['ja', 'en'] as const) expect(needsWhatEraseRemoved(failureText(run.failure, language))).toBe(false);
	});

	// An erase of this tab that failed was silent, and the runs it had stopped said "stopped because all
	// data was erased… nothing registered": false on both counts. The kind: each run state × how the
	// erase failed (nothing erased, or a step after the tables' erase).
	const { FailedAfterErasing } = await import('./page-runs');
	const runStates: [string, 'upload' | 'convert', (run: Run) => Promise<unknown>, [string, string], [string, string]][] = [
		['idle', 'upload', async () => {}, ['idle', ''], ['idle', '']],
		[
			'finished, its result shown',
			'upload',
			async (run) => {
				const started = run.start({} as never);
				pending[lastRequest() - 1].resolve({ summary: 'kept' });
				await started;
			},
			['done', ''],
			['failed', 'erased-upload-result-here']
		],
		['running', 'convert', async (run) => void run.start({} as never, 100), ['failed', 'erase-failed-conversion'], ['failed', 'erased-conversion-here']],
		[
			'in its final write',
			'upload',
			async (run) => {
				void run.start({} as never, 100);
				pending[lastRequest() - 1].progress?.(1, 1, true);
			},
			['failed', 'erase-failed-upload'],
			['failed', 'erased-upload-here']
		],
		[
			'failed, its advice needing the chosen file',
			'upload',
			async (run) => {
				const started = run.start({} as never);
				pending[lastRequest() - 1].reject(new Error('import-busy'));
				await started;
			},
			['failed', 'import-busy'],
			['failed', 'erased-upload-result-here']
		]
	];
	const failures: [string, () => Error, 0 | 1][] = [
		['nothing erased (the tables\' transaction failed)', () => new Error('database-closed'), 0],
		['after the tables were erased', () => new FailedAfterErasing('worker-crashed'), 1]
	];
	const failedErases = runStates.flatMap(([state, type, make, ...expected]) =>
		failures.map(([how, error, erased]) => [`${type} ${state}, the erase failing ${how}`, type, make, error, expected[erased]] as const)
	);
	it.each(failedErases)('%s', async (_, type, make, error, [status, failure]) => {
		const runs = new PageRuns();
		const run = runs.add(new JobRun(type));
		await make(run);
		const thrown = error();
		await expect(runs.eraseHere(() => Promise.reject(thrown))).rejects.toBe(thrown);
		expect([run.status, run.failure]).toEqual([status, failure]);
		if (status === 'done') expect(run.result).toEqual({ summary: 'kept' });
		// A run stopped by an erase that did not happen never says the data was erased, nor that
		// nothing was registered (it may have been, in its final write).
		if (failure.startsWith('erase-failed-')) {
			expect(failureText(failure, 'en')).not.toMatch(/all data was erased|nothing was registered/i);
			expect(failureText(failure, 'ja')).not.toMatch(/消去が行われた|消去を行ったため|何も登録していません/);
		}
		// Its late answer changes nothing.
		pending[lastRequest() - 1]?.resolve({ summary: 'late' });
		await everyMicrotask();
		expect([run.status, run.failure]).toEqual([status, failure]);
	});

	it('a run started again while the erase ran is left alone when it fails', async () => {
		const runs = new PageRuns();
		const run = runs.add(new JobRun('upload'));
		void run.start({} as never, 100);
		await expect(
			runs.eraseHere(async () => {
				expect(run.failure).toBe('erased-upload-here');
				void run.start({} as never, 100);
				throw new Error('database-closed');
			})
		).rejects.toThrow('database-closed');
		expect(run.status).toBe('running');
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

// Operator trial: 「すべてのデータを消去」 in tab A while tab B's step d still converted (a return file of
// 400,000–900,000 rows): B said at once, bar gone, that the result of this conversion was erased, the
// file it made and its history gone — the words of a finished run. The run had finished while the
// erase ran, unheard. Every tab now hears the erase begin and stops its runs then: each says what
// happened to it. The kind: every job kind × every state a run is in when the erase begins × how
// the erase ends (done, or failed), the worker answering while the erase runs.
describe('「すべてのデータを消去」 begun in another tab: each run says what happened to it', async () => {
	const { PageRuns } = await import('./page-runs');
	const { failureText } = await import('$lib/i18n/failures');
	type Run = InstanceType<typeof JobRun<'upload' | 'convert'>>;
	// A state the run is in when the erase begins; what it leaves in flight (a worker's request, or
	// the reading of what the job needs), answered while the erase runs.
	type InFlight = { request?: number; letGo?: () => void };
	type Outcome = [string, string];
	const states: [string, (run: Run) => Promise<InFlight>, (noun: string) => { erasing: Outcome; erased: Outcome; failed: Outcome }][] = [
		['idle (the erase before it starts)', async () => ({}), () => ({ erasing: ['idle', ''], erased: ['idle', ''], failed: ['idle', ''] })],
		[
			'reading what its job needs',
			async (run) => {
				let letGo = () => {};
				void run.start(() => new Promise((resolve) => (letGo = () => resolve({} as never))));
				return { letGo: () => letGo() };
			},
			(noun) => ({ erasing: ['failed', `erased-${noun}`], erased: ['failed', `erased-${noun}`], failed: ['failed', `erase-failed-${noun}-other-tab`] })
		],
		[
			'running (the worker then finishes while the erase runs)',
			async (run) => (void run.start({} as never, 100), { request: lastRequest() }),
			(noun) => ({ erasing: ['failed', `erased-${noun}`], erased: ['failed', `erased-${noun}`], failed: ['failed', `erase-failed-${noun}-other-tab`] })
		],
		[
			'in its final write',
			async (run) => {
				void run.start({} as never, 100);
				pending[lastRequest() - 1].progress?.(1, 1, true);
				return { request: lastRequest() };
			},
			(noun) => ({ erasing: ['failed', `erased-${noun}`], erased: ['failed', `erased-${noun}`], failed: ['failed', `erase-failed-${noun}-other-tab`] })
		],
		[
			'finished, its result shown (the erase after it finished)',
			async (run) => {
				const started = run.start({} as never);
				pending[lastRequest() - 1].resolve({ summary: 'shown' });
				await started;
				return {};
			},
			(noun) => ({ erasing: ['done', ''], erased: ['failed', `erased-${noun}-result`], failed: ['done', ''] })
		]
	];
	const kinds = [
		['upload', 'upload'],
		['convert', 'conversion']
	] as const;
	const ends = ['erased', 'failed'] as const;
	const cases = kinds.flatMap(([type, noun]) => states.flatMap(([state, make, expected]) => ends.map((end) => [`${type} ${state}, the erase ${end === 'erased' ? 'done' : 'failing'}`, type, noun, make, expected, end] as const)));

	it.each(cases)('%s', async (_, type, noun, make, expected, end) => {
		const runs = new PageRuns();
		const run = runs.add(new JobRun(type));
		const inFlight = await make(run);
		const requests = lastRequest();
		const outcome = expected(noun);

		runs.heardErasing();
		expect([run.status, run.failure]).toEqual(outcome.erasing);
		if (inFlight.request !== undefined) expect(cancelled).toContain(inFlight.request);
		// While the erase runs, the job's answer comes (it finished, its record before the erase) or its
		// settings are read: nothing of it shows, and no job is sent.
		inFlight.letGo?.();
		if (inFlight.request !== undefined) pending[inFlight.request - 1].resolve({ summary: 'late' });
		await everyMicrotask();
		expect(lastRequest()).toBe(requests);
		expect([run.status, run.failure]).toEqual(outcome.erasing);

		if (end === 'erased') runs.heardErase();
		else runs.heardEraseFailed();
		expect([run.status, run.failure]).toEqual(outcome[end]);
		if (run.status === 'done') expect(run.result).toEqual({ summary: 'shown' });
		// A run that had not finished never hears its result was erased: it made none.
		const said = { ja: failureText(run.failure, 'ja'), en: failureText(run.failure, 'en') };
		if (run.failure === `erased-${noun}`) {
			expect(said.en).toMatch(/was stopped/);
			expect(said.en).not.toMatch(/result of this/);
			expect(said.ja).toContain('中止しました');
			expect(said.ja).not.toContain('結果は消去');
		}
		// A run stopped by an erase that did not happen never says the data was erased.
		if (run.failure.startsWith('erase-failed-')) {
			expect(said.en).toContain('another tab');
			expect(said.en).not.toMatch(/all data was erased|nothing was registered/i);
			expect(said.ja).toContain('別のタブ');
			expect(said.ja).not.toMatch(/消去が行われた|何も登録していません/);
		}
	});

	it("this tab's own erase is told by eraseHere: its own start and failure heard change nothing more", async () => {
		const runs = new PageRuns();
		const run = runs.add(new JobRun('convert'));
		void run.start({} as never, 100);
		await expect(
			runs.eraseHere(async () => {
				runs.heardErasing();
				runs.heardEraseFailed();
				throw new Error('database-closed');
			})
		).rejects.toThrow('database-closed');
		expect([run.status, run.failure]).toEqual(['failed', 'erase-failed-conversion']);
	});
});
