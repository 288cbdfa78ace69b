import { cardBlockSize } from '$lib/domain/records/card-column-builder';

/**
 * The cards of each customer as linked lists over card positions: two flat Int32Arrays (the first
 * and last card of each customer, each held as `card + 1` so that a fresh array's zeros mean none:
 * room for a million customers is allocated without being written through — filling 8 MB with -1
 * once stalled a load 158 ms) and the next card of each card in blocks of `cardBlockSize`
 * (allocated as cards come, never copied: issue 14), instead of a million small arrays.
 */
export class CardLinks {
	private first: Int32Array = new Int32Array(0);
	private last: Int32Array = new Int32Array(0);
	private readonly next: Int32Array[] = [];

	/** Makes room for customers below `customers` (grown to at least twice the size) and cards below `cards`. */
	reserve(customers: number, cards: number): void {
		if (customers > this.first.length) {
			const size = Math.max(customers, 2 * this.first.length);
			this.first = grown(this.first, size);
			this.last = grown(this.last, size);
		}
		while (this.next.length * cardBlockSize < cards) this.next.push(new Int32Array(cardBlockSize));
	}

	/** Records that card `card` (its position in the card columns, each in turn) belongs to customer `seq`. */
	link(seq: number, card: number): void {
		if (seq >= this.first.length || card >= this.next.length * cardBlockSize) this.reserve(seq + 1, card + 1);
		this.next[(card / cardBlockSize) | 0][card % cardBlockSize] = -1;
		if (this.first[seq] === 0) this.first[seq] = card + 1;
		else this.setNext(this.last[seq] - 1, card);
		this.last[seq] = card + 1;
	}

	/** The card positions of customer `seq`, in import order. */
	cardsOf(seq: number): number[] {
		const cards: number[] = [];
		for (let card = this.firstOf(seq); card !== -1; card = this.nextOf(card)) cards.push(card);
		return cards;
	}

	/** The first card position of customer `seq`, or -1: with `nextOf`, walks its cards with no array made. */
	firstOf(seq: number): number {
		return seq >= 0 && seq < this.first.length ? this.first[seq] - 1 : -1;
	}

	/** The card position after `card` on the same customer, or -1. */
	nextOf(card: number): number {
		return this.next[(card / cardBlockSize) | 0][card % cardBlockSize];
	}

	private setNext(card: number, next: number): void {
		this.next[(card / cardBlockSize) | 0][card % cardBlockSize] = next;
	}
}

/** `array` copied into a larger one of `size`, the new places 0 (no card). */
function grown(array: Int32Array, size: number): Int32Array {
	const larger = new Int32Array(size);
	larger.set(array);
	return larger;
}
