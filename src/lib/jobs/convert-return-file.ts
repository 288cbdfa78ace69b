import { chooseReturnMapping, createSha256Stream, createYamatoReturnConverter, headerPeekSize, type ReturnMappingChoice } from '$lib/domain';
import { reconciliationCounts } from '$lib/domain/report/reconciliation-groups';
import { storedMultiCardIds } from '$lib/domain/records/history-entry';
import { listedProblemsOf } from '$lib/domain/report/report';
import { runOutcome, type RunOutcome } from '$lib/domain/records/run-outcome';
import { conversionStart, conversionSummary } from './conversion-summary';
import type { ConversionReport, CustomerList, ReturnFileJob } from './conversion-types';
import type { SavedColumnMapping } from '$lib/domain/headers/saved-mapping';
import { OutputParts } from './output-parts';
import type { JobPorts, JobResult, StreamHash } from './ports';
import { joinBytes } from '$lib/domain/bytes';
import { cancelledWhileWaiting, settledUnlessCancelled, stagedProgress, streamInput } from './read-input';
import { recordConversion } from './record-conversion';

/** Step d's input: Yamato's return file, and the customer list of step b when checked against. */
export interface ReturnFileInput {
	file: Blob;
	customerList: CustomerList | null;
}

/**
 * Step d: converts Yamato's return file into the card import file (SPEC "Card import file"),
 * streaming, and records the run once. Null when cancelled (before, while reading, while
 * converting, or before the record): then nothing is recorded.
 */
export async function convertReturnFile(
	input: ReturnFileInput,
	job: ReturnFileJob,
	ports: JobPorts
): Promise<JobResult<ConversionReport, RunOutcome> | null> {
	const started = performance.now();
	const startedAt = Date.now();
	const size = input.file.size;
	// The bar keeps moving after the last slice: finishing (the reconciliation lists, the hash's last
	// batches, the outcome, the history record with up to 10,000 problems of each severity, checked and
	// written) has a share of its own, in eight steps: the first four are the converter's search for
	// the sent customers not returned (a pass over each list, reported from inside: 90–330 ms for a
	// million in Node with no news), then one at each of the other four. A share of 1/6 makes every
	// step a visible change of the page's whole percent (about 1.8 % each): with 1/50 the steps fell
	// inside one percent and the record's ~1 s in the browser (20 % of 1M rows warned) showed no news.
	const bar = stagedProgress(ports.progress, [['convert', size], ['finish', Math.max(1, size / 6)]]);
	const finishSteps = 8;
	const searchSteps = 4;
	const hash = ports.streamHash?.() ?? threadHash();
	const list = job.options.checkCustomerList ? input.customerList : null;
	const { encoding, outputEncoding, header, expiryOrder, service } = job.options;
	const parts = new OutputParts();
	// The file streams through the hash and the converter slice by slice, never whole (issue 14),
	// read into one reused buffer: the hash and the converter copy what they keep, and so do the
	// first slices, which wait until the header can be peeked, to choose the column mapping.
	let head: Uint8Array[] | null = [];
	let headSize = 0;
	// Without the operator's columns, the mappings saved for this kind of file are read from the store
	// while the first slice is read (not by the page before it sends the job: 6–51 ms at the click, 1M
	// rows); the mapping is chosen once both the header's bytes and the list are here.
	let saved: readonly SavedColumnMapping[] | null = job.options.columns ? [] : null;
	const savedRead = saved ? null : ports.store.savedMappings('yamato-return').then((list) => (saved = list));
	// A cancel or a throw before the list is needed leaves no one to await it: its failure is handled
	// here, and still reaches the slice that waits for it.
	savedRead?.catch(() => undefined);
	const run: { converter?: ReturnType<typeof createYamatoReturnConverter>; mapping?: ReturnMappingChoice } = {};
	const start = (bytes: Uint8Array, savedMappings: readonly SavedColumnMapping[]) => {
		const mapping = chooseReturnMapping(bytes, { ...job.options, savedMappings });
		const converter = createYamatoReturnConverter({
			columns: mapping.columns,
			firstRowIsHeader: mapping.firstRowIsHeader,
			...{ encoding, outputEncoding, header, expiryOrder, service },
			// The job keeps code + params only (toProblemRecord): every screen and list renders its
			// messages from them, so the converter formats none (100,000 listed warnings at most).
			problemMessages: false,
			customerIds: list?.ids,
			sentCustomerIds: list?.sent,
			onFinishProgress: (done, of) => bar('finish', (searchSteps * done) / Math.max(1, of), finishSteps),
			// The output goes into Blobs as it is written, from one reused buffer (no array per slice).
			onOutput: (view) => parts.copy(view)
		});
		head = null;
		Object.assign(run, { converter, mapping });
		parts.add(converter.push(bytes));
	};
	// Converts `slice` from byte `at` on (`end`: bytes of the file up to `at`), a piece at a time, the bar
	// moving as soon as each is taken, before the work on it: a whole 1 MiB slice was 20 ms of the
	// worker's time at idle, 40–60 ms at load 3–4. Once the header can be peeked the mapping is chosen;
	// while the saved mappings are still being read, the rest of the slice waits for them (a promise).
	const convertFrom = (slice: Uint8Array, at: number, end: number): Promise<void> | void => {
		for (; at < slice.length; at += convertPiece) {
			const piece = slice.subarray(at, at + convertPiece);
			end += piece.length;
			bar('convert', end, size);
			if (!head) {
				parts.add(run.converter!.push(piece));
				continue;
			}
			head.push(piece.slice());
			headSize += piece.length;
			if (headSize < headerPeekSize) continue;
			const started = startWhole();
			// A cancel while the list was read leaves the header unstarted: the rest of the slice is not converted for nothing.
			if (started) return started.then(() => (head ? undefined : convertFrom(slice, at + convertPiece, end)));
		}
	};
	// Chooses the mapping from the header's bytes read so far (at the header peek, or once a shorter file
	// is read whole) once the saved list is here: at once, or a wait inside the slice's work, which
	// `streamInput` polls the cancel around (a cancel heard then leaves `head` unstarted).
	const startWhole = (): Promise<void> | void => {
		if (!head) return;
		if (saved) return start(joinBytes(head), saved);
		return savedRead!.then((list) => void (head && !ports.isCancelledNow?.() && start(joinBytes(head), list)));
	};
	// Until hex() is asked the hash is dropped on any way out (a cancel, or a throw); once asked, its
	// refusal is always handled, whatever happens before it is awaited.
	let digest: Promise<string> | null = null;
	let sha256: string | null;
	let built: ReturnType<NonNullable<typeof run.converter>['finish']>;
	try {
		const finished = await streamInput(
			input.file,
			(slice, read) => {
				hash.update(slice);
				const converted = convertFrom(slice, 0, read - slice.length);
				const isLast = read === size;
				if (!converted && !isLast) return hash.ready();
				return Promise.resolve(converted)
					.then(() => (isLast ? startWhole() : undefined))
					.then(() => hash.ready());
			},
			ports.isCancelled,
			{ reuse: true }
		);
		if (!finished) return null;
		// An empty file has no slice: its (empty) mapping is chosen here, the cancel still heard.
		if (head && (await settledUnlessCancelled(Promise.resolve(startWhole()), ports.isCancelled)) === cancelledWhileWaiting) return null;
		if (!run.converter || !run.mapping) return null;
		digest = hash.hex();
		const answered = digest.then(
			(hex) => hex,
			() => null
		);
		built = run.converter.finish();
		bar('finish', searchSteps, finishSteps);
		if (await ports.isCancelled()) return null;
		// A hash worker that failed leaves a finished conversion whole: the file is hashed again here.
		sha256 = (await answered) ?? (await hashOnThisThread(input.file, ports.isCancelled));
		if (sha256 === null) return null;
		// The last cancel asked: from here the job records its entry and finishes whatever is pressed.
		ports.finalWrite?.();
		bar('finish', searchSteps + 1, finishSteps);
	} finally {
		if (!digest) hash.drop();
	}
	const { mapping } = run as Required<typeof run>;
	const { output, report } = built;
	const outcome = runOutcome({ kind: 'card-file', report, succeeded: report.written });
	// A refused file wrote nothing and checked nothing: its record keeps no reconciliation and no check.
	if (!report.refused) {
		// The migration report shows the numbers of the last step d, so the history keeps them (counts only).
		outcome.reconciliation = reconciliationCounts(report.reconciliation, list !== null, report.written);
		// Whether (and against how many customers) the returned IDs were checked, and if not why (no list
		// loaded, or the option unticked): a run without the a・b list writes IDs the store may not hold,
		// and every view of the run must say so, and what to do (SPEC screen 3 d).
		outcome.customerList = list ? { customers: list.customers } : null;
		if (!list) outcome.uncheckedReason = input.customerList ? 'off' : 'no-list';
		// The report's message to support names the multi-card customers (customer IDs only, SPEC §6).
		outcome.multiCardIds = report.reconciliation.multiCardCustomers.slice(0, storedMultiCardIds).map((customer) => customer.customerId);
		// The size of the file it wrote (bytes; no content), so the report can tell whether the cards a
		// later import registered came from this output (SPEC §6).
		if (output) outcome.outputSize = parts.size + output.length;
	}
	bar('finish', searchSteps + 2, finishSteps);
	const { historyId, historyFailure } = await recordConversion(ports.store, {
		start: conversionStart(job, report, size, sha256, startedAt),
		outcome,
		// The store has checked the outcome and opened the entry; the entry's check and write follow.
		onFinalWrite: () => bar('finish', searchSteps + 3, finishSteps)
	});
	bar('finish', finishSteps, finishSteps);
	const { columnCount, headerCells, headerSignature } = report;
	const summary = conversionSummary(report, {
		job,
		size,
		sha256,
		outcome,
		elapsedMs: performance.now() - started,
		returnFile: { columnCount, headerCells, headerSignature, mappingSource: mapping.source }
	});
	summary.historyId = historyId;
	if (historyFailure) summary.historyFailure = historyFailure;
	if (output) parts.add(output);
	return {
		output: output ? parts.blob() : null,
		report: { summary, problems: listedProblemsOf(report), outputEncoding, reconciliation: report.reconciliation, sent: list?.sent ?? null },
		outcome
	};
}

// Bytes of the return file converted between two progress calls: some 4,500 rows.
const convertPiece = 1 << 18;

/**
 * The SHA-256 of `file` on this thread, streamed slice by slice as the conversion read it (the
 * hash of step d before it had a hash worker): for a hash worker that failed. Null when cancelled.
 */
async function hashOnThisThread(file: Blob, isCancelled: () => boolean | Promise<boolean>): Promise<string | null> {
	const hash = createSha256Stream();
	return (await streamInput(file, (slice) => hash.update(slice), isCancelled)) ? hash.hex() : null;
}

/** The hash on the converter's own thread (unit tests, and a worker without a hash worker). */
function threadHash(): StreamHash {
	const hash = createSha256Stream();
	return { update: (bytes) => hash.update(bytes), ready: () => undefined, hex: async () => hash.hex(), drop: () => undefined };
}
