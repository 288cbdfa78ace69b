/**
 * The cards of each customer as linked lists over card positions: three flat Int32Arrays (the first
 * and last card of each customer, the next card of each card) instead of a million small arrays,
 * reserved per append rather than grown one push at a time.
 */
export class CardLinks {
	private first: Int32Array = new Int32Array(0);
	private last: Int32Array = new Int32Array(0);
	private next: Int32Array = new Int32Array(0);

	/** Makes room for customers below `customers` and cards below `cards` (grown to at least twice the size). */
	reserve(customers: number, cards: number): void {
		if (customers > this.first.length) {
			const size = Math.max(customers, 2 * this.first.length);
			this.first = grown(this.first, size);
			this.last = grown(this.last, size);
		}
		if (cards > this.next.length) this.next = grown(this.next, Math.max(cards, 2 * this.next.length));
	}

	/** Records that card `card` (its position in the card columns, each in turn) belongs to customer `seq`. */
	link(seq: number, card: number): void {
		if (seq >= this.first.length || card >= this.next.length) this.reserve(seq + 1, card + 1);
		this.next[card] = -1;
		if (this.first[seq] === -1) this.first[seq] = card;
		else this.next[this.last[seq]] = card;
		this.last[seq] = card;
	}

	/** The card positions of customer `seq`, in import order. */
	cardsOf(seq: number): number[] {
		const cards: number[] = [];
		for (let card = this.firstOf(seq); card !== -1; card = this.next[card]) cards.push(card);
		return cards;
	}

	/** The first card position of customer `seq`, or -1: with `nextOf`, walks its cards with no array made. */
	firstOf(seq: number): number {
		return seq >= 0 && seq < this.first.length ? this.first[seq] : -1;
	}

	/** The card position after `card` on the same customer, or -1. */
	nextOf(card: number): number {
		return this.next[card];
	}
}

/** `array` copied into a larger one of `size`, the new places -1 (no card). */
function grown(array: Int32Array, size: number): Int32Array {
	const larger = new Int32Array(size).fill(-1);
	larger.set(array);
	return larger;
}
