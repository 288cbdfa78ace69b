import { cleanHistoryEntry } from '$lib/domain/records/clean-history-entry';
import {
	historyEntrySchema,
	historyOutcomeSchema,
	newHistoryEntrySchema,
	type HistoryEntry
} from '$lib/domain/records/history-entry';
import { newNotificationSchema } from '$lib/domain/records/notification';
import { checkedProblemRecords } from '$lib/domain/records/problem-record';
import { completionReportOf, type RunRecord, type RunStart } from '$lib/domain/records/run-outcome';
import { cardCountIn, toCardBlocks, type CardBlocks } from '$lib/domain/records/card-column-builder';
import { customerCountOf } from '$lib/domain/records/packed-customers';
import { cardChunksOf, customerChunksOf, endOfChunk } from '$lib/registry/registry-chunks';
import { db, type WorkbenchDb } from './db';
import { NewCards } from './new-cards';
import { announce } from './changes';
import { registryStamp } from './registry-stamp';

/**
 * What a record wrote: the first new customer's `seq` (null without customers), the entry and notice,
 * the registry's stamp after the write, and how many cards the database already held (not stored again).
 */
export interface RunRecorded {
	firstSeq: number | null;
	entry: HistoryEntry;
	notificationId: number;
	stamp: string;
	alreadyStored: number;
}

/** Aborts the record's transaction (nothing of it stays) when the operator cancelled. */
function stopIfCancelled(record: RunRecord): void {
	if (record.isCancelled?.()) throw new Error('cancelled');
}

async function nextFreeSeq(d: WorkbenchDb): Promise<number> {
	const last = await d.customerChunks.orderBy('firstSeq').last();
	return last ? endOfChunk(last) : 0;
}

async function writeCustomers(d: WorkbenchDb, record: RunRecord, uploadId: number): Promise<number | null> {
	if (!record.customers || customerCountOf(record.customers) === 0) return null;
	const firstSeq = await nextFreeSeq(d);
	if (record.expectedFirstSeq !== undefined && record.expectedFirstSeq !== firstSeq) {
		throw new Error('registry-changed');
	}
	const total = customerCountOf(record.customers);
	for (const chunk of customerChunksOf(record.customers, uploadId, firstSeq)) {
		stopIfCancelled(record);
		await d.customerChunks.add(chunk);
		record.onStored?.(chunk.firstSeq - firstSeq + chunk.count, total);
	}
	return firstSeq;
}

/**
 * The cards of `cards` to write and how many the database already holds, read inside the caller's
 * transaction: IndexedDB runs readwrite transactions over the same table one after another, so no
 * tab can store a card between this read and the write — the database, not a tab's memory, decides
 * (SPEC "Several tabs"). An empty table (a first import) costs nothing to read.
 */
async function newCardsOf(
	d: WorkbenchDb,
	cards: CardBlocks,
	progress: (done: number, of: number) => void
): Promise<{ cards: CardBlocks; skipped: number }> {
	const found = new NewCards(cards, progress);
	// Chunks of either stored shape: typed (v6) or texts (v2–v5, never rewritten).
	await d.cardChunks.each((stored) => found.markStored(stored));
	return { cards: found.kept(), skipped: found.skipped };
}

// Card chunks handed to the database before the first of them is awaited: the database stores one
// while this thread validates and clones the next, instead of the two waiting on each other in turn
// (issue 14: the worker sat idle for a third of a card import's write). Requests of one transaction
// are carried out in the order made, so the chunks keep their order.
const chunksInFlight = 4;

/** Stores the new cards of a run; returns how many the database already held. */
async function writeCards(d: WorkbenchDb, record: RunRecord, uploadId: number): Promise<number> {
	if (!record.cards || cardCountIn(record.cards) === 0) return 0;
	const blocks = toCardBlocks(record.cards);
	const end = await nextFreeSeq(d);
	if (blocks.blocks.some((block) => block.customerSeqs.some((seq) => seq >= end))) throw new Error('card-customer-missing');
	// The store's bar: the duplicate check over the import's cards as its first half, the writes the second.
	const checked = blocks.count;
	const { cards, skipped } = await newCardsOf(d, blocks, (done, of) => record.onStored?.(done, 2 * of));
	const total = cards.count;
	let stored = 0;
	const writing: Promise<void>[] = [];
	// Each chunk is added as soon as it is taken: `cardChunksOf` may reuse its arrays for the next one,
	// and `add` clones its value at once.
	for (const chunk of cardChunksOf(cards, uploadId)) {
		stopIfCancelled(record);
		const count = chunk.customerSeqs.length;
		const added = d.cardChunks.add(chunk).then(() => {
			stored += count;
			record.onStored?.(checked + (stored * checked) / total, 2 * checked);
		});
		// Awaited below in order; a failed add aborts the transaction and fails every later one too.
		added.catch(() => {});
		writing.push(added);
		if (writing.length >= chunksInFlight) await writing.shift();
	}
	for (const added of writing) await added;
	return skipped;
}

async function openEntry(d: WorkbenchDb, record: RunRecord): Promise<Record<string, unknown> & { id: number }> {
	if (record.historyId === undefined) {
		if (!record.start) throw new Error('a new entry needs its start');
		const id = await d.history.add(newHistoryEntrySchema.parse({ ...record.start, status: 'running' }));
		return { ...record.start, id };
	}
	const stored = cleanHistoryEntry(await d.history.get(record.historyId));
	if (stored?.status !== 'running') throw new Error(`history entry ${record.historyId} is not running`);
	return stored;
}

/** Runs (uploads and conversions) as the history and the bell record them. */
export const runRepository = {
	/** Writes the 'running' entry of an upload on its own, so a closed tab leaves it behind (中断). */
	async begin(start: RunStart): Promise<number> {
		return db().history.add(newHistoryEntrySchema.parse({ ...start, status: 'running' }));
	},

	/**
	 * Registers a run's customers and cards, finishes (or adds) its history entry and adds its notice
	 * in ONE transaction: any failure (invalid data, quota, closed tab) leaves none of it, and an
	 * upload's entry stays 'running' (SPEC screen 4: all-or-nothing per upload).
	 */
	async record(record: RunRecord): Promise<RunRecorded> {
		const recorded = await recordRun(record);
		if (recorded.firstSeq !== null || (record.cards ? cardCountIn(record.cards) : 0) > 0) announce('registry');
		return recorded;
	}
};

/** `runRepository.record` without telling the other tabs. */
async function recordRun(record: RunRecord): Promise<RunRecorded> {
	// The listed problems are checked apart, without a copy of those already exact (`checkedProblemRecords`).
	const { problems: listed, ...rest } = record.outcome;
	const outcome = { ...historyOutcomeSchema.parse({ ...rest, problems: [] }), problems: listed === undefined ? [] : checkedProblemRecords(listed) };
	if (outcome.status === 'running') throw new Error('a recorded run must have a final status');
	const d = db();
	return d.transaction('rw', [d.customerChunks, d.cardChunks, d.history, d.notifications], async () => {
		const stored = await openEntry(d, record);
		const writes = Boolean(customerCountOf(record.customers) || (record.cards && cardCountIn(record.cards)));
		if (writes && record.expectedStamp !== undefined && record.expectedStamp !== (await registryStamp(d))) {
			throw new Error('registry-changed');
		}
		const firstSeq = await writeCustomers(d, record, stored.id);
		const alreadyStored = await writeCards(d, record, stored.id);
		stopIfCancelled(record);
		record.onFinalWrite?.();
		const counts = alreadyStored > 0 ? { succeeded: (outcome.succeeded ?? 0) - alreadyStored, skipped: (outcome.skipped ?? 0) + alreadyStored } : {};
		// The outcome's lists (up to 10,000 problems of each severity, 10,000 failed rows) were checked
		// above with the outcome: the entry is checked without them and takes them as checked, rather
		// than checking every problem twice (~100 ms per step d of many warnings, Node; more in a worker).
		const { problems, failedRows, ...counted } = outcome;
		const entry = {
			...historyEntrySchema.parse({ ...stored, ...record.found, ...counted, ...counts, problems: [], failedRows: [], finishedAt: outcome.finishedAt ?? Date.now() }),
			problems,
			failedRows
		};
		await d.history.put(entry);
		const notice = { createdAt: entry.finishedAt, historyId: entry.id, kind: entry.kind, fileName: entry.fileName };
		const notificationId = await d.notifications.add(
			newNotificationSchema.parse({ ...notice, report: completionReportOf(entry) })
		);
		return { firstSeq, entry, notificationId, stamp: await registryStamp(d), alreadyStored };
	});
}
