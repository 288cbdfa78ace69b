import type { CardColumns } from '$lib/domain/records/card';
import type { CustomerColumns } from '$lib/domain/records/customer';
import {
	historyEntrySchema,
	historyOutcomeSchema,
	newHistoryEntrySchema,
	type HistoryEntry,
	type HistoryOutcome,
	type NewHistoryEntry
} from '$lib/domain/records/history-entry';
import { newNotificationSchema } from '$lib/domain/records/notification';
import { db, type WorkbenchDb } from './db';
import {
	appendCardChunk,
	appendCustomerChunk,
	cardChunksOf,
	customerChunksOf,
	endOfChunk
} from '$lib/registry/registry-chunks';
import { RegistryIndex } from '$lib/registry/registry-index';

/** What one finished upload writes, all in one transaction. */
export interface UploadCommit {
	/** The entry `beginUpload` wrote. */
	historyId: number;
	/** Customers to register, in file order; the first gets the next free `seq`. */
	customers?: CustomerColumns;
	/** Cards to register; each `customerSeq` must name a registered customer. */
	cards?: CardColumns;
	/** The `seq` the caller assigned to the first customer; the commit fails if the registry moved on. */
	expectedFirstSeq?: number;
	/** The final fields of the history entry (status other than 'running'). */
	outcome: HistoryOutcome;
	/** Told after each stored chunk how many rows of this upload are written (for a progress bar). */
	onStored?: (stored: number, total: number) => void;
}

/** What a commit wrote: the first new customer's `seq` (null without customers), the entry and notice. */
export interface UploadCommitted {
	firstSeq: number | null;
	entry: HistoryEntry;
	notificationId: number;
}

async function nextFreeSeq(d: WorkbenchDb): Promise<number> {
	const last = await d.customerChunks.orderBy('firstSeq').last();
	return last ? endOfChunk(last) : 0;
}

async function writeCustomers(d: WorkbenchDb, commit: UploadCommit): Promise<number | null> {
	if (!commit.customers || commit.customers.linkageIds.length === 0) return null;
	const firstSeq = await nextFreeSeq(d);
	if (commit.expectedFirstSeq !== undefined && commit.expectedFirstSeq !== firstSeq) {
		throw new Error(`registry moved on: next seq is ${firstSeq}, not ${commit.expectedFirstSeq}`);
	}
	const total = commit.customers.linkageIds.length;
	for (const chunk of customerChunksOf(commit.customers, commit.historyId, firstSeq)) {
		await d.customerChunks.add(chunk);
		commit.onStored?.(chunk.firstSeq - firstSeq + chunk.count, total);
	}
	return firstSeq;
}

async function writeCards(d: WorkbenchDb, commit: UploadCommit): Promise<void> {
	if (!commit.cards || commit.cards.customerSeqs.length === 0) return;
	const end = await nextFreeSeq(d);
	if (commit.cards.customerSeqs.some((seq) => seq >= end)) throw new Error('a card names no registered customer');
	const total = commit.cards.customerSeqs.length;
	let stored = 0;
	for (const chunk of cardChunksOf(commit.cards, commit.historyId)) {
		await d.cardChunks.add(chunk);
		stored += chunk.customerSeqs.length;
		commit.onStored?.(stored, total);
	}
}

/** The customer registry: columnar chunks, loaded whole into a `RegistryIndex`, written per upload. */
export const registryRepository = {
	/** Reads every stored chunk, in order, into a fresh in-memory index; unreadable chunks are left out. */
	async loadIndex(): Promise<RegistryIndex> {
		const d = db();
		const [customers, cards] = await d.transaction('r', [d.customerChunks, d.cardChunks], () =>
			Promise.all([d.customerChunks.orderBy('firstSeq').toArray(), d.cardChunks.toArray()])
		);
		const index = new RegistryIndex();
		for (const chunk of customers) appendCustomerChunk(index, chunk);
		for (const chunk of cards) appendCardChunk(index, chunk);
		return index;
	},

	/** Writes the 'running' history entry of an upload on its own, so a closed tab leaves it behind. */
	async beginUpload(entry: Omit<NewHistoryEntry, 'status'>): Promise<number> {
		return db().history.add(newHistoryEntrySchema.parse({ ...entry, status: 'running' }));
	},

	/**
	 * Registers an upload's customers and cards, finishes its history entry and adds its notice in ONE
	 * transaction: any failure (invalid data, quota, closed tab) leaves none of it and the entry 'running'.
	 */
	async commitUpload(commit: UploadCommit): Promise<UploadCommitted> {
		const outcome = historyOutcomeSchema.parse(commit.outcome);
		if (outcome.status === 'running') throw new Error('a committed upload must have a final status');
		const d = db();
		return d.transaction('rw', [d.customerChunks, d.cardChunks, d.history, d.notifications], async () => {
			const stored = await d.history.get(commit.historyId);
			if (stored?.status !== 'running') throw new Error(`history entry ${commit.historyId} is not running`);
			const firstSeq = await writeCustomers(d, commit);
			await writeCards(d, commit);
			const entry = historyEntrySchema.parse({ ...stored, ...outcome, finishedAt: outcome.finishedAt ?? Date.now() });
			await d.history.put(entry);
			const notificationId = await d.notifications.add(
				newNotificationSchema.parse({
					createdAt: entry.finishedAt,
					historyId: entry.id,
					kind: entry.kind,
					fileName: entry.fileName,
					report: {
						rows: entry.rows,
						registered: entry.succeeded,
						skipped: entry.skipped,
						errors: entry.failed,
						warnings: entry.warnings
					}
				})
			);
			return { firstSeq, entry, notificationId };
		});
	},

	/**
	 * On app start: every entry still 'running' was cut off (a closed tab) and becomes 'interrupted'.
	 * Call it while holding the import lock: an import running in another tab is 'running' too.
	 */
	async markInterrupted(): Promise<number> {
		return db().history.where('status').equals('running').modify({ status: 'interrupted' });
	},

	/** Removes every registered customer and card (history and notices stay). */
	async clearRegistry(): Promise<void> {
		const d = db();
		await d.transaction('rw', [d.customerChunks, d.cardChunks], async () => {
			await d.customerChunks.clear();
			await d.cardChunks.clear();
		});
	}
};
