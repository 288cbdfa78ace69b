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
	private requestId: number | null = null;

	constructor(private readonly type: K) {}

	/** Runs the job; resolves with its answer, or null when it was cancelled or failed. */
	async start(fields: Commands[K], size = 0): Promise<Answers[K] | null> {
		this.status = 'running';
		this.done = 0;
		this.total = size;
		this.result = null;
		this.failure = '';
		const { requestId, done } = workbench.request(this.type, fields, (doneUnits, total) => {
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
		if (this.requestId !== null) workbench.cancel(this.requestId);
	}

	reset() {
		this.status = 'idle';
		this.result = null;
	}
}
