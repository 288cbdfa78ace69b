import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CardBytesChunk } from '$lib/domain/records/card-bytes';
import type { CustomerChunk } from '$lib/domain/records/customer';
import { cleanHistoryEntry } from '$lib/domain/records/clean-history-entry';
import { upgradeHistoryEntryV3, type HistoryEntry } from '$lib/domain/records/history-entry';
import type { Notification } from '$lib/domain/records/notification';

/** One settings record: the payment settings under the key 'payment'. */
export interface SettingsRecord {
	key: string;
	value: unknown;
}

/** A small key/value record: schema or app version, saved column mappings. */
export interface MetaRecord {
	key: string;
	value: unknown;
}

/** The one database of the app. Only modules in `src/lib/storage` import it. */
export class WorkbenchDb extends Dexie {
	settings!: EntityTable<SettingsRecord, 'key'>;
	customerChunks!: Table<CustomerChunk & { id: number }, number, CustomerChunk>;
	cardChunks!: Table<CardBytesChunk & { id: number }, number, CardBytesChunk>;
	history!: EntityTable<HistoryEntry, 'id'>;
	notifications!: EntityTable<Notification, 'id'>;
	meta!: EntityTable<MetaRecord, 'key'>;

	constructor(name = 'webcollect-workbench') {
		super(name);
		// 2026-11-29 v1: payment settings, one record per key.
		this.version(1).stores({ settings: 'key' });
		// 2026-11-29 v2: customer registry (columnar chunks), history, notifications, meta.
		this.version(2).stores({
			customerChunks: '++id, uploadId, firstSeq',
			cardChunks: '++id, uploadId',
			history: '++id, startedAt, fileName, status',
			notifications: '++id, createdAt',
			meta: 'key'
		});
		// 2026-11-30 v3: history keeps problems as codes and parameters (both severities), not
		// Japanese text; older entries keep their text as a legacy parameter.
		this.version(3)
			.stores({})
			.upgrade((tx) =>
				tx
					.table('history')
					.toCollection()
					.modify((entry: Record<string, unknown>, ref: { value: unknown }) => {
						ref.value = cleanHistoryEntry(upgradeHistoryEntryV3(entry));
					})
			);
		// 2026-11-30 v4: a unique key per card and customer (`cardKeys`: "seq:fingerprint" of each card
		// of a chunk, multi-entry), so the same card can never be stored twice on one customer, whichever
		// tab writes (SPEC "Several tabs"). Cards an older version stored twice keep their data but only
		// the first gets the key, so the upgrade never fails and the list still opens.
		this.version(4)
			.stores({ cardChunks: '++id, uploadId, &*cardKeys' })
			.upgrade((tx) => {
				const seen = new Set<string>();
				return tx
					.table('cardChunks')
					.toCollection()
					.modify((chunk: Record<string, unknown>) => {
						chunk.cardKeys = uniqueCardKeys(chunk, seen);
					});
			});
		// 2026-11-30 v5: the unique `cardKeys` index is dropped: its entries, one per card, written in the
		// import's one transaction made importing cards about 5 × slower (issue 14). The same card is
		// still never stored twice on one customer: the import reads the stored cards inside its
		// readwrite transaction, which IndexedDB runs alone over the table (run-repository.ts). The
		// stored keys go too, so old chunks hold only the card columns.
		this.version(5)
			.stores({ cardChunks: '++id, uploadId' })
			.upgrade((tx) =>
				tx
					.table('cardChunks')
					.toCollection()
					.modify((chunk: Record<string, unknown>) => {
						delete chunk.cardKeys;
					})
			);
		// 2026-11-30 v6 (issue 14): registry chunks change shape, with no upgrade pass (the last one took
		// 29–43 s for a million cards); chunks written by v2–v5 are read as they are.
		// - Customer chunks are written packed, each column one string and its value ends
		//   (`customerChunkSchema`): IndexedDB clones 7 strings and 7 typed arrays per chunk instead of
		//   70,000 strings; v5's arrays of strings are read by `readCustomerChunk`.
		// - Card chunks are written as typed columns (`CardBytesChunk`: seqs Int32, brand index, tail and
		//   YYMM as numbers, 32-byte fingerprints, 4-byte token tails): six arrays per chunk instead of
		//   50,000 texts; v2–v5's texts are read by `cardColumnsOfStored`.
		// The version step makes an older tab, which cannot read the new chunks, step aside.
		this.version(6).stores({});
		// 2026-11-30 v7 (issue 14): customer chunks keep each column's value ends relative to blocks of
		// 256 values, 16 bits a value as a rule (`PackedText.starts`), where v6 kept absolute 32-bit
		// ends: 14 MB less per million customers in memory and on disk. v6 chunks are read as they are
		// (`readCustomerChunk`); the version step makes a v6 tab, which cannot read the new chunks,
		// step aside.
		this.version(7).stores({});
	}
}

/** The unique key of one registered card: its customer's `seq` and its token fingerprint. */
export function cardKeyOf(customerSeq: number, fingerprint: string): string {
	return `${customerSeq}:${fingerprint}`;
}

/** The keys of a stored chunk's cards not yet in `seen` (which it extends); unreadable columns give none. */
function uniqueCardKeys(chunk: Record<string, unknown>, seen: Set<string>): string[] {
	const { customerSeqs, fingerprints } = chunk;
	if (!Array.isArray(customerSeqs) || !Array.isArray(fingerprints)) return [];
	const keys: string[] = [];
	for (let card = 0; card < customerSeqs.length; card++) {
		const key = cardKeyOf(customerSeqs[card], String(fingerprints[card]));
		if (seen.has(key)) continue;
		seen.add(key);
		keys.push(key);
	}
	return keys;
}

let instance: WorkbenchDb | null = null;
const upgradeListeners = new Set<() => void>();
const blockedListeners = new Set<() => void>();
const closeListeners = new Set<() => void>();
/**
 * True once the shared database was closed because another tab upgrades it: every read of this page
 * fails from then on (DatabaseClosedError). A follower that starts later hears it at once.
 */
let closedForUpgrade = false;
/**
 * True from a 'blocked' of the shared database's open until the open completes: Dexie says so
 * once, and the page's banner may subscribe after another module started the open.
 */
let openBlocked = false;
/** True once this context's open of the database completed (a later close does not reset it). */
let opened = false;
/** True once another context said its open is blocked, until this context's own open completes. */
let blockedElsewhere = false;

/**
 * Every context of the app (each tab and each tab's worker) shares one queue of opens per database:
 * IndexedDB runs them one at a time, and only the open at its head hears 'blocked' from an older
 * copy; one queued behind it waits without a word (W3C Indexed Database API 3.0, "open a database
 * connection": wait until all previous requests in the queue have been processed). So the context
 * that hears it says so on this database's channel ('blocked'), and answers a context that asks
 * later ('ask').
 */
const blockedChannelPrefix = 'webcollect-workbench.database-blocked:';
let channel: BroadcastChannel | null = null;

/** The channel of the shared database, made on first use; null where the runtime has none. */
function blockedChannel(): BroadcastChannel | null {
	if (channel || typeof BroadcastChannel === 'undefined' || !instance) return channel;
	const made = new BroadcastChannel(blockedChannelPrefix + instance.name);
	// Node's channel keeps its process alive; the unit tests' runs must end.
	(made as { unref?: () => void }).unref?.();
	made.onmessage = ({ data }: MessageEvent) => {
		if (data === 'ask' && openBlocked) made.postMessage('blocked');
		// Heard from another context: this one's own open waits behind it, unless it completed. Told
		// once (a 'blocked' and an answer to this context's 'ask' may both come).
		else if (data === 'blocked' && !opened && !blockedElsewhere) {
			blockedElsewhere = true;
			tellBlocked();
		}
	};
	return (channel = made);
}

function tellBlocked(): void {
	for (const listener of blockedListeners) listener();
}

/** The shared database, opened on first use. */
export function db(): WorkbenchDb {
	return instance ?? (instance = watched(new WorkbenchDb()));
}

/** `created`, followed for upgrades elsewhere and for an open that waits on an older copy. */
function watched(created: WorkbenchDb): WorkbenchDb {
	openBlocked = false;
	opened = false;
	blockedElsewhere = false;
	channel?.close();
	channel = null;
	// Another tab upgrades the schema: step aside so it can, and tell the page to reload.
	created.on('versionchange', () => {
		created.close();
		if (created === instance) {
			closedForUpgrade = true;
			for (const listener of [...closeListeners]) listener();
		}
		for (const listener of upgradeListeners) listener();
		return false;
	});
	// An older copy of the app holds the database open and does not step aside: the open waits (it
	// resumes once that copy closes); the page must say which tab to close.
	created.on('blocked', () => {
		openBlocked = true;
		tellBlocked();
		blockedChannel()?.postMessage('blocked');
	});
	created.on('ready', () => void ((openBlocked = false), (blockedElsewhere = false), (opened = true)), true);
	return created;
}

/** Calls `listener` when another tab upgrades the database; this page must then reload. */
export function onUpgradeElsewhere(listener: () => void): () => void {
	upgradeListeners.add(listener);
	db();
	return () => upgradeListeners.delete(listener);
}

/**
 * Calls `listener` once the shared database is closed because a newer copy of the app upgrades it in
 * another tab ('versionchange': this page steps aside, and nothing it reads from then on answers), and
 * at once when it was closed already. The followed queries (`watch`) end on it, so a screen says why
 * rather than showing what it read before as current or waiting for ever. Returns the unsubscribe.
 */
export function onClosedForUpgrade(listener: () => void): () => void {
	if (closedForUpgrade) {
		listener();
		return () => {};
	}
	closeListeners.add(listener);
	db();
	return () => closeListeners.delete(listener);
}

/**
 * Calls `listener` each time this page's open of the database is blocked by an older copy of the
 * app in another tab (it holds a lower schema version open and ignores 'versionchange'), and at
 * once when the open is blocked already (it started before this subscription and has not completed).
 * An open blocked in another context of the app — this page's worker, another tab of this version —
 * counts while this context's own open has not completed: this one waits behind it in the browser's
 * queue of opens and would never hear 'blocked' itself. Such a context is asked at subscription.
 */
export function onOpenBlocked(listener: () => void): () => void {
	blockedListeners.add(listener);
	db();
	if (openBlocked || blockedElsewhere) listener();
	else if (!opened) blockedChannel()?.postMessage('ask');
	return () => blockedListeners.delete(listener);
}

/**
 * Opens the database now (so this page hears about upgrades elsewhere from the start). While an
 * older copy blocks the upgrade this stays pending; it resolves once that copy has closed.
 */
export async function openDb(): Promise<void> {
	await db().open();
}

/** Replaces the shared database (tests use a fresh name per case), followed as `db()` follows its own. */
export function useDb(next: WorkbenchDb): void {
	closedForUpgrade = false;
	instance = watched(next);
}
