import { cleanHistoryEntry } from '$lib/domain/records/clean-history-entry';
import {
	historyEntrySchema,
	historyOutcomeSchema,
	newHistoryEntrySchema,
	type HistoryEntry
} from '$lib/domain/records/history-entry';
import { newNotificationSchema } from '$lib/domain/records/notification';
import { completionReportOf, type RunRecord, type RunStart } from '$lib/domain/records/run-outcome';
import { cardChunksOf, customerChunksOf, endOfChunk } from '$lib/registry/registry-chunks';
import { db, type WorkbenchDb } from './db';

/** What a record wrote: the first new customer's `seq` (null without customers), the entry and notice. */
export interface RunRecorded {
	firstSeq: number | null;
	entry: HistoryEntry;
	notificationId: number;
}

async function nextFreeSeq(d: WorkbenchDb): Promise<number> {
	const last = await d.customerChunks.orderBy('firstSeq').last();
	return last ? endOfChunk(last) : 0;
}

async function writeCustomers(d: WorkbenchDb, record: RunRecord, uploadId: number): Promise<number | null> {
	if (!record.customers || record.customers.linkageIds.length === 0) return null;
	const firstSeq = await nextFreeSeq(d);
	if (record.expectedFirstSeq !== undefined && record.expectedFirstSeq !== firstSeq) {
		throw new Error(`registry moved on: next seq is ${firstSeq}, not ${record.expectedFirstSeq}`);
	}
	const total = record.customers.linkageIds.length;
	for (const chunk of customerChunksOf(record.customers, uploadId, firstSeq)) {
		await d.customerChunks.add(chunk);
		record.onStored?.(chunk.firstSeq - firstSeq + chunk.count, total);
	}
	return firstSeq;
}

async function writeCards(d: WorkbenchDb, record: RunRecord, uploadId: number): Promise<void> {
	if (!record.cards || record.cards.customerSeqs.length === 0) return;
	const end = await nextFreeSeq(d);
	if (record.cards.customerSeqs.some((seq) => seq >= end)) throw new Error('a card names no registered customer');
	const total = record.cards.customerSeqs.length;
	let stored = 0;
	for (const chunk of cardChunksOf(record.cards, uploadId)) {
		await d.cardChunks.add(chunk);
		stored += chunk.customerSeqs.length;
		record.onStored?.(stored, total);
	}
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
		const outcome = historyOutcomeSchema.parse(record.outcome);
		if (outcome.status === 'running') throw new Error('a recorded run must have a final status');
		const d = db();
		return d.transaction('rw', [d.customerChunks, d.cardChunks, d.history, d.notifications], async () => {
			const stored = await openEntry(d, record);
			const firstSeq = await writeCustomers(d, record, stored.id);
			await writeCards(d, record, stored.id);
			const entry = historyEntrySchema.parse({ ...stored, ...outcome, finishedAt: outcome.finishedAt ?? Date.now() });
			await d.history.put(entry);
			const notice = { createdAt: entry.finishedAt, historyId: entry.id, kind: entry.kind, fileName: entry.fileName };
			const notificationId = await d.notifications.add(
				newNotificationSchema.parse({ ...notice, report: completionReportOf(entry) })
			);
			return { firstSeq, entry, notificationId };
		});
	}
};
