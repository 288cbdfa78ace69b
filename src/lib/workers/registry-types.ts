import type { EncodingChoice, OutputEncoding, Problem } from '$lib/domain';
import type { CustomerView, SearchRequest } from '$lib/storage/registry-index';

/** The lock that keeps two tabs (or two uploads) from importing at the same time. */
export const importLockName = 'webcollect-workbench-import';

/** The two kinds of 一括登録, as in the store. */
export type UploadKind = 'customers' | 'cards';

export interface UploadJob {
	kind: UploadKind;
	file: File;
	encoding: EncodingChoice;
	/** 「エラーがあれば取り込まない」: import nothing when any row fails. */
	errorsBlockImport: boolean;
	/** Settings the card import is checked against (利用サービス, 利用可否). */
	settings: { service: string; availability: string };
}

/** What the page is told when an upload ends. */
export interface UploadSummary {
	historyId: number;
	kind: UploadKind;
	fileName: string;
	status: 'done' | 'errors' | 'interrupted' | 'refused';
	rows: number;
	registered: number;
	skipped: number;
	failed: number;
	warnings: number;
	/** Whole-file reasons when refused (code, params and message: safe to show, never file content). */
	reasons: Problem[];
	/** IDs given to the new customers (first and last), when customers were registered. */
	firstId?: string;
	lastId?: string;
}

export type { CustomerView, SearchRequest };

export interface CustomerPage {
	total: number;
	registrySize: number;
	rows: CustomerView[];
}

export interface CustomerListDownload {
	query: SearchRequest['query'];
	field: SearchRequest['field'];
	encoding: OutputEncoding;
}
