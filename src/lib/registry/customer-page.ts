import type { OutputEncoding } from '$lib/domain/encoding/encode-text';
import type { CustomerView, SearchRequest } from './registry-index';

export type { CustomerView, SearchRequest };

/** One page of a registry search, and how many customers the registry holds in all. */
export interface CustomerPage {
	total: number;
	registrySize: number;
	rows: CustomerView[];
	/**
	 * Answered from a few stored chunks while the registry still loads: the rows are exact but their
	 * `cards` are not read yet (shown as being read, never as none); ask again for the loaded answer.
	 */
	cardsPending?: boolean;
	/** With `cardsPending`, the count is not known yet: `total` is the registry's size, or with `countingMatches` the matches found so far. */
	totalPending?: boolean;
	/** With `totalPending`, for a search: `total` counts the matches found so far; more may follow this page, never before it. */
	countingMatches?: boolean;
	/**
	 * With `countingMatches`: the page is not full yet, so matches among the customers still unread
	 * may join it (after its rows, never before them: its rows are the first of the whole answer's
	 * page, in order). Ask again (`partial` off) for the page once final.
	 */
	rowsPending?: boolean;
}

/** 「データダウンロード」: the (filtered) list, in the chosen encoding. */
export interface CustomerListDownload {
	query: SearchRequest['query'];
	field: SearchRequest['field'];
	encoding: OutputEncoding;
}

/** One page of a search of `index`, with the registry's size. */
export function searchPage(index: { search(request: SearchRequest): { total: number; rows: CustomerView[] }; customerCount: number }, request: SearchRequest): CustomerPage {
	const { total, rows } = index.search(request);
	return { total, rows, registrySize: index.customerCount };
}

/** A blank list's page from a peek at the first stored chunks (`registryRepository.peek`): cards and total pending. */
export function peekPage(peek: { index: { search(request: SearchRequest): { rows: CustomerView[] } }; registrySize: number }, request: SearchRequest): CustomerPage {
	const { rows } = peek.index.search({ ...request, query: '', field: 'all' });
	return { total: peek.registrySize, rows, registrySize: peek.registrySize, cardsPending: true, totalPending: true };
}

/**
 * A page of a search over the first customers of a registry that still loads (`index` holds them
 * exactly, in `seq` order; all of them once `customersRead`), or null while it cannot be final. A
 * customer matches on its own fields alone, so the matches found are the first ones of the whole
 * answer, in its order: a page is final once it is full (`offset + limit` found) or every customer
 * was read (the total then too; else `totalPending`). Cards are left out (`cardsPending`): any card
 * chunk may hold any customer's cards, and they are read after every customer. With `partial`, a page
 * not final yet is given too, marked `rowsPending` (its matches so far: a search typed while the
 * customers load shows its count so far at once rather than after the rest of the reads).
 */
export function prefixPage(
	index: { search(request: SearchRequest): { total: number; rows: CustomerView[] } },
	request: SearchRequest,
	customersRead: boolean,
	registrySize: number,
	partial = false
): CustomerPage | null {
	const { total, rows } = index.search(request);
	const isFull = total >= Math.max(0, request.offset) + Math.max(0, request.limit);
	if (!customersRead && !isFull && !partial) return null;
	const page: CustomerPage = { total, rows: rows.map((row) => ({ ...row, cards: [] })), registrySize, cardsPending: true };
	if (customersRead) return page;
	return isFull ? { ...page, totalPending: true, countingMatches: true } : { ...page, totalPending: true, countingMatches: true, rowsPending: true };
}
