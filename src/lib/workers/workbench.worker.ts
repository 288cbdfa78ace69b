/// <reference lib="webworker" />
import '$lib/domain/zod';
import { ConversionService } from './conversion-service';
import type { WorkerCommand, WorkerEvent } from './messages';

const conversions = new ConversionService();
const cancelled = new Set<number>();
const post = (event: WorkerEvent) => self.postMessage(event);

// Messages are routed one by one; the work itself lives in the services.
self.onmessage = async ({ data: command }: MessageEvent<WorkerCommand>) => {
	const { requestId } = command;
	try {
		switch (command.type) {
			case 'cancel':
				cancelled.add(requestId);
				return;
			case 'convert': {
				const progress = (done: number, total: number) => post({ type: 'progress', requestId, done, total });
				const result = await conversions.run(command.job, progress, () => cancelled.has(requestId));
				if (result === null) post({ type: 'cancelled', requestId });
				else post({ type: 'converted', requestId, ...result });
				cancelled.delete(requestId);
				return;
			}
			case 'problems':
				return post({ type: 'problems', requestId, page: conversions.problems(command.jobId, command.filter, command.offset, command.limit) });
			case 'download':
				return post({ type: 'download', requestId, file: conversions.download(command.jobId, command.what) });
		}
	} catch (error) {
		// Never echo file content: only the error's kind and our own message codes go back.
		post({ type: 'failed', requestId, message: error instanceof Error ? error.message : 'unknown' });
	}
};
