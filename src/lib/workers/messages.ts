import type { ConversionJob, ConversionSummary, JobDownload, ProblemFilter, ProblemPage } from '$lib/jobs/conversion-types';
import type { PeopleListFile } from '$lib/jobs/conversion-lists';
import type { OutputEncoding } from '$lib/domain/encoding/encode-text';
import type { FailedRowsJob, FailedRowsReport } from '$lib/jobs/extract-failed-rows';
import type { UploadJob, UploadSummary } from '$lib/jobs/upload-types';
import type { Language } from '$lib/i18n';
import type { CardFindings } from '$lib/registry/card-findings';
import type { CustomerListFile } from '$lib/registry/customer-list-file';
import type { CustomerListDownload, CustomerPage, SearchRequest } from '$lib/registry/customer-page';

/** Commands the page sends to the workbench worker, by type (files travel beside their job). */
export interface Commands {
	convert: { job: ConversionJob; file: Blob | null };
	upload: { job: UploadJob; file: Blob };
	'failed-rows': { job: FailedRowsJob; file: Blob };
	problems: { jobId: string; filter: ProblemFilter; offset: number; limit: number };
	/** A list for people; `encoding` overrides the conversion's output encoding (UTF-8 after a refusal). */
	download: { jobId: string; what: JobDownload; language: Language; encoding?: OutputEncoding };
	/**
	 * With `early`, while the registry loads: a whole customer ID or a blank list's page from the stored
	 * customer chunks, or a search's page from the customers read so far (cards pending); with `partial`
	 * too, that page even before it is final (`rowsPending`); without `early`, the loaded answer.
	 */
	search: { request: SearchRequest; early?: boolean; partial?: boolean };
	'customer-list': { request: CustomerListDownload };
	'reload-registry': Record<string, never>;
	/** The registry's multi-card customers and expired cards at `today` (ms since the epoch). */
	'card-findings': { today: number };
}

/** What the worker answers to each command. */
export interface Answers {
	convert: { summary: ConversionSummary; output: Blob | null };
	upload: UploadSummary;
	'failed-rows': { report: FailedRowsReport; output: Blob | null };
	problems: ProblemPage;
	download: PeopleListFile;
	search: CustomerPage;
	'customer-list': CustomerListFile;
	'reload-registry': null;
	'card-findings': CardFindings;
}

export type CommandType = keyof Commands;

/** One command as sent: its type, the request it starts, its fields. */
export type WorkerCommand =
	| { [K in CommandType]: { type: K; requestId: number } & Commands[K] }[CommandType]
	| { type: 'cancel'; requestId: number };

/** Events the worker sends back; each carries the request it answers. */
export type WorkerEvent =
	| { type: 'progress'; requestId: number; done: number; total: number; finalWrite?: boolean }
	| { type: 'answer'; requestId: number; value: Answers[CommandType] }
	| { type: 'cancelled'; requestId: number }
	| { type: 'failed'; requestId: number; message: string };
