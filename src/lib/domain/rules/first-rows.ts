import { IntList } from './int-list';

/** The run's order: shorter first, then by UTF-16 code units (a total order; equal only when equal). */
function before(a: string, b: string): boolean {
	return a.length < b.length || (a.length === b.length && a < b);
}

/**
 * The first row of each 連携用ID of a file, for telling a repeated one (SPEC 一括登録 › 顧客情報:
 * a number seen on an earlier row is an error). Files list their customers mostly in ascending
 * order: an ID above every one kept so far is appended to a sorted run (no hashing, no table
 * growth, looked up by bisection); any other goes to a Map. Each ID is in exactly one of the two,
 * so the answers are those of one Map over every ID, at about a tenth of its memory on a sorted file.
 * The run's order is by length, then by text: unpadded numbers (1, 2, … 9, 10, …) ascend in it as
 * they do in the file, where by text alone every number from 10 on would have gone to the Map.
 */
export class FirstRows {
	private readonly ascending: string[] = [];
	private readonly ascendingRows = new IntList();
	private readonly others = new Map<string, number>();

	/** How many IDs came out of the run's order and are kept in the Map (0 for an ascending file). */
	get outOfOrder(): number {
		return this.others.size;
	}

	/** The row `id` was first kept on, or undefined. */
	get(id: string): number | undefined {
		const ids = this.ascending;
		let low = 0;
		let high = ids.length;
		// Past the run's last ID (a sorted file's every row): not in the run.
		if (high === 0 || before(ids[high - 1], id)) low = high;
		while (low < high) {
			const middle = (low + high) >>> 1;
			const at = ids[middle];
			if (at === id) return this.ascendingRows.at(middle);
			if (before(at, id)) low = middle + 1;
			else high = middle;
		}
		return this.others.size === 0 ? undefined : this.others.get(id);
	}

	/** Keeps `row` as the first row of `id`, which `get` does not know yet. */
	set(id: string, row: number): void {
		const ids = this.ascending;
		if (ids.length === 0 || before(ids[ids.length - 1], id)) {
			ids.push(id);
			this.ascendingRows.push(row);
		} else this.others.set(id, row);
	}
}
