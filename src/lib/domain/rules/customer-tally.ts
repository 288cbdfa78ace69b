import { customerIdOfKey, customerKeyOf, KeySet } from './id-lookup';
import { IntList } from './int-list';

/** A customer ID and the rows it stands on. */
export interface CustomerRows {
	customerId: string;
	rows: number[];
	/** Cards the customer holds beyond these rows (already registered), when any: `repeatedWith`. */
	registered?: number;
}

// IDs of the store's own shape (US- and 8 digits) are kept as numbers in typed arrays: a million
// rows then cost a few megabytes and no garbage-collector work. Others go into maps.
/** Remembers on which rows each customer ID stands, to find customers with several cards. */
export class CustomerTally {
	private readonly keys = new IntList();
	private readonly keyRows = new IntList();
	private readonly firstRows = new Map<string, number>();
	private readonly repeatedRows = new Map<string, number[]>();
	private keySet: KeySet | null = null;
	private order: Uint32Array | null = null;
	// Yamato returns the customers in the order they were sent, which is usually ID order.
	private isAscending = true;
	// The last numeric key added, and whether one was added twice in a row: known as they come, so
	// neither the add nor the question "may a customer repeat?" reads the list back.
	private lastKey = -1;
	private hasAdjacentRepeat = false;

	/** Notes that `customerId` stands on `row`. */
	add(customerId: string, row: number): void {
		const key = customerKeyOf(customerId);
		if (key >= 0) {
			this.addKey(key, row);
			return;
		}
		const first = this.firstRows.get(customerId);
		if (first === undefined) {
			this.firstRows.set(customerId, row);
			return;
		}
		const rows = this.repeatedRows.get(customerId);
		if (rows) rows.push(row);
		else this.repeatedRows.set(customerId, [first, row]);
	}

	/** Notes that the ID `US-` + `key` (8 digits) stands on `row`. */
	addKey(key: number, row: number): void {
		this.order = null;
		this.keySet = null;
		if (key <= this.lastKey) {
			if (key === this.lastKey) this.hasAdjacentRepeat = true;
			else this.isAscending = false;
		}
		this.lastKey = key;
		this.keys.push(key);
		this.keyRows.push(row);
	}

	/** Every ID once: IDs of the store's shape in ID order, then the others in order of appearance. */
	uniqueIds(): string[] {
		const ids: string[] = [];
		if (this.isAscending) {
			let previous = -1;
			for (let i = 0; i < this.keys.length; i++) {
				const key = this.keys.at(i);
				if (key !== previous) ids.push(customerIdOfKey(key));
				previous = key;
			}
		} else this.eachGroup((key) => ids.push(customerIdOfKey(key)));
		for (const id of this.firstRows.keys()) ids.push(id);
		return ids;
	}

	/** How many IDs of the store's shape (`US-` and 8 digits) were added, repeats included. */
	get keyCount(): number {
		return this.keys.length;
	}

	/**
	 * Builds now the lookup `has` otherwise builds at its first call (two passes over the keys added),
	 * `progress(done, of)` hearing every 4096 keys (units: keys, `of` twice `keyCount`): a caller
	 * about to ask of a million IDs keeps its bar moving through it (issue 14).
	 */
	prepareLookup(progress?: (done: number, of: number) => void): void {
		this.keySet ??= new KeySet(this.keys, progress);
	}

	/** True when `customerId` was added. */
	has(customerId: string): boolean {
		const key = customerKeyOf(customerId);
		if (key < 0) return this.firstRows.has(customerId);
		this.keySet ??= new KeySet(this.keys);
		return this.keySet.has(key);
	}

	/** Every customer with its rows, in order of first appearance. */
	all(): CustomerRows[] {
		return this.groups(1);
	}

	/** The customers on more than one row, in order of first appearance. */
	repeated(): CustomerRows[] {
		return this.groups(2);
	}

	/**
	 * The customers with more than one card once `elsewhere(key)` more cards (those of `US-` + `key`
	 * held outside these rows, e.g. already registered) are counted with their rows, in order of first
	 * appearance; `elsewhere` is asked once per customer of the store's shape, never per row.
	 */
	repeatedWith(elsewhere: (key: number) => number): CustomerRows[] {
		return this.groups(2, elsewhere);
	}

	// With keys in ascending order a repeat stands beside its first appearance: no need to group.
	private mayRepeat(): boolean {
		return !this.isAscending || this.hasAdjacentRepeat;
	}

	private groups(minRows: number, elsewhere?: (key: number) => number): CustomerRows[] {
		const list: CustomerRows[] = [];
		if (minRows === 1 || elsewhere || this.mayRepeat()) {
			const order = this.sorted();
			this.eachGroup((key, from, to) => {
				const registered = elsewhere ? elsewhere(key) : 0;
				if (to - from + registered < minRows) return;
				const rows: number[] = [];
				for (let k = from; k < to; k++) rows.push(this.keyRows.at(order[k]));
				list.push(registered > 0 ? { customerId: customerIdOfKey(key), rows, registered } : { customerId: customerIdOfKey(key), rows });
			});
		}
		for (const [customerId, first] of this.firstRows) {
			const rows = this.repeatedRows.get(customerId) ?? [first];
			if (rows.length >= minRows) list.push({ customerId, rows });
		}
		return list.sort((a, b) => a.rows[0] - b.rows[0]);
	}

	// Calls `visit` for each numeric ID with the range of its entries in the sorted order.
	private eachGroup(visit: (key: number, from: number, to: number) => void): void {
		const order = this.sorted();
		for (let i = 0; i < order.length; ) {
			const key = this.keys.at(order[i]);
			let j = i + 1;
			while (j < order.length && this.keys.at(order[j]) === key) j++;
			visit(key, i, j);
			i = j;
		}
	}

	private sorted(): Uint32Array {
		this.order ??= this.sortedIndexes();
		return this.order;
	}

	// Indexes of the numeric entries ordered by key, then row (the entries come in row order).
	private sortedIndexes(): Uint32Array {
		const n = this.keys.length;
		if (this.isAscending) {
			const identity = new Uint32Array(n);
			for (let i = 0; i < n; i++) identity[i] = i;
			return identity;
		}
		if (n >= 67108864) throw new RangeError('A tally holds at most 2^26 rows of numeric IDs');
		// key < 2^27 and index < 2^26 fit a float64 exactly as key * 2^26 + index.
		const packed = new Float64Array(n);
		for (let i = 0; i < n; i++) packed[i] = this.keys.at(i) * 67108864 + i;
		packed.sort();
		const order = new Uint32Array(n);
		for (let i = 0; i < n; i++) order[i] = packed[i] % 67108864;
		return order;
	}
}

/** Row numbers as a message shows them: `2、5、9` (the first ten, then `ほか`). */
export function formatRows(rows: readonly number[]): string {
	const shown = rows.slice(0, 10).join('、');
	return rows.length > 10 ? `${shown}ほか` : shown;
}
