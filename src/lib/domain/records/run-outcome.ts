import type { ReconciliationCounts } from '../report/reconciliation-groups';
import { listedProblemsOf, type FileReport } from '../report/report';
import type { ListedProblems } from '../problems/listed-problems';
import type { CardsIn } from './card-column-builder';
import type { UncheckedReason } from './customer-check';
import type { CustomersIn } from './packed-customers';
import type { HistoryKind, HistoryOutcome, HistoryStatus, NewHistoryEntry } from './history-entry';
import type { CompletionReport } from './notification';
import type { ProblemRecord } from './problem-record';

/** Problems kept per severity and run: enough to fix a file, bounded for million-row disasters. */
export const maxStoredProblems = 10_000;

/**
 * Whether a kind of run is a conversion (it writes a file: 書き出し) or an upload (it registers
 * rows: 登録), so screens can choose their words per kind.
 */
export function runFamilyOf(kind: HistoryKind): 'conversion' | 'upload' {
	return kind === 'customers' || kind === 'cards' ? 'upload' : 'conversion';
}

/** What the history and the bell record of one finished run (an upload or a conversion). */
export interface RunOutcome {
	kind: HistoryKind;
	status: Exclude<HistoryStatus, 'running'>;
	/** Data records read. */
	rows: number;
	/** Rows written (conversions) or registered (uploads). */
	succeeded: number;
	/** Uploads: rows already registered (a known 連携用ID, a card already on its customer). */
	skipped: number;
	/** Rows with an error (取込失敗). */
	failed: number;
	/** Listed problems of each severity. */
	errors: number;
	warnings: number;
	/** Listed problems, errors and warnings, at most `maxStoredProblems` of each severity. */
	problems: ProblemRecord[];
	/** Row numbers of the failed rows (at most `maxStoredProblems`), for the failed-rows download. */
	failedRows: number[];
	/** Uploads: 「エラーがあれば取り込まない」 was on. */
	errorsBlockImport?: boolean;
	/** Step d: the numbers of its reconciliation, for the migration report (SPEC §6). */
	reconciliation?: ReconciliationCounts;
	/** Step d: the a・b customer list the returned IDs were checked against, null when not checked. */
	customerList?: { customers: number } | null;
	/** Step d, not checked (`customerList` null): no list loaded, or 「読み込んだ顧客一覧と照合する」 unticked. */
	uncheckedReason?: UncheckedReason;
	/** Step d: the first multi-card customers' IDs (at most `storedMultiCardIds`), for the report. */
	multiCardIds?: string[];
	/** Step d: the size in bytes of the file it wrote (the import CSV), never its content. */
	outputSize?: number;
}

/** The facts of a finished run the outcome is built from. */
export interface RunFacts {
	kind: HistoryKind;
	report: Pick<FileReport, 'rows' | 'failed' | 'failedRows' | 'problems' | 'refused'>;
	/** Rows written or registered. */
	succeeded: number;
	skipped?: number;
	errorsBlockImport?: boolean;
}

/**
 * The problems kept (at most `maxStoredProblems` of each severity) and the file's counts of errors and
 * warnings: the listed ones plus those the cap left out, which the cap's note ('too-many-problems')
 * tells by severity — the note itself is no problem of the file and is not counted (a file of 300,000
 * warnings showed 警告 100,001件: the 100,000 listed and the note).
 */
function listed(problems: ListedProblems) {
	const kept: ProblemRecord[] = [];
	const shown = { error: 0, warning: 0 };
	const left = { error: 0, warning: 0 };
	// Read in columns: only the problems kept become records (10,000 of each severity at most).
	for (let i = 0; i < problems.length; i++) {
		if (problems.code(i) === 'too-many-problems') {
			kept.push(problems.record(i));
			const params = problems.params(i);
			left.error += wholeOf(params?.errors);
			left.warning += wholeOf(params?.warnings);
			continue;
		}
		if (++shown[problems.severity(i)] <= maxStoredProblems) kept.push(problems.record(i));
	}
	return { kept, errors: shown.error + left.error, warnings: shown.warning + left.warning };
}

/** A count from a problem's params: a whole number ≥ 0, else 0 (a note stored before it told them). */
function wholeOf(value: unknown): number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/**
 * The one outcome of a finished run (SPEC screens 4 and 5): status 'refused' when the file was
 * refused as a whole (then at least one failed row), 'errors' when a row failed, else 'done'.
 */
export function runOutcome({ kind, report, succeeded, skipped = 0, errorsBlockImport }: RunFacts): RunOutcome {
	const { kept, errors, warnings } = listed(listedProblemsOf(report));
	const status = report.refused ? 'refused' : report.failed > 0 ? 'errors' : 'done';
	const outcome: RunOutcome = {
		kind,
		status,
		rows: report.rows,
		succeeded: report.refused ? 0 : succeeded,
		skipped,
		failed: report.refused ? Math.max(report.failed, 1) : report.failed,
		errors,
		warnings,
		problems: kept,
		failedRows: report.failedRows.slice(0, maxStoredProblems)
	};
	if (errorsBlockImport !== undefined) outcome.errorsBlockImport = errorsBlockImport;
	return outcome;
}

/** The outcome of a run the operator cancelled: nothing registered or written, shown as 中断. */
export function interruptedOutcome(kind: HistoryKind): RunOutcome {
	const empty = { rows: 0, failed: 0, failedRows: [], problems: [], refused: false };
	return { ...runOutcome({ kind, report: empty, succeeded: 0 }), status: 'interrupted' };
}

/** Problems a notice lists by row and message (the history entry lists them all). */
export const listedProblems = 3;

/**
 * The completion report of the bell: rows read, written or registered, skipped, failed rows,
 * warnings, and the first `listedProblems` problems themselves — errors before warnings, so a run
 * with both quotes its error (issue 13: problems are listed, not only counted) — with the number of
 * error problems (`errors` counts failed rows). An interrupted run (中断) is marked so, since its
 * counts of 0 read as an empty file.
 */
export function completionReportOf(
	outcome: Pick<RunOutcome, 'rows' | 'succeeded' | 'skipped' | 'failed' | 'errors' | 'warnings'> & {
		problems?: readonly ProblemRecord[];
		status?: HistoryStatus;
	}
): CompletionReport {
	const report: CompletionReport = {
		rows: outcome.rows,
		registered: outcome.succeeded,
		skipped: outcome.skipped,
		errors: outcome.failed,
		warnings: outcome.warnings,
		errorProblems: outcome.errors
	};
	if (outcome.status === 'interrupted') report.interrupted = true;
	// The bell lists real problems (the cap's note is none) and counts the rest right.
	const problems = outcome.problems ?? [];
	const errors = problems.filter((problem) => problem.severity === 'error' && problem.code !== 'too-many-problems');
	const listed = [...errors, ...fileWarnings(problems)].slice(0, listedProblems);
	if (listed.length > 0) report.listedProblems = listed;
	return report;
}

/**
 * The warnings of the file among a run's stored problems: the cap's note ('too-many-problems') is no
 * warning of the file (`listed`), so every list of warnings — the bell's, an entry's — leaves it out.
 */
export function fileWarnings(problems: readonly ProblemRecord[]): ProblemRecord[] {
	return problems.filter((problem) => problem.severity === 'warning' && problem.code !== 'too-many-problems');
}

/** What an entry knows when its run starts: the file, its hash and encoding, the kind of run. */
export type RunStart = Pick<NewHistoryEntry, 'kind' | 'fileName' | 'size' | 'sha256' | 'encoding' | 'startedAt'>;

/**
 * What a run learns of its file by reading it, after its entry was begun: the SHA-256 (hex, FIPS
 * 180-4) of every byte read and the encoding detected or chosen (SPEC screen 4's entry fields).
 */
export type RunFound = Pick<RunStart, 'sha256' | 'encoding'>;

/** What one finished run writes, all in one transaction. */
export interface RunRecord {
	/** The 'running' entry `begin` wrote (uploads); absent, `start` makes a new entry (conversions). */
	historyId?: number;
	start?: RunStart;
	/** The file's hash and encoding, found by the read that followed `begin`: written into the entry. */
	found?: RunFound;
	/** Customers to register, in file order (packed parts of at most 10,000, or plain columns); the first gets the next free `seq`. */
	customers?: CustomersIn;
	/** Cards to register (one set of columns, or an import's blocks); each `customerSeq` must name a registered customer. */
	cards?: CardsIn;
	/** The `seq` the caller assigned to the first customer; the record fails if the registry moved on. */
	expectedFirstSeq?: number;
	/**
	 * The stamp of the registry the rows were checked against (SPEC "Several tabs"); the record fails
	 * with 'registry-changed' when another tab imported or erased since, so no check ran on stale data.
	 */
	expectedStamp?: string;
	/** The final fields of the history entry. */
	outcome: RunOutcome | HistoryOutcome;
	/** Told after each stored chunk how many rows of this run are written (for a progress bar). */
	onStored?: (stored: number, total: number) => void;
	/**
	 * Asked (synchronously) before each chunk and once more before the entry is finished: true
	 * aborts the transaction with 'cancelled', so a cancel is honoured until the final write starts.
	 */
	isCancelled?: () => boolean;
	/** Told when the final write starts: from then the run can no longer be cancelled. */
	onFinalWrite?: () => void;
}
