import type {
	ConversionJob,
	ConversionSummary,
	JobDownload,
	ProblemFilter,
	ProblemPage
} from './conversion-types';

/** Commands the page sends to the workbench worker. */
export type WorkerCommand =
	| { type: 'convert'; requestId: number; job: ConversionJob }
	| { type: 'cancel'; requestId: number }
	| { type: 'problems'; requestId: number; jobId: string; filter: ProblemFilter; offset: number; limit: number }
	| { type: 'download'; requestId: number; jobId: string; what: JobDownload };

/** Events the worker sends back; each carries the request it answers. */
export type WorkerEvent =
	| { type: 'progress'; requestId: number; done: number; total: number }
	| { type: 'converted'; requestId: number; summary: ConversionSummary; output: Blob | null }
	| { type: 'problems'; requestId: number; page: ProblemPage }
	| { type: 'download'; requestId: number; file: Blob }
	| { type: 'cancelled'; requestId: number }
	| { type: 'failed'; requestId: number; message: string };
