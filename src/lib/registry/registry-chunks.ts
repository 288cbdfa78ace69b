import { allocCardColumns, cardBytesChunkSchema, cardColumnsOfStored, cardCountOf, copyCardColumns, sliceCardColumns, type CardColumns } from '$lib/domain/records/card-bytes';
import { ownsItsBuffers, toCardBlocks, type CardsIn } from '$lib/domain/records/card-column-builder';
import { customerChunkSchema } from '$lib/domain/records/customer';
import { registryChunkSize } from '$lib/domain/records/columns';
import {
	placeholderPart,
	readCustomerChunk,
	toPackedCustomers,
	type CustomersIn
} from '$lib/domain/records/packed-customers';
import type { RegistryIndex } from './registry-index';

/** Rows `from`–`to` (exclusive) of every named column. */
function sliceColumns<T>(columns: T, keys: readonly (keyof T)[], from: number, to: number): T {
	const slice = {} as T;
	for (const key of keys) slice[key] = (columns[key] as unknown[]).slice(from, to) as T[keyof T];
	return slice;
}

/**
 * Stored customer chunks (v6, packed) of one upload whose first customer gets `firstSeq`, one per
 * packed part (the part's texts and ends as they are: nothing is copied); validated, never empty.
 */
export function* customerChunksOf(customers: CustomersIn, uploadId: number, firstSeq: number) {
	let seq = firstSeq;
	for (const part of toPackedCustomers(customers).parts) {
		if (part.count === 0) continue;
		yield customerChunkSchema.parse({ ...part, uploadId, firstSeq: seq });
		seq += part.count;
	}
}

/**
 * Stored card chunks of one upload, in the typed shape of v6, validated, never empty: one per block
 * of `cards` (`CardBlocks`: a stored chunk's size). A full block whose arrays are its own (an import's)
 * is handed on as it is, no copy (issue 14); any other is copied — a full one into ONE set of arrays
 * reused for every such chunk, so each chunk must be handed to IndexedDB's `add` before the next is
 * taken (`add` clones its value at once, as the IndexedDB spec says; run-repository's writer does so,
 * and `run-repository.spec.ts` reads back every card of an upload of many chunks); a shorter one into
 * arrays of its own (a view would clone its whole buffer).
 */
export function* cardChunksOf(cards: CardsIn, uploadId: number) {
	let reused: CardColumns | null = null;
	for (const block of toCardBlocks(cards).blocks) {
		const count = cardCountOf(block);
		let slice: CardColumns;
		if (ownsItsBuffers(block)) slice = block;
		else if (count === registryChunkSize) {
			reused ??= allocCardColumns(registryChunkSize);
			copyCardColumns(block, 0, count, reused);
			slice = reused;
		} else slice = sliceCardColumns(block, 0, count);
		yield cardBytesChunkSchema.parse({ ...slice, uploadId });
	}
}

/** The `seq` after a stored chunk, read as far as it can be (an unreadable count reserves a whole chunk). */
export function endOfChunk(stored: { firstSeq: number; count?: unknown }): number {
	const readable = Number.isSafeInteger(stored.count) && (stored.count as number) >= 0;
	const count = readable ? Math.min(stored.count as number, registryChunkSize) : registryChunkSize;
	return stored.firstSeq + count;
}

/**
 * Adds a stored customer chunk (v6 packed, or v2–v5 arrays) to the index. Customer IDs come from
 * positions, so a gap left by an unreadable chunk is filled with placeholders rather than shifting
 * every later customer's ID.
 */
export function appendCustomerChunk(index: RegistryIndex, stored: unknown): void {
	const chunk = readCustomerChunk(stored);
	const firstSeq = (stored as { firstSeq?: unknown } | null)?.firstSeq;
	if (!Number.isSafeInteger(firstSeq) || (firstSeq as number) < index.customerCount) return;
	const gap = (firstSeq as number) - index.customerCount;
	if (gap > 0) index.appendCustomers({ count: gap, parts: [placeholderPart(gap)] });
	const part = chunk ?? placeholderPart(endOfChunk(stored as { firstSeq: number }) - (firstSeq as number));
	index.appendCustomers({ count: part.count, parts: [part] });
}

/**
 * Adds a stored card chunk of either shape (v6 typed, v2–v5 texts) to the index; an unreadable one is
 * left out. The index keeps its cards in blocks of one stored chunk, never grown by copying, so a
 * load needs no room made ahead for the chunks still to read.
 */
export function appendCardChunk(index: RegistryIndex, stored: unknown): void {
	const cards = cardColumnsOfStored(stored);
	if (!cards) return;
	index.appendCards(cards);
}
