/// <reference lib="webworker" />
import '$lib/domain/zod';
import { checkFileName } from '$lib/domain';
import { ConversionService } from './conversion-service';
import type { WorkerCommand, WorkerEvent } from './messages';
import { RegistryService } from './registry-service';

const registry = new RegistryService();
const conversions = new ConversionService();
const cancelled = new Set<number>();
const post = (event: WorkerEvent) => self.postMessage(event);

async function route(command: WorkerCommand): Promise<WorkerEvent | null> {
	const { requestId } = command;
	// A file whose name holds a card number is never read (the page refuses it first; this holds
	// the promise for any other caller). Only the code goes back, never the name.
	if ((command.type === 'convert' || command.type === 'upload') && checkFileName(command.job.file.name)) {
		throw new Error('card-number-in-file-name');
	}
	const progress = (done: number, total: number) => post({ type: 'progress', requestId, done, total });
	const isCancelled = () => cancelled.has(requestId);
	switch (command.type) {
		case 'cancel':
			cancelled.add(requestId);
			return null;
		case 'convert': {
			const records = command.fromRegistry ? () => registry.linkageRecords() : undefined;
			const result = await conversions.run(command.job, progress, isCancelled, records);
			return result ? { type: 'converted', requestId, ...result } : { type: 'cancelled', requestId };
		}
		case 'problems': {
			const page = conversions.problems(command.jobId, command.filter, command.offset, command.limit);
			return { type: 'problems', requestId, page };
		}
		case 'download':
			return { type: 'download', requestId, file: conversions.download(command.jobId, command.what) };
		case 'upload': {
			const summary = await registry.upload(command.job, progress, isCancelled);
			return { type: 'uploaded', requestId, summary };
		}
		case 'search':
			return { type: 'customers', requestId, page: await registry.search(command.request) };
		case 'customer-list':
			return { type: 'customer-list', requestId, ...(await registry.customerList(command.request)) };
		case 'reload-registry':
			registry.reload();
			return { type: 'done', requestId };
	}
}

// Messages are routed one by one; the work itself lives in the services.
self.onmessage = async ({ data: command }: MessageEvent<WorkerCommand>) => {
	try {
		const event = await route(command);
		if (event) post(event);
	} catch (error) {
		// Never echo file content: only our own error codes go back.
		post({ type: 'failed', requestId: command.requestId, message: error instanceof Error ? error.message : 'unknown' });
	} finally {
		// A cancel names the request it stops; that request's own handler clears the mark.
		if (command.type !== 'cancel') cancelled.delete(command.requestId);
	}
};
