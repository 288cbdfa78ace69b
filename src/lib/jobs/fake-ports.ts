import type { SavedColumnMapping } from '$lib/domain/headers/saved-mapping';
import type { HistoryEntry } from '$lib/domain/records/history-entry';
import { cardCountIn } from '$lib/domain/records/card-column-builder';
import { customerCountOf } from '$lib/domain/records/packed-customers';
import type { RunOutcome, RunRecord, RunStart } from '$lib/domain/records/run-outcome';
import { RegistryIndex } from '$lib/registry/registry-index';
import type { JobPorts, JobStore } from './ports';
import type { CustomerList } from './conversion-types';
import { CustomerIdLookup } from '$lib/domain/rules/id-lookup';

/** Test helper: what a fake store holds; entries as the history would show them. */
export interface FakeStore extends JobStore {
	index: RegistryIndex;
	entries: Map<number, Omit<RunStart, never> & Omit<Partial<RunOutcome>, 'status'> & { status: string }>;
	/** Every `record` call, in order. */
	records: RunRecord[];
	/** The saved column mappings `savedMappings` answers with (of every kind; it gives those of the kind asked). */
	mappings: SavedColumnMapping[];
	/** How many times `savedMappings` was asked. */
	mappingReads: number;
}

// Rows per chunk the fake storage reports as written (the real one writes columnar chunks).
const fakeChunkRows = 4096;

/** Test helper: an in-memory store over `index`, keeping entries and records. */
/** Test helper: step b's customer list of `ids`, every one of them sent, as step d is given it. */
export function customerListOf(ids: readonly string[]): CustomerList {
	return { ids: new CustomerIdLookup(ids), sent: [...ids], customers: ids.length };
}

export function fakeStore(index = new RegistryIndex()): FakeStore {
	let nextId = 1;
	const store: FakeStore = {
		index,
		entries: new Map(),
		records: [],
		mappings: [],
		mappingReads: 0,
		savedMappings: async (kind) => {
			store.mappingReads++;
			return structuredClone(store.mappings.filter((mapping) => mapping.kind === kind));
		},
		registry: async () => index,
		begin: async (start) => {
			const id = nextId++;
			store.entries.set(id, { ...start, status: 'running' });
			return id;
		},
		record: async (record) => {
			// As the storage (IndexedDB clones what it writes): the record keeps copies of the rows, not the
			// job's columns, which the registry may take over once they are written.
			store.records.push({
				...record,
				...(record.customers && { customers: structuredClone(record.customers) }),
				...(record.cards && { cards: structuredClone(record.cards) })
			});
			const id = record.historyId ?? nextId++;
			const before = store.entries.get(id) ?? (record.start && { ...record.start, status: 'new' });
			if (!before) throw new Error('no entry to record');
			if (record.historyId !== undefined && before.status !== 'running') throw new Error('entry is not running');
			// As the storage: a cancel known inside the write aborts it, storing nothing.
			if ((record.customers || record.cards) && record.isCancelled?.()) throw new Error('cancelled');
			if (record.expectedFirstSeq !== undefined && record.customers && record.expectedFirstSeq !== index.customerCount) {
				throw new Error('registry-changed');
			}
			// As the storage: the rows are written chunk by chunk, each reported, then the final write.
			const rows = (record.customers ? customerCountOf(record.customers) : undefined) ?? (record.cards ? cardCountIn(record.cards) : 0);
			for (let stored = Math.min(rows, fakeChunkRows); stored <= rows && rows > 0; stored += fakeChunkRows) {
				record.onStored?.(stored, rows);
				if (stored === rows) break;
				if (stored + fakeChunkRows > rows) stored = rows - fakeChunkRows;
			}
			record.onFinalWrite?.();
			store.entries.set(id, { ...before, ...record.found, ...(record.outcome as RunOutcome) });
			return { historyId: id, firstSeq: record.customers ? index.customerCount : null };
		},
		historyEntry: async (id) => {
			const entry = store.entries.get(id);
			return entry ? ({ id, ...entry } as unknown as HistoryEntry) : undefined;
		}
	};
	return store;
}

/**
 * Test helper: ports over `store`; `cancelAt` makes the n-th poll of `isCancelled` (0-based) say yes;
 * `cancelInStore` makes the cancel arrive during the store's write (`isCancelledNow`).
 */
export function fakePorts(store: FakeStore, cancelAt = Infinity, cancelInStore = false): JobPorts & { polls: number; bar: number[] } {
	const ports = {
		polls: 0,
		bar: [] as number[],
		progress: (done: number, total: number) => ports.bar.push(total > 0 ? done / total : 1),
		isCancelled: () => ports.polls++ >= cancelAt,
		isCancelledNow: () => cancelInStore || ports.polls > cancelAt,
		store
	};
	return ports;
}

/** Test helper: a file of `text` (UTF-8). */
export function textFile(text: string): Blob {
	return new Blob([text]);
}

/** Test helper: a file whose stream gives its bytes in chunks of `chunkSize` (browsers stream large files so). */
export function chunkedFile(text: string | Uint8Array, chunkSize = 64): Blob {
	const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
	const stream = () =>
		new ReadableStream<Uint8Array>({
			start(controller) {
				for (let at = 0; at < bytes.length; at += chunkSize) controller.enqueue(bytes.slice(at, at + chunkSize));
				controller.close();
			}
		});
	return { size: bytes.length, stream, arrayBuffer: async () => bytes.buffer } as unknown as Blob;
}

/**
 * Test helper: a file streaming `bytes` in chunks of `chunk` bytes, as a byte stream (BYOB reads into
 * the reader's buffers, as a browser's `Blob.stream()`) or not; with `failAt`, the read fails
 * (NotReadableError: the file changed on disk since it was chosen) once that many bytes were given;
 * with `stallAt`, the first `stalls` streams opened leave their read unanswered for ever once that
 * many bytes of the file were given (a browser's Blob stream once did), or with `lateMs` answer that
 * one read only so late (after it was given up, or just before: the bytes of a stream cancelled
 * meanwhile go nowhere, as a browser's would). `slice(from)` is the same
 * file's rest, as `Blob.slice`; `opened` counts the streams.
 */
export function streamedFile(
	bytes: Uint8Array,
	{ chunk, isByteStream = false, failAt, stallAt, stalls = 1, lateMs }: { chunk: number; isByteStream?: boolean; failAt?: number; stallAt?: number; stalls?: number; lateMs?: number }
): Blob & { opened: number } {
	const end = Math.min(bytes.length, failAt ?? Infinity);
	const file = {
		size: bytes.length,
		opened: 0,
		stream: () => streamFrom(0),
		slice: (from: number) => ({ size: bytes.length - from, stream: () => streamFrom(from) }) as unknown as Blob
	};
	const streamFrom = (from: number) => {
		let at = from;
		let stalling = stallAt !== undefined && file.opened++ < stalls;
		// Either controller takes a fresh Uint8Array: typed as the byte stream's.
		const pull = (controller: ReadableByteStreamController) => {
			if (stalling && at >= stallAt!) {
				// Never answered, or answered `lateMs` later (after the read was given up, or just before).
				if (lateMs === undefined) return new Promise<void>(() => undefined);
				stalling = false;
				return new Promise<void>((resolve) =>
					setTimeout(() => {
						try {
							if (at < end) controller.enqueue(bytes.slice(at, (at = Math.min(end, at + chunk))));
						} catch {
							// The stream was cancelled meanwhile: its late bytes go nowhere.
						}
						resolve();
					}, lateMs)
				);
			}
			if (at < end) return controller.enqueue(bytes.slice(at, (at = Math.min(end, at + chunk))));
			if (end < bytes.length) controller.error(new DOMException('The file could not be read.', 'NotReadableError'));
			else controller.close();
		};
		return isByteStream ? new ReadableStream({ type: 'bytes', pull }) : new ReadableStream<Uint8Array>({ pull: pull as unknown as UnderlyingDefaultSource<Uint8Array>['pull'] });
	};
	return file as unknown as Blob & { opened: number };
}
