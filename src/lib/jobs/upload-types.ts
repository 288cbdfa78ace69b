import type { EncodingChoice } from '$lib/domain/encoding/detect-encoding';
import type { ProblemRecord } from '$lib/domain/records/problem-record';

/** The two kinds of 一括登録, as in the store. */
export type UploadKind = 'customers' | 'cards';

/** One 一括登録 as the page asks for it (the file travels beside it). */
export interface UploadJob {
	kind: UploadKind;
	fileName: string;
	encoding: EncodingChoice;
	/** 「エラーがあれば取り込まない」: import nothing when any row fails. */
	errorsBlockImport: boolean;
	/** Settings the card import is checked against (利用サービス, 利用可否), read just before. */
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
	/** Whole-file reasons when refused (problem records: rendered in the page's language). */
	reasons: ProblemRecord[];
	/** IDs given to the new customers (first and last), when customers were registered. */
	firstId?: string;
	lastId?: string;
}
