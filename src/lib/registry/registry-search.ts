import { seqOfCustomerId } from '$lib/domain/records/customer-id';
import type { KeyColumn } from './key-column';
import type { SearchColumns } from './search-columns';
import { emailKey, exactKey, isPhoneLike, nameKey, phoneKey } from './search-keys';

/** Which customer field a search looks at; 'all' tries ID and 連携用ID exactly, then the others in part. */
export type SearchField = 'all' | 'id' | 'linkageId' | 'name' | 'email' | 'phone';

/** A search of the registry, without paging. */
export interface RegistryQuery {
	query: string;
	field: SearchField;
}

/** What a search needs of the registry. */
export interface SearchSource {
	readonly customerCount: number;
	isCustomer(seq: number): boolean;
	seqOfLinkageId(linkageId: string): number | null;
	searchColumns(): SearchColumns;
}

/** Sequence numbers of the customers matching `query`, ascending; every customer for a blank query. */
export function findSeqs(source: SearchSource, { query, field }: RegistryQuery): number[] {
	if (exactKey(query) === '') return allSeqs(source);
	switch (field) {
		case 'id':
			return exactIdSeqs(source, query);
		case 'linkageId':
			return exactLinkageSeqs(source, query);
		case 'name':
			return nameSeqs(source, query);
		case 'email':
			return scan(source.searchColumns().emails, emailKey(query));
		case 'phone':
			return scan(source.searchColumns().phones, phoneKey(query));
		case 'all':
			return allFields(source, query);
	}
}

function allSeqs(source: SearchSource): number[] {
	const seqs: number[] = [];
	for (let seq = 0; seq < source.customerCount; seq++) if (source.isCustomer(seq)) seqs.push(seq);
	return seqs;
}

function exactIdSeqs(source: SearchSource, query: string): number[] {
	const seq = seqOfCustomerId(exactKey(query).toUpperCase());
	return seq !== null && source.isCustomer(seq) ? [seq] : [];
}

function exactLinkageSeqs(source: SearchSource, query: string): number[] {
	const seq = source.seqOfLinkageId(query.trim()) ?? source.seqOfLinkageId(exactKey(query));
	return seq === null ? [] : [seq];
}

function nameSeqs(source: SearchSource, query: string): number[] {
	const { names, kanas } = source.searchColumns();
	const key = nameKey(query);
	return union([scan(names, key), scan(kanas, key)]);
}

function scan(column: KeyColumn, needle: string): number[] {
	return needle === '' ? [] : column.find(needle);
}

/** Union of ascending lists without repeats, ascending, merged in one pass each. */
function union(lists: number[][]): number[] {
	return lists.reduce((merged, list) => {
		const out: number[] = [];
		let i = 0;
		let j = 0;
		while (i < merged.length || j < list.length) {
			const next = j >= list.length || (i < merged.length && merged[i] <= list[j]) ? merged[i++] : list[j++];
			if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
		}
		return out;
	}, []);
}

function allFields(source: SearchSource, query: string): number[] {
	const exact = union([exactIdSeqs(source, query), exactLinkageSeqs(source, query)]);
	if (exact.length > 0) return exact;
	const { emails, phones } = source.searchColumns();
	const phone = isPhoneLike(query) ? phoneKey(query) : '';
	return union([nameSeqs(source, query), scan(emails, emailKey(query)), scan(phones, phone)]);
}
