import { seqOfCustomerId } from '$lib/domain/records/customer-id';
import { seqsWhoseIdHolds } from './id-matches';
import type { KeyColumnName } from './search-columns';
import { emailKey, exactKey, identifierKey, isPhoneLike, keySeparator, nameKey, phoneKey } from './search-keys';

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
	/** Every listed customer's `seq` from `from` on (placeholders left out), ascending: a blank query's answer. */
	listedSeqs(from?: number): number[];
	seqOfLinkageId(linkageId: string): number | null;
	/**
	 * The customers from `from` on (ascending, placeholders included) whose key of field `name` holds
	 * the key `needle`; that field's keys are built or extended on demand, no other field's.
	 */
	seqsHolding(name: KeyColumnName, needle: string, from?: number): number[];
}

/**
 * Sequence numbers of the customers from `from` on matching `query`, ascending; every customer for a
 * blank query. A customer matches on its own fields alone, so the answer over a registry that grew is
 * the answer before it and this one from the old count on.
 * Each field is a run of `indexOf` over its key text per part of 10,000 customers (a full customer
 * ID is looked up directly, a part of one worked out from the numbers), some 10–30 ms per field over
 * a million customers.
 */
export function findSeqs(source: SearchSource, { query, field }: RegistryQuery, from = 0): number[] {
	if (exactKey(query) === '') return source.listedSeqs(from);
	switch (field) {
		case 'id':
			return idSeqs(source, query, from);
		case 'linkageId':
			return linkageSeqs(source, query, from);
		case 'name':
			return nameSeqs(source, query, from);
		case 'email':
			return scan(source, 'emails', emailKey(query), from);
		case 'phone':
			return scan(source, 'phones', phoneKey(query), from);
		case 'all':
			return allFields(source, query, from);
	}
}

/** Customer IDs holding the query; a whole ID (fixed length, so no other can hold it) is looked up. */
function idSeqs(source: SearchSource, query: string, from: number): number[] {
	const seq = seqOfCustomerId(exactKey(query).toUpperCase());
	if (seq !== null) return seq >= from && source.isCustomer(seq) ? [seq] : [];
	const needle = identifierKey(query).replaceAll(keySeparator, '');
	return listed(source, seqsWhoseIdHolds(needle, from, source.customerCount));
}

/** 連携用IDs holding the query, with the exact ID as stored (case and all) among them. */
function linkageSeqs(source: SearchSource, query: string, from: number): number[] {
	const seq = source.seqOfLinkageId(query.trim()) ?? source.seqOfLinkageId(exactKey(query));
	const part = scan(source, 'linkageIds', identifierKey(query), from);
	return seq === null || seq < from ? part : union([[seq], part]);
}

function nameSeqs(source: SearchSource, query: string, from: number): number[] {
	const key = nameKey(query);
	return union([scan(source, 'names', key, from), scan(source, 'kanas', key, from)]);
}

/** The customers whose key of field `name` holds `needle`, placeholders left out (`listed`). */
function scan(source: SearchSource, name: KeyColumnName, needle: string, from: number): number[] {
	if (needle === '') return [];
	return listed(source, source.seqsHolding(name, needle, from));
}

/**
 * `seqs` without placeholders: a stored customer whose 連携用ID cannot be read is never listed,
 * whatever its other fields hold (as by a blank list).
 */
function listed(source: SearchSource, seqs: number[]): number[] {
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

function allFields(source: SearchSource, query: string, from: number): number[] {
	const phone = isPhoneLike(query) ? phoneKey(query) : '';
	return union([
		idSeqs(source, query, from),
		linkageSeqs(source, query, from),
		nameSeqs(source, query, from),
		scan(source, 'emails', emailKey(query), from),
		scan(source, 'phones', phone, from)
	]);
}
