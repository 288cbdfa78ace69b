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
	/** With `cardsPending`, for a blank list: `total` is the registry's size, not yet the count of listed customers. */
	totalPending?: boolean;
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
