import type { Answers, Commands, CommandType, WorkerCommand, WorkerEvent } from './messages';

/** Progress of a long job; `finalWrite` once its final write started (it can no longer be cancelled). */
type Progress = (done: number, total: number, finalWrite?: boolean) => void;
interface Pending {
	resolve: (value: Answers[CommandType]) => void;
	reject: (error: Error) => void;
	onProgress?: Progress;
}

/** Raised when a running job was cancelled by the operator. */
export class CancelledError extends Error {
	constructor() {
		super('cancelled');
		this.name = 'CancelledError';
	}
}

/** A request under way: its id (to cancel it) and the promise of its answer. */
export interface Request<K extends CommandType> {
	requestId: number;
	done: Promise<Answers[K]>;
}

/** The page's side of the workbench worker: each command is a promise of its answer. */
class WorkbenchClient {
	private worker: Worker | null = null;
	private nextId = 1;
	private readonly pending = new Map<number, Pending>();

	private get port(): Worker {
		if (this.worker) return this.worker;
		const worker = new Worker(new URL('./workbench.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (message: MessageEvent<WorkerEvent>) => this.receive(message.data);
		worker.onerror = (event) => {
			event.preventDefault();
			for (const entry of this.pending.values()) entry.reject(new Error('worker-crashed'));
			this.pending.clear();
			this.worker = null;
		};
		this.worker = worker;
		return worker;
	}

	private receive(event: WorkerEvent) {
		const entry = this.pending.get(event.requestId);
		if (!entry) return;
		if (event.type === 'progress') return entry.onProgress?.(event.done, event.total, event.finalWrite);
		this.pending.delete(event.requestId);
		if (event.type === 'cancelled') entry.reject(new CancelledError());
		else if (event.type === 'failed') entry.reject(new Error(event.message));
		else entry.resolve(event.value);
	}

	/** Sends a command; `onProgress` hears the progress of a long job. */
	request<K extends CommandType>(type: K, fields: Commands[K], onProgress?: Progress): Request<K> {
		const requestId = this.nextId++;
		const done = new Promise<Answers[K]>((resolve, reject) => {
			this.pending.set(requestId, { resolve: resolve as Pending['resolve'], reject, onProgress });
		});
		this.port.postMessage({ ...fields, type, requestId } as WorkerCommand);
		return { requestId, done };
	}

	/** Asks for the answer of a short command. */
	ask<K extends CommandType>(type: K, fields: Commands[K]): Promise<Answers[K]> {
		return this.request(type, fields).done;
	}

	cancel(requestId: number) {
		this.port.postMessage({ type: 'cancel', requestId } satisfies WorkerCommand);
	}
}

export const workbench = new WorkbenchClient();
