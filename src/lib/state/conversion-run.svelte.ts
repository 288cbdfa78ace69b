import { CancelledError, workbench } from '$lib/workers/workbench-client';
import type { ConversionJob, ConversionSummary } from '$lib/workers/conversion-types';

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** One conversion in the worker as the page sees it: progress, then a summary and the output. */
export class ConversionRun {
	status = $state<Status>('idle');
	done = $state(0);
	total = $state(0);
	summary = $state.raw<ConversionSummary | null>(null);
	output = $state.raw<Blob | null>(null);
	failure = $state('');
	private requestId: number | null = null;

	/** Runs `job`; resolves with the summary, or null when cancelled or failed. */
	async start(job: ConversionJob, fromRegistry = false): Promise<ConversionSummary | null> {
		this.status = 'running';
		this.done = 0;
		this.total = job.file.size;
		this.summary = null;
		this.output = null;
		this.failure = '';
		const { requestId, done } = workbench.convert(job, (doneBytes, total) => {
			this.done = doneBytes;
			this.total = total;
		}, fromRegistry);
		this.requestId = requestId;
		try {
			const result = await done;
			this.summary = result.summary;
			this.output = result.output;
			this.status = 'done';
			return result.summary;
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
		this.summary = null;
		this.output = null;
	}
}
