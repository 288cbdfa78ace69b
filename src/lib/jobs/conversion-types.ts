import type { ReconciliationGroup } from '$lib/domain/report/reconciliation-groups';
import type { UncheckedReason } from '$lib/domain/records/customer-check';
import type { DetectedEncoding, EncodingChoice } from '$lib/domain/encoding/detect-encoding';
import type { OutputEncoding } from '$lib/domain/encoding/encode-text';
import type { ProblemCode } from '$lib/domain/problems/problem';
import type { ListedProblems } from '$lib/domain/problems/listed-problems';
import type { ProblemRecord } from '$lib/domain/records/problem-record';
import type { Reconciliation } from '$lib/domain/convert/yamato-return-converter';
import type { CustomerIdLookup } from '$lib/domain/rules/id-lookup';
import type { ExpiryOrder } from '$lib/domain/rules/expiry';
import type { ChosenColumns } from '$lib/domain/headers/chosen-columns';
import type { YamatoReturnField } from '$lib/domain/headers/columns';
import type { MappingSource } from '$lib/domain/convert/choose-return-mapping';

export type { MappingSource };

export type ConversionKind = 'linkage' | 'yamato-return';

/** What the operator chose for a conversion; all of it survives postMessage. */
export interface ConversionOptions {
	encoding: EncodingChoice;
	outputEncoding: OutputEncoding;
	header: boolean;
	expiryOrder: ExpiryOrder;
	/** Column 1 of the card import file (settings 利用サービス). */
	service: string;
	/** Check returned customer IDs against the customer list loaded in step b. */
	checkCustomerList: boolean;
	/**
	 * Step d: the operator's columns (1-based, 0 none), overriding header detection. Without them the
	 * job uses the mapping saved for this file's header, if any (read from the store at each run:
	 * `JobStore.savedMappings`), else detection.
	 */
	columns?: ChosenColumns<YamatoReturnField>;
	/** Step d: the first record is the header even when it names no known column. */
	firstRowIsHeader?: boolean;
}

/** Step b/c: the customer list (a store download, or this app's registry) → the linkage CSV. */
export interface LinkageJob {
	kind: 'linkage';
	jobId: string;
	/** The name the history shows (the file's, or a name for the registry as source). */
	fileName: string;
	source: 'file' | 'registry';
	options: ConversionOptions;
}

/** Step d: Yamato's return file → the card import file. */
export interface ReturnFileJob {
	kind: 'yamato-return';
	jobId: string;
	fileName: string;
	options: ConversionOptions;
	/** The step b run whose customer list the returned IDs are checked against (none: no check). */
	customerListJobId: string | null;
}

/** A conversion the page can ask for. */
export type ConversionJob = LinkageJob | ReturnFileJob;

/** The customer list of a step b run, as step d checks against it. */
export interface CustomerList {
	ids: CustomerIdLookup;
	/** Customers written to the linkage CSV (sent to Yamato), in list order. */
	sent: string[];
	/** Customers in the list (with or without a 連携用ID): what a step d run says it checked against. */
	customers: number;
}

export type { ReconciliationGroup };

/** Downloads the worker can build for a finished job besides its output. */
export type JobDownload = 'problems' | 'failed-rows' | ReconciliationGroup;

/** What the page keeps of a finished conversion: counts and a few whole-file problems, never rows. */
export interface ConversionSummary {
	jobId: string;
	kind: ConversionKind;
	fileName: string;
	size: number;
	sha256: string;
	encoding: DetectedEncoding;
	hasHeader: boolean;
	mapping: Record<string, number>;
	/** Step d: cells of the first record, and its cells and signature when it is (or looks like) a header. */
	columnCount?: number;
	headerCells?: string[];
	headerSignature?: string;
	mappingSource?: MappingSource;
	rows: number;
	written: number;
	failed: number;
	errors: number;
	warnings: number;
	refused: boolean;
	problemCounts: Partial<Record<ProblemCode, number>>;
	/** Problems about the file as a whole (a card number, no data…), shown above the table. */
	fileProblems: ProblemRecord[];
	suggestedExpiryOrder?: 'MMYY';
	/** Step d only: how many customers fall in each reconciliation group (null without a list). */
	reconciliation?: Record<ReconciliationGroup, number | null>;
	/** Step d only: the a・b customer list checked against (its customers), null when not checked. */
	customerList?: { customers: number } | null;
	/** Step d only, not checked: why (no list loaded, or the option unticked). */
	uncheckedReason?: UncheckedReason;
	/** Step b/c only: customers in the list, and those with a 連携用ID. */
	customers?: { total: number; linked: number };
	elapsedMs: number;
	/** The history entry that records this run. */
	historyId?: number;
	/** Why the history entry could not be written (a failure code); the output is still given. */
	historyFailure?: string;
}

export type ProblemFilter = 'all' | 'error' | 'warning';

/**
 * One page of a conversion's problems. `total` counts the file's problems that match the filter; the
 * cap's closing note ('too-many-problems': how many were left out of the list) is no problem of the
 * file, so it is neither counted nor paged but given apart in `note`, whatever the filter.
 */
export interface ProblemPage {
	total: number;
	offset: number;
	problems: ProblemRecord[];
	note: ProblemRecord | null;
}

/** What the worker keeps of a finished conversion, for pages of problems and lists to download. */
export interface ConversionReport {
	summary: ConversionSummary;
	/**
	 * The listed problems in columns (`listedProblemsOf`): made into records only for a page shown,
	 * the problem-list download and the history record. Step d's have no `message` (its converter
	 * formats none): every screen and list renders code + params (`problemText`).
	 */
	problems: ListedProblems;
	outputEncoding: OutputEncoding;
	reconciliation?: Reconciliation;
	/** Step b/c: the list step d checks against (absent when the list was refused). */
	customerList?: CustomerList;
	/** Step d: the customers sent to Yamato by the list checked against (null without a list). */
	sent?: string[] | null;
}
