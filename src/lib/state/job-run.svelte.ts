import { isFailureCode, type FailureCode } from '$lib/i18n/failures';
import type { Answers, Commands, CommandType } from '$lib/workers/messages';
import { CancelledError, workbench } from '$lib/workers/workbench-client';

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** Where 「すべてのデータを消去」 was done, as a run's box tells it: in this tab, or in another one. */
export type ErasedWhere = 'here' | 'other-tab';

/**
 * What 「すべてのデータを消去」 does to a run that had failed, by its failure code (SPEC "Several tabs"):
 * 'kept' when its message stays true after the erase; 'result-erased' when its advice needs what the
 * erase removed — the chosen file, which the erase drops (press 「データアップロード」 again, upload again
 * once the other tab's import ended) or the data it says is kept (a full disk: "data registered before
 * is intact") — so the run then says its result was erased and to choose the file again. A new
 * failure code cannot be left out: the record names every one.
 */
export const failedRunAfterErase: Record<FailureCode, 'kept' | 'result-erased'> = {
	'import-busy': 'result-erased',
	'quota-exceeded': 'result-erased',
	'registry-changed': 'result-erased',
	'card-customer-missing': 'result-erased',
	'file-unreadable': 'kept',
	'worker-crashed': 'kept',
	'database-blocked': 'kept',
	'database-closed': 'kept',
	'card-number-in-file-name': 'kept',
	'unknown-job': 'kept',
	'erased-upload': 'kept',
	'erased-conversion': 'kept',
	'erased-upload-here': 'kept',
	'erased-conversion-here': 'kept',
	'erased-upload-result': 'kept',
	'erased-conversion-result': 'kept',
	'erased-upload-result-here': 'kept',
	'erased-conversion-result-here': 'kept',
	'erase-failed-upload': 'result-erased',
	'erase-failed-conversion': 'result-erased',
	'erase-failed-upload-other-tab': 'result-erased',
	'erase-failed-conversion-other-tab': 'result-erased',
	unknown: 'kept'
};

/** One job in the worker as the page sees it: status, progress, cancel, and its answer or failure. */
export class JobRun<K extends CommandType> {
	status = $state<Status>('idle');
	done = $state(0);
	total = $state(0);
	result = $state.raw<Answers[K] | null>(null);
	/** The worker's error code when the job failed (never file content). */
	failure = $state('');
	/** True once the job's final write started: キャンセル is then disabled and says why. */
	isFinalWrite = $state(false);
	private requestId: number | null = null;
	// The number of the newest start (or stop): a stopped run's late answer or progress never overwrites what shows.
	private runs = 0;

	constructor(private readonly type: K) {}

	/**
	 * Runs the job; resolves with its answer, or null when it was cancelled, failed or stopped.
	 * `fields` may be a function that reads what the job needs first (settings, a saved mapping):
	 * the run counts as running from the start, so キャンセル or an erase heard while it reads stops
	 * it before the worker is ever asked.
	 */
	async start(fields: Commands[K] | (() => Promise<Commands[K]>), size = 0): Promise<Answers[K] | null> {
		this.status = 'running';
		this.done = 0;
		this.total = size;
		this.result = null;
		this.failure = '';
		this.isFinalWrite = false;
		const run = ++this.runs;
		try {
			const command = typeof fields === 'function' ? await fields() : fields;
			// Stopped or cancelled while it read what it needs: the job is never sent.
			if (run !== this.runs) return null;
			const { requestId, done } = workbench.request(this.type, command, (doneUnits, total, finalWrite) => {
				// A stopped run's late progress neither moves a later run's bar nor disables its キャンセル.
				if (run !== this.runs) return;
				if (finalWrite) return void (this.isFinalWrite = true);
				this.done = doneUnits;
				this.total = total;
			});
			this.requestId = requestId;
			const result = await done;
			if (run !== this.runs) return null;
			this.result = result;
			this.status = 'done';
			return this.result;
		} catch (error) {
			if (run !== this.runs) return null;
			this.status = error instanceof CancelledError ? 'cancelled' : 'failed';
			this.failure = error instanceof Error ? error.message : String(error);
			return null;
		} finally {
			if (run === this.runs) this.requestId = null;
		}
	}

	/**
	 * Stops a running job for a reason the page did not choose — 「すべてのデータを消去」 (SPEC "Several
	 * tabs") — and shows `code` (a failure code): the worker's job is cancelled, even in its final
	 * write (its transaction then aborts, or the erase that waits behind it clears what it wrote), and
	 * its late answer is dropped. True when a job was running.
	 */
	stop(code: string): boolean {
		if (this.status !== 'running') return false;
		if (this.requestId !== null) workbench.cancel(this.requestId);
		this.requestId = null;
		this.runs++;
		this.fail(code);
		return true;
	}

	/**
	 * キャンセル: asks the worker to stop the job, unless its final write started. A run still reading
	 * what it needs (see `start`) is cancelled at once and never sent.
	 */
	cancel() {
		if (this.isFinalWrite) return;
		if (this.requestId !== null) workbench.cancel(this.requestId);
		else if (this.status === 'running') {
			this.runs++;
			this.status = 'cancelled';
		}
	}

	/**
	 * 「すべてのデータを消去」 reached this run, done `where` (SPEC "Several tabs"): its box says so and
	 * is never left blank. A run reading what it needs or running (its final write too) is stopped
	 * (`stop`: erased-upload, erased-conversion); a finished one's result is dropped and the box says
	 * that what it registered or made is gone and how to get it again (erased-upload-result,
	 * erased-conversion-result); each with -here when this tab erased. A failed run says the same when
	 * its message's advice needs what the erase removed (`failedRunAfterErase`), and keeps its message
	 * otherwise (a code not in the list counts as 'unknown'); a cancelled run keeps its message
	 * (nothing of it was kept), an idle run stays idle. With `finishedToo` false only a run not finished
	 * is stopped (before this tab's erase, which may still fail: a result must not be called erased
	 * then). True when the run was stopped.
	 */
	erased(where: ErasedWhere, finishedToo = true): boolean {
		const place = where === 'here' ? '-here' : '';
		const noun = this.type === 'upload' ? 'upload' : 'conversion';
		const stopped: FailureCode = `erased-${noun}${place}`;
		const resultGone: FailureCode = `erased-${noun}-result${place}`;
		if (this.stop(stopped)) return true;
		if (!finishedToo) return false;
		const failure = isFailureCode(this.failure) ? this.failure : 'unknown';
		if (this.status === 'done' || (this.status === 'failed' && failedRunAfterErase[failure] === 'result-erased')) this.fail(resultGone);
		return false;
	}

	/**
	 * The erase of this tab (`where` 'here') or of another one, which had stopped this run
	 * (`erased(where, false)`), failed before it erased anything: the box says the erase was asked for
	 * and did not happen (erase-failed-upload, erase-failed-conversion, each with -other-tab), no
	 * longer that all data was erased; an upload's adds that it may have registered (the worker may
	 * have been in its final write, or entered it before it heard the stop). A run that says anything
	 * else (started again meanwhile) is left alone.
	 */
	eraseFailed(where: ErasedWhere = 'here'): void {
		const noun = this.type === 'upload' ? 'upload' : 'conversion';
		const [stopped, failed]: [FailureCode, FailureCode] =
			where === 'here' ? [`erased-${noun}-here`, `erase-failed-${noun}`] : [`erased-${noun}`, `erase-failed-${noun}-other-tab`];
		if (this.status === 'failed' && this.failure === stopped) this.fail(failed);
	}

	/** Ends the run before it reached the worker, with a failure code (see `i18n/failures.ts`). */
	fail(code: string) {
		this.status = 'failed';
		this.failure = code;
		this.result = null;
	}

	reset() {
		this.status = 'idle';
		this.result = null;
	}
}
