import type { OutputEncoding } from '$lib/domain/encoding/encode-text';
import type { CustomerView, SearchRequest } from './registry-index';

export type { CustomerView, SearchRequest };

/** One page of a registry search, and how many customers the registry holds in all. */
export interface CustomerPage {
	total: number;
	registrySize: number;
	rows: CustomerView[];
	/**
	 * True for a blank list's page answered while the registry still loads: its rows and their cards
	 * are exact, but `total` is the registry's size (what a blank list holds unless stored chunks are
	 * unreadable); ask again for the loaded answer.
	 */
	loading?: boolean;
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

/** A blank list's page from a peek at the first stored chunks (`registryRepository.peek`), marked `loading`. */
export function peekPage(peek: { index: { search(request: SearchRequest): { rows: CustomerView[] } }; registrySize: number }, request: SearchRequest): CustomerPage {
	const { rows } = peek.index.search({ ...request, query: '', field: 'all' });
	return { total: peek.registrySize, rows, registrySize: peek.registrySize, loading: true };
}
