import { db } from './db';
import { appendCardChunk, appendCustomerChunk, endOfChunk } from '$lib/registry/registry-chunks';
import type { CustomerView } from '$lib/registry/registry-index';
import { storedCustomerView } from '$lib/registry/stored-customer';
import { RegistryIndex } from '$lib/registry/registry-index';
import { registryChunkSize } from '$lib/domain/records/columns';
import { registryStamp, stampOf } from './registry-stamp';

/** How far a registry load has read: `(done, of)` stored chunks, customers' and cards' together. */
export type LoadProgress = (done: number, of: number) => void;

/**
 * `progress` told only of loads that went further than any before (by share, `done / of`): a load
 * that starts over (another tab wrote meanwhile) or is made again never moves a bar back.
 */
export function forwardOnly(progress: LoadProgress): LoadProgress {
	let furthest = 0;
	return (done, of) => {
		const share = of > 0 ? done / of : 1;
		if (share < furthest) return;
		furthest = share;
		progress(done, of);
	};
}

/** The customers of a blank list's first rows (without cards), read without the rest of the registry. */
export interface RegistryPeek {
	/** The first stored customer chunks (no cards). */
	index: RegistryIndex;
	/** The listed customers the peek covers, ascending. */
	seqs: readonly number[];
	/** The registry's size as `RegistryIndex.customerCount` gives it (placeholders included). */
	registrySize: number;
}

// Chunks per read: 20,000 rows, some 50 ms of the worker's time each, so a load lets other messages
// and jobs in between reads (issue 14) without paying a read per chunk; progress follows each chunk.
const chunksPerRead = 2;
// Reads asked ahead of the one handled: the store reads and copies the next chunks out of the worker
// while it handles one (with one read ahead, the worker waited on reads for ~40 % of a load).
const readsAhead = 3;
// A load retried this many times when another tab wrote meanwhile, then read in one transaction.
const attempts = 3;

type Table = ReturnType<typeof db>['customerChunks'] | ReturnType<typeof db>['cardChunks'];

/** Gives the worker's loop a turn (a waiting message gets in), or nothing when no turn is due. */
export type LoadPause = () => Promise<void> | void;

/**
 * The stored chunks `ids` of `table`, read `chunksPerRead` at a time with `readsAhead` reads under
 * way while one is handled, `pause()` awaited before each chunk is handled: a read already done is
 * taken with no turn of the loop, so without it a search waited behind every chunk read ahead.
 * `progress(chunks handled, isReadDone)` after each chunk (true after a read's last): reported per
 * read, the bar of a job waiting on the load stood still for two chunks' handling (issue 14:
 * progress visible every 250 ms).
 */
async function readInBatches(
	table: Table,
	ids: number[],
	handle: (chunk: unknown) => void,
	progress: (handled: number, isReadDone: boolean) => void,
	pause: LoadPause
) {
	const reads: Promise<unknown[]>[] = [];
	let asked = 0;
	const askAhead = () => {
		for (; asked < ids.length && reads.length < readsAhead; asked += chunksPerRead) {
			const read: Promise<unknown[]> = table.bulkGet(ids.slice(asked, asked + chunksPerRead));
			// Awaited in turn; one left unawaited when an earlier read failed the load is not an unhandled rejection.
			read.catch(() => {});
			reads.push(read);
		}
	};
	askAhead();
	for (let from = 0; from < ids.length; from += chunksPerRead) {
		const chunks = await (reads.shift() as Promise<unknown[]>);
		askAhead();
		for (let k = 0; k < chunks.length; k++) {
			await pause();
			handle(chunks[k]);
			progress(Math.min(ids.length, from + k + 1), k === chunks.length - 1);
		}
	}
}

/**
 * What a load under way has read so far: its index holds the first customers of the registry it will
 * give, exactly (customer chunks are read in `seq` order and never change once stored), and, once
 * `customersRead`, all of them; cards come after every customer, so none are complete before the end.
 */
export interface LoadReading {
	index: RegistryIndex;
	customersRead: boolean;
	/** The stored customer chunks the load reads, as listed when it started (`CustomerChunkStarts`). */
	customerChunks?: CustomerChunkStarts;
}

/**
 * The stored customer chunks in the order of their first customer: `firstSeqs[i]` (ascending) is
 * where chunk `ids[i]` (its primary key) starts. Chunks are only added after the last or all cleared,
 * and keys are never reused, so a chunk listed here is, while it is stored, the one listed.
 */
export interface CustomerChunkStarts {
	firstSeqs: readonly number[];
	ids: readonly number[];
}

/** Hears what a load has read after each read; null when a load starts over or reads all at once. */
export type LoadWatch = (reading: LoadReading | null) => void;

/**
 * The chunk keys of `table`, in the order a load reads them, the table's last key (for the stamp) and
 * the last key of `order` (for the customers: the last chunk's `firstSeq`, read from the index alone).
 */
function chunkKeys(table: Table, order: 'firstSeq' | ':id') {
	const d = db();
	return d.transaction('r', [table], () =>
		Promise.all([
			table.orderBy(order).primaryKeys(),
			table.orderBy(':id').lastKey(),
			order === ':id' ? null : table.orderBy(order).lastKey(),
			order === ':id' ? null : (table.orderBy(order).keys() as Promise<number[]>)
		])
	);
}

/**
 * How many customers (placeholders included) a load of chunks up to the one starting at `lastFirstSeq`
 * ends with, at most: that chunk holds at most a chunk's worth (`endOfChunk`).
 */
function customersUpTo(lastFirstSeq: unknown): number {
	return Number.isSafeInteger(lastFirstSeq) && (lastFirstSeq as number) >= 0 ? (lastFirstSeq as number) + registryChunkSize : 0;
}

/**
 * The registry read a few chunks at a time; null when another tab imported or erased meanwhile.
 * Customers are listed and read in transactions of their own, the cards' keys beside them: a write
 * holding the card chunks (a card import) never keeps a search from the customers read so far. The
 * stamp of both lists is checked again at the end: chunk keys are never reused, so an equal stamp
 * means nothing was written between the first read and the last.
 */
async function loadInBatches(progress: LoadProgress, watch: LoadWatch, pause: LoadPause): Promise<{ index: RegistryIndex; stamp: string } | null> {
	const d = db();
	const [customerIds, lastCustomerChunk, lastFirstSeq, firstSeqs] = await chunkKeys(d.customerChunks, 'firstSeq');
	const customerChunks: CustomerChunkStarts = { firstSeqs: firstSeqs ?? [], ids: customerIds };
	let of = -1;
	let read = 0;
	const tell = () => of >= 0 && progress(read, of);
	const cardKeys = chunkKeys(d.cardChunks, ':id').then((keys) => ((of = customerIds.length + keys[0].length), tell(), keys));
	cardKeys.catch(() => {}); // awaited below, once the customers are read
	const index = new RegistryIndex();
	index.expectCustomers(customersUpTo(lastFirstSeq));
	watch({ index, customersRead: false, customerChunks });
	// The bar hears each chunk; a search that peeks at the load (`watch`) each read, as it is asked.
	const onRead = (from: number) => (count: number, isReadDone: boolean) => {
		read = from + count;
		tell();
		if (isReadDone) watch({ index, customersRead: from > 0 || count === customerIds.length, customerChunks });
	};
	await readInBatches(d.customerChunks, customerIds, (chunk) => appendCustomerChunk(index, chunk), onRead(0), pause);
	watch({ index, customersRead: true, customerChunks });
	const [cardIds, lastCardChunk] = await cardKeys;
	await readInBatches(d.cardChunks, cardIds, (chunk) => appendCardChunk(index, chunk), onRead(customerIds.length), pause);
	const stamp = stampOf(lastCustomerChunk, lastCardChunk);
	return (await registryRepository.stamp()) === stamp ? { index, stamp } : null;
}

/** The registry read in one transaction (a load that kept meeting other tabs' writes). */
async function loadAtOnce(): Promise<{ index: RegistryIndex; stamp: string }> {
	const d = db();
	const [customers, cards, stamp] = await d.transaction('r', [d.customerChunks, d.cardChunks], () =>
		Promise.all([d.customerChunks.orderBy('firstSeq').toArray(), d.cardChunks.toArray(), registryStamp(d)])
	);
	const index = new RegistryIndex();
	if (customers.length > 0) index.expectCustomers(endOfChunk(customers[customers.length - 1]));
	for (const chunk of customers) appendCustomerChunk(index, chunk);
	for (const chunk of cards) appendCardChunk(index, chunk);
	return { index, stamp };
}

/** The index of the last listed chunk starting at or before `seq` (the later of equal starts), or -1. */
function lastStartingBy(firstSeqs: readonly number[], seq: number): number {
	let low = 0;
	let high = firstSeqs.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (firstSeqs[mid] <= seq) low = mid + 1;
		else high = mid;
	}
	return low - 1;
}

/** `peekCustomer` over listed chunks (`CustomerChunkStarts`): the chunk holding `seq` read by its key, in one request. */
async function peekListed(seq: number, registrySize: number, chunks: CustomerChunkStarts) {
	const at = lastStartingBy(chunks.firstSeqs, seq);
	if (at === -1) return { view: null, registrySize };
	const mayOverlap = at > 0 && chunks.firstSeqs[at] - chunks.firstSeqs[at - 1] < registryChunkSize;
	const [holding, before] = await db().customerChunks.bulkGet(mayOverlap ? [chunks.ids[at], chunks.ids[at - 1]] : [chunks.ids[at]]);
	if (!holding || (mayOverlap && !before)) return null;
	if (before && endOfChunk(before) > holding.firstSeq) return null;
	return { view: storedCustomerView(seq, holding), registrySize };
}

/** The customer registry: columnar chunks, loaded whole into a `RegistryIndex`, written per upload. */
export const registryRepository = {
	/** Reads every stored chunk, in order, into a fresh in-memory index; unreadable chunks are left out. */
	async loadIndex(): Promise<RegistryIndex> {
		return (await this.load()).index;
	},

	/**
	 * Like `loadIndex`, with the stamp (`registryStamp`) of what was read. Read a few chunks at a
	 * time (`progress` after each read, never back); the stamp is read again at the end, and a load
	 * that met another tab's write starts over, so the index always is one state of the database.
	 * `watch` hears the index as it grows (`LoadReading`), so searches can be answered from the
	 * customers read so far; null when the load starts over (what it read is not that state).
	 * `pause()` is awaited before each chunk is added (a worker gives its loop a turn there).
	 */
	async load(progress: LoadProgress = () => {}, watch: LoadWatch = () => {}, pause: LoadPause = () => {}): Promise<{ index: RegistryIndex; stamp: string }> {
		progress = forwardOnly(progress);
		for (let attempt = 0; attempt < attempts; attempt++) {
			const loaded = await loadInBatches(progress, watch, pause);
			if (loaded) return loaded;
			watch(null);
		}
		return loadAtOnce();
	},

	/**
	 * The first `end` listed customers of the registry (a blank search's first rows), without their
	 * cards (a card chunk may hold any customer's cards: only the whole load finds them all), read
	 * from the first customer chunks — some milliseconds where a whole load of a million takes
	 * seconds. Null when the first chunks list fewer than `end` customers and are not the whole
	 * registry (an unreadable chunk among them), or on a read failure: the whole load answers then.
	 */
	async peek(end: number): Promise<RegistryPeek | null> {
		const d = db();
		try {
			return await d.transaction('r', [d.customerChunks], async () => {
				const [first, last] = await Promise.all([d.customerChunks.where('firstSeq').below(end).sortBy('firstSeq'), d.customerChunks.orderBy('firstSeq').last()]);
				const index = new RegistryIndex();
				for (const chunk of first) appendCustomerChunk(index, chunk);
				const isWhole = !last || first.some((chunk) => chunk.id === last.id);
				const seqs = index.filteredSeqs({ query: '', field: 'all' }).slice(0, end);
				if (seqs.length < end && !isWhole) return null;
				return { index, seqs, registrySize: last ? Math.max(index.customerCount, endOfChunk(last)) : 0 };
			});
		} catch {
			return null;
		}
	},

	/**
	 * Customer `seq` without its cards (null when the registry lists no such customer) and the
	 * registry's size, read from the one customer chunk that holds it. Null when it cannot answer
	 * exactly: that chunk overlaps the one before it (a whole load would keep the earlier one), a chunk
	 * listed is gone (the registry was cleared), or a read failure.
	 * With `known` (a load under way read the size and listed the chunks: `registryReading`) and
	 * `seq` below that size, it is one read of that chunk (and of the one before it only when that one
	 * starts less than a chunk earlier and might overlap it): issue 14, a whole 顧客ID typed while a
	 * million customers load waited behind the load's reads for each of its own, and read three
	 * chunks (the two nearest and the last, for the size) where one answers.
	 */
	async peekCustomer(seq: number, known?: { registrySize: number; chunks?: CustomerChunkStarts }): Promise<{ view: CustomerView | null; registrySize: number } | null> {
		const d = db();
		try {
			if (known?.chunks && seq < known.registrySize) return await peekListed(seq, known.registrySize, known.chunks);
			return await d.transaction('r', [d.customerChunks], async () => {
				const [[holding, before], last] = await Promise.all([
					d.customerChunks.where('firstSeq').belowOrEqual(seq).reverse().limit(2).toArray(),
					d.customerChunks.orderBy('firstSeq').last()
				]);
				if (holding && before && endOfChunk(before) > holding.firstSeq) return null;
				return { view: holding ? storedCustomerView(seq, holding) : null, registrySize: last ? endOfChunk(last) : 0 };
			});
		} catch {
			return null;
		}
	},

	/** How many customers the registry holds (placeholders included, as `RegistryIndex.customerCount`), read from its last chunk. */
	async size(): Promise<number> {
		const last = await db().customerChunks.orderBy('firstSeq').last();
		return last ? endOfChunk(last) : 0;
	},

	/** The registry's stamp as stored now: differs from a loaded one once any tab imported or erased. */
	async stamp(): Promise<string> {
		const d = db();
		return d.transaction('r', [d.customerChunks, d.cardChunks], () => registryStamp(d));
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
