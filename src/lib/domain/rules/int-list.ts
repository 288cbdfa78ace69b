/** A growable list of 32-bit integers. */
export class IntList {
	private items = new Int32Array(1024);
	length = 0;

	/** Appends a value. */
	push(value: number): void {
		if (this.length === this.items.length) {
			const bigger = new Int32Array(this.items.length * 2);
			bigger.set(this.items);
			this.items = bigger;
		}
		this.items[this.length++] = value;
	}

	/** The value at `index`. */
	at(index: number): number {
		return this.items[index];
	}
}
