import type { CustomerColumns } from '$lib/domain/records/customer';
import { customerIdOf } from '$lib/domain/records/customer-id';
import { KeyColumn } from './key-column';
import { emailKey, identifierKey, keySeparator, nameKey, phoneKey } from './search-keys';

/**
 * Adds the keys of `values` from `from` on. Built on the joined text (the key functions act on each
 * value alike), unless a value holds the separator itself: then value by value, without it.
 */
function appendKeys(column: KeyColumn, values: readonly string[], from: number, keyOf: (value: string) => string) {
	const rest = values.slice(from);
	const rows = rest.length;
	// A trailing empty value makes join end with the separator and return one flat string.
	rest.push('');
	if (column.append(keyOf(rest.join(keySeparator)), rows)) return;
	const safe = rest.map((value) => keyOf(value.replaceAll(keySeparator, '')));
	column.append(safe.join(keySeparator), rows);
}

/** Normalised copies of the searchable columns, built once and extended as customers are added. */
export class SearchColumns {
	/** Customer IDs (`us-00010000`), empty for a placeholder so it never matches. */
	readonly ids = new KeyColumn();
	readonly linkageIds = new KeyColumn();
	readonly names = new KeyColumn();
	readonly kanas = new KeyColumn();
	readonly emails = new KeyColumn();
	readonly phones = new KeyColumn();

	/** Adds the keys of every customer not yet covered; `progress(done, 4)` after each column. */
	extend(customers: CustomerColumns, progress: (done: number, of: number) => void = () => {}): void {
		const from = this.names.length;
		if (from >= customers.names.length) return;
		const ids: string[] = new Array(customers.linkageIds.length - from);
		for (let seq = from; seq < customers.linkageIds.length; seq++) {
			ids[seq - from] = customers.linkageIds[seq] === '' ? '' : customerIdOf(seq);
		}
		appendKeys(this.ids, ids, 0, identifierKey);
		appendKeys(this.linkageIds, customers.linkageIds, from, identifierKey);
		appendKeys(this.names, customers.names, from, nameKey);
		progress(1, 4);
		appendKeys(this.kanas, customers.kanas, from, nameKey);
		progress(2, 4);
		appendKeys(this.emails, customers.emails, from, emailKey);
		progress(3, 4);
		appendKeys(this.phones, customers.phones, from, phoneKey);
		progress(4, 4);
	}
}
