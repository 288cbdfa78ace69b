import type {
	ConversionJob,
	ConversionSummary,
	JobDownload,
	ProblemFilter,
	ProblemPage
} from './conversion-types';
import type { CustomerListFile } from './customer-list-file';
import type { CustomerListDownload, CustomerPage, SearchRequest, UploadJob, UploadSummary } from './registry-types';

/** Commands the page sends to the workbench worker. */
export type WorkerCommand =
	| { type: 'convert'; requestId: number; job: ConversionJob; fromRegistry?: boolean }
	| { type: 'cancel'; requestId: number }
	| { type: 'problems'; requestId: number; jobId: string; filter: ProblemFilter; offset: number; limit: number }
	| { type: 'download'; requestId: number; jobId: string; what: JobDownload }
	| { type: 'upload'; requestId: number; job: UploadJob }
	| { type: 'search'; requestId: number; request: SearchRequest }
	| { type: 'customer-list'; requestId: number; request: CustomerListDownload }
	| { type: 'reload-registry'; requestId: number };

/** Events the worker sends back; each carries the request it answers. */
export type WorkerEvent =
	| { type: 'progress'; requestId: number; done: number; total: number }
	| { type: 'converted'; requestId: number; summary: ConversionSummary; output: Blob | null }
	| { type: 'problems'; requestId: number; page: ProblemPage }
	| { type: 'download'; requestId: number; file: Blob }
	| ({ type: 'customer-list'; requestId: number } & CustomerListFile)
	| { type: 'uploaded'; requestId: number; summary: UploadSummary }
	| { type: 'customers'; requestId: number; page: CustomerPage }
	| { type: 'done'; requestId: number }
	| { type: 'cancelled'; requestId: number }
	| { type: 'failed'; requestId: number; message: string };
