import { IntList } from './int-list';

/**
 * The number behind a store-shaped customer ID (`US-` and 8 digits), or -1 for any other text.
 * Lookups by number spare a million-row file a million string hashes.
 */
export function customerKeyOf(id: string): number {
	if (id.length !== 11 || !id.startsWith('US-')) return -1;
	let key = 0;
	for (let i = 3; i < 11; i++) {
		const digit = id.charCodeAt(i) - 48;
		if (digit < 0 || digit > 9) return -1;
		key = key * 10 + digit;
	}
	return key;
}

/** The ID of a customer key: `US-` and the key in 8 digits. */
export function customerIdOfKey(key: number): string {
	// 10^8 + key has nine digits: dropping the leading 1 pads the key to eight without a loop.
	return `US-${(100000000 + key).toString().slice(1)}`;
}

// Keys between two progress calls of a KeySet's build, minus one (a mask).
const keyStride = 4095;

/**
 * The keys `first + i` for each `i` below `count` for which `isKey(i)`: a set over a range known
 * ahead, built with no list of its keys (issue 14: a million customers' keys listed first were
 * 4 MB and as much again in the list's old copies, alive until a major collection).
 */
export interface KeyRange {
	first: number;
	count: number;
	isKey(i: number): boolean;
}

/** A set of non-negative keys: a bit per key of their range when dense, else a sorted list. */
export class KeySet {
	private readonly bits: Uint32Array | null;
	private readonly sorted: Int32Array | null;
	private readonly min: number;

	/**
	 * `progress(done, of)`, when given, hears every 4096 keys of its two passes over them (units:
	 * keys, `of` twice their number), so a job over a million keeps its bar moving (issue 14).
	 */
	constructor(keys: IntList | readonly number[] | KeyRange, progress?: (done: number, of: number) => void) {
		if ('isKey' in keys) {
			const { first, count, isKey } = keys;
			this.min = first;
			this.sorted = null;
			this.bits = new Uint32Array(Math.ceil(count / 32));
			for (let i = 0; i < count; i++) {
				if (progress && (i & keyStride) === 0) progress(i, count);
				if (isKey(i)) this.bits[i >>> 5] |= 1 << (i & 31);
			}
			return;
		}
		const count = keys.length;
		const at = (i: number) => (keys instanceof IntList ? keys.at(i) : keys[i]);
		let min = Infinity;
		let max = -1;
		for (let i = 0; i < count; i++) {
			if (progress && (i & keyStride) === 0) progress(i, 2 * count);
			const key = at(i);
			if (key < min) min = key;
			if (key > max) max = key;
		}
		this.min = count === 0 ? 0 : min;
		const span = max - this.min + 1;
		// Store IDs are handed out in sequence, so their range is about their number: one bit each.
		if (count > 0 && span <= Math.max(count * 64, 1 << 16)) {
			this.bits = new Uint32Array(Math.ceil(span / 32));
			this.sorted = null;
			for (let i = 0; i < count; i++) {
				if (progress && (i & keyStride) === 0) progress(count + i, 2 * count);
				const offset = at(i) - this.min;
				this.bits[offset >>> 5] |= 1 << (offset & 31);
			}
		} else {
			this.bits = null;
			this.sorted = Int32Array.from({ length: count }, (_, i) => at(i)).sort();
		}
	}

	/** True when `key` is in the set. */
	has(key: number): boolean {
		if (this.bits) {
			const offset = key - this.min;
			if (offset < 0 || offset >>> 5 >= this.bits.length) return false;
			return (this.bits[offset >>> 5] & (1 << (offset & 31))) !== 0;
		}
		const sorted = this.sorted!;
		let low = 0;
		let high = sorted.length - 1;
		while (low <= high) {
			const middle = (low + high) >> 1;
			if (sorted[middle] === key) return true;
			if (sorted[middle] < key) low = middle + 1;
			else high = middle - 1;
		}
		return false;
	}
}

/** A customer list to check IDs against: a Set of IDs, or a lookup built once from one. */
export type CustomerIdSet = ReadonlySet<string> | CustomerIdLookup;

/** The lookup for a customer list (the same object when it already is one). */
export function customerIdLookup(ids: CustomerIdSet): CustomerIdLookup {
	return ids instanceof CustomerIdLookup ? ids : new CustomerIdLookup(ids);
}

/** Membership in a set of customer IDs: by number for store-shaped IDs, by text for the others. */
export class CustomerIdLookup {
	private readonly keys: KeySet;
	private readonly others = new Set<string>();

	/**
	 * The IDs `ids`, and the store-shaped IDs whose keys (`customerKeyOf`) are `keys`; `progress`
	 * hears the build of the keys' set (see `KeySet`).
	 */
	constructor(ids: Iterable<string>, keys: IntList | KeyRange = new IntList(), progress?: (done: number, of: number) => void) {
		for (const id of ids) {
			const key = customerKeyOf(id);
			if (key < 0) this.others.add(id);
			else if (keys instanceof IntList) keys.push(key);
			else throw new Error('store-shaped IDs beside a key range');
		}
		this.keys = new KeySet(keys, progress);
	}

	/** The store-shaped IDs whose keys are those of `range`: no list of keys, no ID text (`KeySet` over a range); `progress` hears every 4096 keys. */
	static ofKeyRange(range: KeyRange, progress?: (done: number, of: number) => void): CustomerIdLookup {
		return new CustomerIdLookup([], range, progress);
	}

	/** The store-shaped IDs with these keys: no ID text is built per customer (a million of them); `progress` as `KeySet`'s. */
	static ofKeys(keys: IntList, progress?: (done: number, of: number) => void): CustomerIdLookup {
		return new CustomerIdLookup([], keys, progress);
	}

	/** True when `id` is in the set. */
	has(id: string): boolean {
		const key = customerKeyOf(id);
		return key >= 0 ? this.keys.has(key) : this.others.has(id);
	}

	/** True when the store-shaped ID with this key is in the set. */
	hasKey(key: number): boolean {
		return this.keys.has(key);
	}
}
