// Values per block (64 KiB): a list of a million holds 62 blocks.
const blockBits = 14;
const blockSize = 1 << blockBits;
const blockMask = blockSize - 1;

/**
 * A growable list of 32-bit integers, held in blocks of 16,384 values that are never copied (issue 14:
 * grown by doubling, a list of a million — a file's customer keys, their rows — left old copies as
 * large as itself alive until a major collection, at a job's peak).
 */
export class IntList {
	private readonly blocks: Int32Array[] = [];
	private current = new Int32Array(0);
	length = 0;

	/** Appends a value. */
	push(value: number): void {
		const offset = this.length & blockMask;
		if (offset === 0) {
			this.current = new Int32Array(blockSize);
			this.blocks.push(this.current);
		}
		this.current[offset] = value;
		this.length++;
	}

	/** The value at `index` (0 ≤ `index` < `length`). */
	at(index: number): number {
		return this.blocks[index >>> blockBits][index & blockMask];
	}
}
