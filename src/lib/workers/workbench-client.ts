import type { WorkerCommand, WorkerEvent } from './messages';
import type { CustomerListFile } from './customer-list-file';
import type { CustomerListDownload, CustomerPage, SearchRequest, UploadJob, UploadSummary } from './registry-types';
import type {
	ConversionJob,
	ConversionSummary,
	JobDownload,
	ProblemFilter,
	ProblemPage
} from './conversion-types';

type Progress = (done: number, total: number) => void;
interface Pending {
	resolve: (event: WorkerEvent) => void;
	reject: (error: Error) => void;
	onProgress?: Progress;
}
type Command = WorkerCommand extends infer C ? (C extends { requestId: number } ? Omit<C, 'requestId'> : never) : never;

/** Raised when a running job was cancelled by the operator. */
export class CancelledError extends Error {
	constructor() {
		super('cancelled');
		this.name = 'CancelledError';
	}
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
		if (event.type === 'progress') return entry.onProgress?.(event.done, event.total);
		this.pending.delete(event.requestId);
		if (event.type === 'cancelled') entry.reject(new CancelledError());
		else if (event.type === 'failed') entry.reject(new Error(event.message));
		else entry.resolve(event);
	}

	private send(command: Command, onProgress?: Progress): { requestId: number; answer: Promise<WorkerEvent> } {
		const requestId = this.nextId++;
		const answer = new Promise<WorkerEvent>((resolve, reject) => {
			this.pending.set(requestId, { resolve, reject, onProgress });
		});
		this.port.postMessage({ ...command, requestId } as WorkerCommand);
		return { requestId, answer };
	}

	/** Runs a conversion; `requestId` lets the caller cancel it. */
	convert(job: ConversionJob, onProgress: Progress, fromRegistry = false) {
		const { requestId, answer } = this.send({ type: 'convert', job, fromRegistry }, onProgress);
		const done = answer.then((event) => {
			if (event.type !== 'converted') throw new Error(`unexpected ${event.type}`);
			return { summary: event.summary, output: event.output } as { summary: ConversionSummary; output: Blob | null };
		});
		return { requestId, done };
	}

	/** Runs one 一括登録; `requestId` lets the caller cancel it. */
	upload(job: UploadJob, onProgress: Progress) {
		const { requestId, answer } = this.send({ type: 'upload', job }, onProgress);
		const done = answer.then((event) => {
			if (event.type !== 'uploaded') throw new Error(`unexpected ${event.type}`);
			return event.summary as UploadSummary;
		});
		return { requestId, done };
	}

	async search(request: SearchRequest): Promise<CustomerPage> {
		const event = await this.send({ type: 'search', request }).answer;
		if (event.type !== 'customers') throw new Error(`unexpected ${event.type}`);
		return event.page;
	}

	/** The customer list as a file, or the cells the chosen encoding cannot hold (nothing written). */
	async customerList(request: CustomerListDownload): Promise<CustomerListFile> {
		const event = await this.send({ type: 'customer-list', request }).answer;
		if (event.type !== 'customer-list') throw new Error(`unexpected ${event.type}`);
		return event.file ? { file: event.file, unencodable: null } : { file: null, unencodable: event.unencodable! };
	}

	/** Makes the worker read the registry again (after an erase, or a change in another tab). */
	async reloadRegistry(): Promise<void> {
		await this.send({ type: 'reload-registry' }).answer;
	}

	cancel(requestId: number) {
		this.port.postMessage({ type: 'cancel', requestId } satisfies WorkerCommand);
	}

	async problems(jobId: string, filter: ProblemFilter, offset: number, limit: number): Promise<ProblemPage> {
		const event = await this.send({ type: 'problems', jobId, filter, offset, limit }).answer;
		if (event.type !== 'problems') throw new Error(`unexpected ${event.type}`);
		return event.page;
	}

	async download(jobId: string, what: JobDownload): Promise<Blob> {
		const event = await this.send({ type: 'download', jobId, what }).answer;
		if (event.type !== 'download') throw new Error(`unexpected ${event.type}`);
		return event.file;
	}
}

export const workbench = new WorkbenchClient();
