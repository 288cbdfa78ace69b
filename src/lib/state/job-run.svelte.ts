import type { Answers, Commands, CommandType } from '$lib/workers/messages';
import { CancelledError, workbench } from '$lib/workers/workbench-client';

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

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

	constructor(private readonly type: K) {}

	/** Runs the job; resolves with its answer, or null when it was cancelled or failed. */
	async start(fields: Commands[K], size = 0): Promise<Answers[K] | null> {
		this.status = 'running';
		this.done = 0;
		this.total = size;
		this.result = null;
		this.failure = '';
		this.isFinalWrite = false;
		const { requestId, done } = workbench.request(this.type, fields, (doneUnits, total, finalWrite) => {
			if (finalWrite) return void (this.isFinalWrite = true);
			this.done = doneUnits;
			this.total = total;
		});
		this.requestId = requestId;
		try {
			this.result = await done;
			this.status = 'done';
			return this.result;
		} catch (error) {
			this.status = error instanceof CancelledError ? 'cancelled' : 'failed';
			this.failure = error instanceof Error ? error.message : String(error);
			return null;
		} finally {
			this.requestId = null;
		}
	}

	cancel() {
		if (this.requestId !== null && !this.isFinalWrite) workbench.cancel(this.requestId);
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
