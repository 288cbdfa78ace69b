import { ownSlice } from '../csv/own-text';
import { IntList } from './int-list';

/**
 * The first row of each 連携用ID of a file, for telling a repeated one (SPEC 一括登録 › 顧客情報:
 * a number seen on an earlier row is an error). Files list their customers mostly in ascending
 * order: an ID above every one kept so far is appended to a sorted run (no hashing, no table
 * growth, looked up by bisection); any other goes to a Map. Each ID is in exactly one of the two,
 * so the answers are those of one Map over every ID, at about a tenth of its memory on a sorted file.
 * The run's order is by length, then by UTF-16 code units: unpadded numbers (1, 2, … 9, 10, …)
 * ascend in it as they do in the file, where by text alone every number from 10 on would have gone
 * to the Map. The run keeps its IDs' characters one byte each in one growing buffer, with where
 * each ends (an ID holding a character past U+00FF goes to the Map): no string per ID survives its
 * row (a million of them grew the worker's young generation and then its old space: issue 14).
 */
export class FirstRows {
	private codes = new Uint8Array(1 << 16);
	private length = 0;
	private readonly ends = new IntList();
	private readonly rows = new IntList();
	private readonly others = new Map<string, number>();

	/** How many IDs came out of the run's order and are kept in the Map (0 for an ascending file). */
	get outOfOrder(): number {
		return this.others.size;
	}

	/**
	 * How run ID `at` compares with `id`: negative when it comes first in the run's order, 0 when
	 * equal, positive when after.
	 */
	private compare(at: number, text: string, from: number, to: number): number {
		const start = at === 0 ? 0 : this.ends.at(at - 1);
		const size = this.ends.at(at) - start;
		if (size !== to - from) return size - (to - from);
		const codes = this.codes;
		for (let k = 0; k < size; k++) {
			const difference = codes[start + k] - text.charCodeAt(from + k);
			if (difference !== 0) return difference;
		}
		return 0;
	}

	/** The row `id` was first kept on, or undefined. */
	get(id: string): number | undefined {
		return this.getIn(id, 0, id.length);
	}

	/**
	 * The row the ID `text.slice(from, to)` was first kept on, or undefined: read in place, so the
	 * customer reader makes no text per row for an ID of the run (a sorted file's every one).
	 */
	getIn(text: string, from: number, to: number): number | undefined {
		let low = 0;
		let high = this.ends.length;
		// Past the run's last ID (a sorted file's every row): not in the run.
		if (high === 0 || this.compare(high - 1, text, from, to) < 0) low = high;
		while (low < high) {
			const middle = (low + high) >>> 1;
			const order = this.compare(middle, text, from, to);
			if (order === 0) return this.rows.at(middle);
			if (order < 0) low = middle + 1;
			else high = middle;
		}
		return this.others.size === 0 ? undefined : this.others.get(text.slice(from, to));
	}

	/** Keeps `row` as the first row of `id`, which `get` does not know yet. */
	set(id: string, row: number): void {
		this.setIn(id, 0, id.length, row);
	}

	/**
	 * Keeps `row` as the first row of the ID `text.slice(from, to)`, which `getIn` does not know yet;
	 * an ID out of the run's order is kept in the Map as a text of its own (`ownSlice`: not a view
	 * holding the file's decoded text).
	 */
	setIn(text: string, from: number, to: number, row: number): void {
		const count = this.ends.length;
		if ((count === 0 || this.compare(count - 1, text, from, to) < 0) && this.append(text, from, to)) this.rows.push(row);
		else this.others.set(ownSlice(text, from, to), row);
	}

	/**
	 * The row the ID `text.slice(from, to)` was first kept on; when there is none, `row` is kept as
	 * its first and undefined is returned: `getIn` then `setIn` in one look (an ID past the run's
	 * last, a sorted file's every one, is compared once, not twice).
	 */
	firstOrKeep(text: string, from: number, to: number, row: number): number | undefined {
		const count = this.ends.length;
		if (count > 0 && this.compare(count - 1, text, from, to) >= 0) {
			const first = this.getIn(text, from, to);
			if (first === undefined) this.others.set(ownSlice(text, from, to), row);
			return first;
		}
		if (this.others.size > 0) {
			const first = this.others.get(text.slice(from, to));
			if (first !== undefined) return first;
		}
		if (this.append(text, from, to)) this.rows.push(row);
		else this.others.set(ownSlice(text, from, to), row);
		return undefined;
	}

	/** Appends the ID's characters to the run; false (nothing kept) when one of them is past U+00FF. */
	private append(text: string, from: number, to: number): boolean {
		const start = this.length;
		const end = start + (to - from);
		if (end > this.codes.length) {
			const grown = new Uint8Array(Math.max(end, this.codes.length * 2));
			grown.set(this.codes.subarray(0, start));
			this.codes = grown;
		}
		const codes = this.codes;
		for (let k = 0; k < to - from; k++) {
			const code = text.charCodeAt(from + k);
			if (code > 0xff) return false;
			codes[start + k] = code;
		}
		this.length = end;
		this.ends.push(end);
		return true;
	}
}
