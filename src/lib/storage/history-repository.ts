import {
	fallbackHistoryEntry,
	historyEntrySchema,
	newHistoryEntrySchema,
	type HistoryEntry,
	type NewHistoryEntry
} from '$lib/domain/records/history-entry';
import { fileNameMatches, fileNameSearchKey } from '$lib/domain/records/list-source';
import { salvageRecord } from '$lib/domain/records/salvage';
import { cleanHistoryEntry } from '$lib/domain/records/clean-history-entry';
import { db } from './db';

/** A history search: file-name substring, start time from/to (ms, inclusive, either end open), a page. */
export interface HistoryQuery {
	fileName?: string;
	/** The labels a list from the registry is shown under, in every language: what a name search finds it by. */
	registryNames?: readonly string[];
	from?: number;
	to?: number;
	offset?: number;
	limit?: number;
}

/** One page of history, newest first, and how many entries matched in all. */
export interface HistoryPage {
	total: number;
	entries: HistoryEntry[];
}

/** A stored entry as shown: cleaned of what earlier versions kept (tokens, card numbers), then salvaged. */
function readEntry(stored: unknown): HistoryEntry | null {
	return salvageRecord<HistoryEntry>(historyEntrySchema, cleanHistoryEntry(stored), fallbackHistoryEntry);
}

/**
 * Ids and start times of the entries in the date range. Only index keys are read: an entry can carry
 * a long list of failures, and a search must not load every one of them.
 */
async function startTimes(from?: number, to?: number): Promise<Map<number, number>> {
	const table = db().history;
	const times = new Map<number, number>();
	const ranged = from !== undefined || to !== undefined;
	if (!ranged) for (const id of await table.toCollection().primaryKeys()) times.set(id, 0);
	const range = table.where('startedAt').between(from ?? -Infinity, to ?? Infinity, true, true);
	await range.eachKey((key, cursor) => times.set(cursor.primaryKey as number, key as number));
	return times;
}

async function idsWithFileName(part: string, registryNames: readonly string[]): Promise<Set<number>> {
	const needle = fileNameSearchKey(part);
	const labels = registryNames.map(fileNameSearchKey);
	const ids = new Set<number>();
	await db()
		.history.orderBy('fileName')
		.eachKey((key, cursor) => {
			if (fileNameMatches(String(key), needle, labels)) ids.add(cursor.primaryKey as number);
		});
	return ids;
}

/** 顧客データ取り込み履歴: validated on write; unreadable fields fall back on read, never a throw. */
export const historyRepository = {
	/** Stores a finished entry (a conversion, which has no rows to register) and returns its id. */
	async add(entry: NewHistoryEntry): Promise<number> {
		return db().history.add(newHistoryEntrySchema.parse(entry));
	},

	/** One entry with its failures, or undefined when there is none (or it cannot be read at all). */
	async get(id: number): Promise<HistoryEntry | undefined> {
		return readEntry(await db().history.get(id)) ?? undefined;
	},

	/** A page of matching entries, newest first (by start time, then by id). */
	async query({ fileName = '', registryNames = [], from, to, offset = 0, limit = 20 }: HistoryQuery = {}): Promise<HistoryPage> {
		const times = await startTimes(from, to);
		const named = fileName.trim() === '' ? null : await idsWithFileName(fileName.trim(), registryNames);
		const ids = [...times.keys()].filter((id) => named?.has(id) ?? true);
		ids.sort((a, b) => (times.get(b) as number) - (times.get(a) as number) || b - a);
		const page = ids.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit));
		const entries = (await db().history.bulkGet(page)).map(readEntry);
		return { total: ids.length, entries: entries.filter((entry) => entry !== null) };
	},

	/** Deletes one entry (what it registered stays registered). */
	async delete(id: number): Promise<void> {
		await db().history.delete(id);
	},

	/** Deletes every entry. */
	async deleteAll(): Promise<void> {
		await db().history.clear();
	},

	/** Every entry, oldest first, as a JSON backup (counts, hashes and masked problems: never a token). */
	async exportJson(): Promise<string> {
		const entries: HistoryEntry[] = [];
		await db().history.each((stored) => {
			const entry = readEntry(stored);
			if (entry) entries.push(entry);
		});
		entries.sort((a, b) => a.startedAt - b.startedAt || a.id - b.id);
		const backup = { format: 'webcollect-workbench/history', version: 1, exportedAt: Date.now(), entries };
		return JSON.stringify(backup, null, '\t');
	}
};
