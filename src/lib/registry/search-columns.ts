import { customerIdOf } from '$lib/domain/records/customer-id';
import type { CustomerStore } from './customer-store';
import { KeyColumn } from './key-column';
import { emailKey, identifierKey, keySeparator, nameKey, phoneKey } from './search-keys';

/**
 * Adds the keys of `rest` (a fresh array, which it extends). Built on the joined text (the key
 * functions act on each value alike), unless a value holds the separator itself: then value by
 * value, without it.
 */
function appendKeys(column: KeyColumn, rest: string[], keyOf: (value: string) => string) {
	const rows = rest.length;
	// A trailing empty value makes join end with the separator and return one flat string.
	rest.push('');
	if (column.append(keyOf(rest.join(keySeparator)), rows)) return;
	const safe = rest.map((value) => keyOf(value.replaceAll(keySeparator, '')));
	column.append(safe.join(keySeparator), rows);
}

/** Customer IDs (`US-…`) of `seq` from–to, empty for a placeholder so it never matches. */
function idsOf(customers: CustomerStore, from: number, to: number): string[] {
	const ids: string[] = new Array(to - from);
	for (let seq = from; seq < to; seq++) ids[seq - from] = customers.isListed(seq) ? customerIdOf(seq) : '';
	return ids;
}

/** A searchable key column's name. */
export type KeyColumnName = 'ids' | 'linkageIds' | 'names' | 'kanas' | 'emails' | 'phones';

/** Normalised copies of the searchable columns, built once and extended as customers are added. */
export class SearchColumns {
	/** Customer IDs (`us-00010000`), empty for a placeholder so it never matches. */
	readonly ids = new KeyColumn();
	readonly linkageIds = new KeyColumn();
	readonly names = new KeyColumn();
	readonly kanas = new KeyColumn();
	readonly emails = new KeyColumn();
	readonly phones = new KeyColumn();

	/**
	 * Each key column with the values it is built from (`from`–`to` of the customers) and its key rule.
	 * The values are sliced from the packed columns for one step only (young garbage): the key column
	 * keeps one joined string.
	 */
	private readonly sources: [KeyColumn, (customers: CustomerStore, from: number, to: number) => string[], (value: string) => string][] = [
		[this.ids, idsOf, identifierKey],
		[this.linkageIds, (c, from, to) => c.values('linkageIds', from, to), identifierKey],
		[this.names, (c, from, to) => c.values('names', from, to), nameKey],
		[this.kanas, (c, from, to) => c.values('kanas', from, to), nameKey],
		[this.emails, (c, from, to) => c.values('emails', from, to), emailKey],
		[this.phones, (c, from, to) => c.values('phones', from, to), phoneKey]
	];

	/**
	 * Column `name` with the keys of every customer of `customers`, only this one extended: a search of
	 * one field builds no other field's keys (while a million customers load, a 連携用ID search built
	 * the names' and kana's keys too, 2.5 s of CPU for a million, beside the load).
	 */
	column(name: KeyColumnName, customers: CustomerStore): KeyColumn {
		const source = this.sources.find(([column]) => column === this[name]);
		if (!source) throw new Error(`unknown key column ${name}`);
		const [column, valuesOf, keyOf] = source;
		if (column.length < customers.count) appendKeys(column, valuesOf(customers, column.length, customers.count), keyOf);
		return column;
	}

	/** Adds the keys of every customer not yet covered, column by column; `progress(done, 6)` after each. */
	extend(customers: CustomerStore, progress: (done: number, of: number) => void = () => {}): void {
		const to = customers.count;
		this.sources.forEach(([column, valuesOf, keyOf], done) => {
			if (column.length < to) appendKeys(column, valuesOf(customers, column.length, to), keyOf);
			progress(done + 1, this.sources.length);
		});
	}

	/**
	 * Adds the keys of at most `slice` more customers to the first column that lacks some; false once
	 * every column covers `customers`. Lets a caller build the keys in steps of bounded length.
	 */
	extendStep(customers: CustomerStore, slice: number): boolean {
		const end = customers.count;
		const source = this.sources.find(([column]) => column.length < end);
		if (!source) return false;
		const [column, valuesOf, keyOf] = source;
		const from = column.length;
		const to = Math.min(end, from + slice);
		appendKeys(column, valuesOf(customers, from, to), keyOf);
		return true;
	}
}
