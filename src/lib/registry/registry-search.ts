import { seqOfCustomerId } from '$lib/domain/records/customer-id';
import type { KeyColumn } from './key-column';
import type { KeyColumnName } from './search-columns';
import { emailKey, exactKey, identifierKey, isPhoneLike, nameKey, phoneKey } from './search-keys';

/**
 * Which customer field a search looks at; every field matches in part (prefix or substring), as a
 * name does: "OC-" finds every 連携用ID holding it. 'all' is the union of every field's matches.
 */
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
	/** Every listed customer's `seq` (placeholders left out), ascending: a blank query's answer. */
	listedSeqs(): number[];
	seqOfLinkageId(linkageId: string): number | null;
	/** Key column `name` covering every customer (built or extended on demand, that column only). */
	keyColumn(name: KeyColumnName): KeyColumn;
}

/**
 * Sequence numbers of the customers matching `query`, ascending; every customer for a blank query.
 * Each field is one `indexOf` run over its key column (a full customer ID is looked up directly),
 * some 10–30 ms per field over a million customers.
 */
export function findSeqs(source: SearchSource, { query, field }: RegistryQuery): number[] {
	if (exactKey(query) === '') return source.listedSeqs();
	switch (field) {
		case 'id':
			return idSeqs(source, query);
		case 'linkageId':
			return linkageSeqs(source, query);
		case 'name':
			return nameSeqs(source, query);
		case 'email':
			return scan(source, source.keyColumn('emails'), emailKey(query));
		case 'phone':
			return scan(source, source.keyColumn('phones'), phoneKey(query));
		case 'all':
			return allFields(source, query);
	}
}

/** Customer IDs holding the query; a whole ID (fixed length, so no other can hold it) is looked up. */
function idSeqs(source: SearchSource, query: string): number[] {
	const seq = seqOfCustomerId(exactKey(query).toUpperCase());
	if (seq !== null) return source.isCustomer(seq) ? [seq] : [];
	return scan(source, source.keyColumn('ids'), identifierKey(query));
}

/** 連携用IDs holding the query, with the exact ID as stored (case and all) among them. */
function linkageSeqs(source: SearchSource, query: string): number[] {
	const seq = source.seqOfLinkageId(query.trim()) ?? source.seqOfLinkageId(exactKey(query));
	const part = scan(source, source.keyColumn('linkageIds'), identifierKey(query));
	return seq === null ? part : union([[seq], part]);
}

function nameSeqs(source: SearchSource, query: string): number[] {
	const key = nameKey(query);
	return union([scan(source, source.keyColumn('names'), key), scan(source, source.keyColumn('kanas'), key)]);
}

/**
 * The customers whose key in `column` holds `needle`, placeholders left out: a stored customer whose
 * 連携用ID cannot be read is never listed, whatever its other fields hold (as by a blank list).
 */
function scan(source: SearchSource, column: KeyColumn, needle: string): number[] {
	if (needle === '') return [];
	const seqs = column.find(needle);
	return seqs.every((seq) => source.isCustomer(seq)) ? seqs : seqs.filter((seq) => source.isCustomer(seq));
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
	const phone = isPhoneLike(query) ? phoneKey(query) : '';
	return union([
		idSeqs(source, query),
		linkageSeqs(source, query),
		nameSeqs(source, query),
		scan(source, source.keyColumn('emails'), emailKey(query)),
		scan(source, source.keyColumn('phones'), phone)
	]);
}
