import { keySeparator } from './search-keys';

/**
 * Search keys of every customer in one string, each ended by `keySeparator`, so a substring search
 * is a run of native `indexOf` calls rather than a million small ones; `starts` maps a match back to
 * its customer. Few large strings also spare the garbage collector a million small ones.
 */
export class KeyColumn {
	private text = '';
	private starts = new Int32Array(1024);
	private count = 0;

	/** How many customers' keys the column holds. */
	get length(): number {
		return this.count;
	}

	/**
	 * Adds the keys of the next `rows` customers, in `seq` order, each followed by `keySeparator`.
	 * False, and nothing added, when `keys` does not hold exactly `rows` separators.
	 */
	append(keys: string, rows: number): boolean {
		this.reserve(this.count + rows + 1);
		const offset = this.text.length;
		let added = 0;
		for (let at = keys.indexOf(keySeparator); at !== -1; at = keys.indexOf(keySeparator, at + 1)) {
			if (added === rows) return false;
			this.starts[this.count + ++added] = offset + at + 1;
		}
		if (added !== rows) return false;
		this.text += keys;
		this.count += rows;
		return true;
	}

	/** The customers whose key contains `needle`, in ascending `seq` order. */
	find(needle: string): number[] {
		const seqs: number[] = [];
		const part = needle.replaceAll(keySeparator, '');
		if (part === '') return seqs;
		let seq = 0;
		for (let at = this.text.indexOf(part); at !== -1; at = this.text.indexOf(part, this.starts[seq + 1])) {
			while (this.starts[seq + 1] <= at) seq++;
			seqs.push(seq);
		}
		return seqs;
	}

	private reserve(size: number): void {
		if (size <= this.starts.length) return;
		const grown = new Int32Array(Math.max(size, this.starts.length * 2));
		grown.set(this.starts);
		this.starts = grown;
	}
}
