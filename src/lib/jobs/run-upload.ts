import type { FileReport } from '$lib/domain';
import type { DetectedEncoding } from '$lib/domain/encoding/detect-encoding';
import { fileProblemCodes, type ProblemCode } from '$lib/domain/problems/problem';
import { customerIdOf } from '$lib/domain/records/customer-id';
import { toProblemRecord } from '$lib/domain/records/problem-record';
import { interruptedOutcome, runOutcome, type RunFound, type RunOutcome, type RunRecord, type RunStart } from '$lib/domain/records/run-outcome';
import type { IndexProgress, RegistryIndex } from '$lib/registry/registry-index';
import type { JobPorts, JobResult } from './ports';
import { encodingScan, stagedProgress, streamHashed, streamHashOf } from './read-input';
import type { UploadJob, UploadSummary } from './upload-types';

/** The rows of one upload that pass, ready to register, and what to do once they are stored. */
export interface UploadRows {
	report: FileReport;
	/** Rows already registered (or repeated in the file) and so not registered again. */
	skipped: number;
	count: number;
	columns: Pick<RunRecord, 'customers' | 'cards'>;
	/** Adds the stored rows to the in-memory registry (indexing them), telling how far it is. */
	apply(progress?: IndexProgress): void;
}

/** A streaming reader of one kind of upload file, checking its rows against the registry. */
export interface UploadReader {
	push(bytes: Uint8Array): void;
	finish(): UploadRows;
}

export type UploadResult = JobResult<UploadSummary, RunOutcome>;

/**
 * The phases of an upload on its progress bar, each weighted by the file's size: every one moves
 * the bar while it runs, writing and indexing included (issue 14: progress visible every 250 ms).
 */
export const uploadStages = [
	// Loading the registry from storage when this worker has not yet (seconds for a million), then
	// making the reader over it.
	['registry', 1 / 16],
	// The one read of the file: its rows checked as its bytes are hashed and its encoding judged.
	['check', 1],
	['store', 1 / 4],
	// The bar's last 6 %: the page shows whole percents, and at 1/32 (2 %) indexing a million
	// customers (~0.5 s of the worker at load 18, a sixth of the job) moved the bar twice, 357 ms
	// apart. The write ends at 94 %, so a cancel at 90 % still lands inside the write, where it is
	// honoured.
	['index', 1 / 12]
] as const;

// Bytes checked between two progress calls: a few thousand rows (tens of ms under load).
const checkSlice = 1 << 18;

const fileCodes: ReadonlySet<ProblemCode> = new Set(fileProblemCodes);

/**
 * What the result box says of a run. A refused file's `reasons` are its errors of the whole file:
 * row 0, or a code of `fileProblemCodes` at the row that showed it (a header row that names no
 * required column is row 1; a card number is where it stands), so a refusal always says why.
 */
function summaryOf(job: UploadJob, historyId: number, outcome: RunOutcome, report?: FileReport): UploadSummary {
	const whole = report?.refused ? report.problems.filter((p) => p.severity === 'error' && (p.row === 0 || fileCodes.has(p.code))) : [];
	return {
		historyId,
		kind: job.kind,
		fileName: job.fileName,
		status: outcome.status,
		rows: outcome.rows,
		registered: outcome.succeeded,
		skipped: outcome.skipped,
		failed: outcome.failed,
		warnings: outcome.warnings,
		reasons: whole.map(toProblemRecord)
	};
}

/**
 * One 一括登録 (SPEC screen 2): loads the registry, begins the run's history entry, then reads the
 * file ONCE, checking its rows against the registry while its bytes are hashed (SHA-256, on the hash
 * worker when the ports give one) and its encoding judged, and registers the rows that pass with the
 * outcome, the file's SHA-256 and encoding, and the notice in one transaction — nothing when the file
 * is refused, or when any row fails with 「エラーがあれば取り込まない」. The rows registered are the
 * very bytes hashed: the failed-rows download trusts the recorded hash. A cancel at any stage
 * records the run as 中断 and registers nothing; so does a read that fails (the error then goes on).
 * `readerOf` is told the file's size in bytes (a reader may size what it fills from it).
 */
export async function runUpload(
	file: Blob,
	job: UploadJob,
	ports: JobPorts,
	readerOf: (index: RegistryIndex, progress: IndexProgress, size: number) => UploadReader
): Promise<UploadResult> {
	const size = file.size;
	const bar = stagedProgress(ports.progress, uploadStages.map(([stage, weight]) => [stage, weight * size] as const));
	// The entry's hash and encoding are known once the file is read; until then they stay empty
	// (an entry left 中断 by a closed tab shows —), as for a run cancelled before its read ended.
	const start: RunStart = { kind: job.kind, fileName: job.fileName, size, sha256: '', encoding: null, startedAt: Date.now() };
	const interrupted = async (historyId?: number, found?: RunFound): Promise<UploadResult> => {
		const outcome = interruptedOutcome(job.kind);
		const recorded = await ports.store.record({ historyId, start: historyId === undefined ? start : undefined, found, outcome });
		return { output: null, report: summaryOf(job, recorded.historyId, outcome), outcome };
	};
	// One read, and the file is never whole in memory (issue 14). It used to be read twice: first for
	// its hash and encoding, then for its rows; the check then waited on the whole first read (about
	// 1 s of a million customers' 5.5 s). The reader decodes by itself (`job.encoding`, 'auto'
	// included), so neither it nor the entry needs the encoding before the rows are read.
	if (await ports.isCancelled()) return interrupted();
	// The registry's half of the bar: loading it (when this worker has not yet), then making the
	// reader, which may walk it (a card import's lookup of the registered customers).
	const index = await ports.store.registry((done, of) => bar('registry', done, 2 * of));
	bar('registry', 1, 2);
	// Let go once finished: what the check needed (the customer lookup, the file's own duplicates) is
	// not kept through the store and the index (issue 14: a card import's peak memory).
	let reader: UploadReader | null = readerOf(index, (done, of) => bar('registry', of + done, 2 * of), size);
	bar('registry', 1, 1);
	const historyId = await ports.store.begin(start);
	const isAuto = job.encoding === 'auto';
	const scan = encodingScan();
	// The reader copies what it keeps of a slice (a line cut at its end), so the read reuses its buffers.
	let digest: string | null;
	try {
		digest = await streamHashed(
			file,
			streamHashOf(ports),
			(slice, read) => {
				for (let at = 0, end = read - slice.length; at < slice.length; at += checkSlice) {
					const piece = slice.subarray(at, at + checkSlice);
					if (isAuto) scan.slice(piece);
					reader?.push(piece);
					end += piece.length;
					bar('check', end, size);
				}
			},
			ports.isCancelled
		);
	} catch (error) {
		// The read failed (a browser refuses a file changed on disk since it was chosen:
		// NotReadableError): the begun entry ends 中断 at once rather than 'running' with no job
		// behind it until the next start, nothing is registered, and the failure goes on to the page
		// ('file-unreadable': choose the file again).
		await interrupted(historyId).catch(() => undefined);
		throw error;
	}
	if (digest === null) return interrupted(historyId);
	const encoding: DetectedEncoding = job.encoding === 'auto' ? scan.of() : job.encoding;
	const found = { sha256: digest, encoding };
	const rows = reader.finish();
	reader = null;
	if (await ports.isCancelled()) return interrupted(historyId, found);
	const { report, skipped } = rows;
	const isBlocked = job.errorsBlockImport && report.failed > 0;
	const registered = report.refused || isBlocked ? 0 : rows.count;
	const checked = runOutcome({ kind: job.kind, report, succeeded: registered, skipped, errorsBlockImport: job.errorsBlockImport });
	const firstSeq = index.customerCount;
	let alreadyStored = 0;
	try {
		({ alreadyStored = 0 } = await ports.store.record({
			historyId,
			found,
			outcome: checked,
			...(registered > 0 ? rows.columns : {}),
			expectedFirstSeq: job.kind === 'customers' ? firstSeq : undefined,
			onStored: (stored, total) => bar('store', stored, total),
			isCancelled: ports.isCancelledNow,
			onFinalWrite: ports.finalWrite
		}));
	} catch (error) {
		// A cancel during the store aborted its transaction: nothing was registered.
		if (error instanceof Error && error.message === 'cancelled') return interrupted(historyId, found);
		throw error;
	}
	// The database found some cards stored already (checked inside its transaction): they count as skipped.
	const outcome = alreadyStored > 0 ? { ...checked, succeeded: checked.succeeded - alreadyStored, skipped: checked.skipped + alreadyStored } : checked;
	if (registered > 0) rows.apply((done, of) => bar('index', done, of));
	bar('index', 1, 1);
	const summary = summaryOf(job, historyId, outcome, report);
	if (job.kind === 'customers' && registered > 0) {
		summary.firstId = customerIdOf(firstSeq);
		summary.lastId = customerIdOf(firstSeq + registered - 1);
	}
	return { output: null, report: summary, outcome };
}
