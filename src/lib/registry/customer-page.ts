import type { OutputEncoding } from '$lib/domain/encoding/encode-text';
import type { CustomerView, SearchRequest } from './registry-index';

export type { CustomerView, SearchRequest };

/** One page of a registry search, and how many customers the registry holds in all. */
export interface CustomerPage {
	total: number;
	registrySize: number;
	rows: CustomerView[];
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
