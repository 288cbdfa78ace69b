import type { CustomerStore } from './customer-store';
import { findInPart, partKeyOf, type KeyRule, type PartKey } from './part-keys';
import { emailKey, identifierKey, keySeparator, nameKey, phoneKey } from './search-keys';

/** A searchable field with keys (a customer ID's are worked out from its number: `id-matches.ts`). */
export type KeyColumnName = 'linkageIds' | 'names' | 'kanas' | 'emails' | 'phones';

/** Every field with keys, in the order steps build them. */
export const keyColumnNames: readonly KeyColumnName[] = ['linkageIds', 'names', 'kanas', 'emails', 'phones'];

const rules: Record<KeyColumnName, KeyRule> = {
	linkageIds: { keyOf: identifierKey, isDigitsOnly: false },
	names: { keyOf: nameKey, isDigitsOnly: false },
	kanas: { keyOf: nameKey, isDigitsOnly: false },
	emails: { keyOf: emailKey, isDigitsOnly: false },
	phones: { keyOf: phoneKey, isDigitsOnly: true }
};

/**
 * The search keys of the registry's customers, per part (`CustomerStore`, at most 10,000 customers a
 * part) and per field: one key text per part and field, built from the part's packed column when a
 * search (or a step) first needs it, and kept. A part never changes, so its keys never go stale; a
 * registry that grows only gets keys for its new parts when it is searched again.
 */
export class SearchColumns {
	private readonly keys: Record<KeyColumnName, PartKey[]> = { linkageIds: [], names: [], kanas: [], emails: [], phones: [] };
	private readonly covered: Record<KeyColumnName, number> = { linkageIds: 0, names: 0, kanas: 0, emails: 0, phones: 0 };

	/** How many customers (from the first) have their keys of field `name` built. */
	built(name: KeyColumnName): number {
		return this.covered[name];
	}

	/**
	 * The `seq`s from `from` on (ascending, placeholders included) of the customers of `customers` whose
	 * key of field `name` holds the key `needle` (the key separator left out of it), building the keys
	 * it lacks of that field only; none for an empty needle. Parts before `from` are not looked at.
	 */
	find(name: KeyColumnName, customers: CustomerStore, needle: string, from = 0): number[] {
		const seqs: number[] = [];
		const part = needle.includes(keySeparator) ? needle.replaceAll(keySeparator, '') : needle;
		if (part === '') return seqs;
		this.extend(name, customers, customers.partCount);
		const keys = this.keys[name];
		let isFromInPart = false;
		for (let p = 0; p < keys.length; p++) {
			const first = customers.firstSeqOf(p);
			const count = customers.part(p).count;
			if (first + count <= from) continue;
			if (first < from) isFromInPart = true;
			findInPart(keys[p], customers.part(p)[name], part, first, seqs);
		}
		return isFromInPart ? seqs.filter((seq) => seq >= from) : seqs;
	}

	/** Builds field `name`'s keys for every part of `customers` not yet covered. */
	extendField(name: KeyColumnName, customers: CustomerStore): void {
		this.extend(name, customers, customers.partCount);
	}

	/** Builds every field's keys for every part of `customers` not yet covered. */
	extendAll(customers: CustomerStore): void {
		for (const name of keyColumnNames) this.extend(name, customers, customers.partCount);
	}

	/** True when every field has the keys of the first `parts` parts. */
	covers(parts: number): boolean {
		return keyColumnNames.every((name) => this.keys[name].length >= parts);
	}

	/**
	 * Builds the keys of the next parts (of the first `parts` of `customers`) of the first field that
	 * lacks some, at most `slice` customers (one part at least); false once every field covers those
	 * parts. Lets a caller build the keys in steps of bounded length.
	 */
	extendStep(customers: CustomerStore, slice: number, parts = customers.partCount): boolean {
		const name = keyColumnNames.find((field) => this.keys[field].length < parts);
		if (!name) return false;
		let p = this.keys[name].length;
		let size = customers.part(p).count;
		for (p++; p < parts && size + customers.part(p).count <= slice; p++) size += customers.part(p).count;
		this.extend(name, customers, p);
		return true;
	}

	private extend(name: KeyColumnName, customers: CustomerStore, parts: number): void {
		const keys = this.keys[name];
		for (let p = keys.length; p < parts; p++) {
			const part = customers.part(p);
			keys.push(partKeyOf(part[name], rules[name]));
			this.covered[name] += part.count;
		}
	}
}
