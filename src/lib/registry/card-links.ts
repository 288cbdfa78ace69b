/**
 * The cards of each customer as linked lists over card positions: three flat number arrays instead
 * of a million small arrays, so a 1M-card registry stays compact and quick to build.
 */
export class CardLinks {
	private readonly first: number[] = [];
	private readonly last: number[] = [];
	private readonly next: number[] = [];

	/** Records that card `card` (its position in the card columns) belongs to customer `seq`. */
	link(seq: number, card: number): void {
		while (this.first.length <= seq) {
			this.first.push(-1);
			this.last.push(-1);
		}
		while (this.next.length <= card) this.next.push(-1);
		if (this.first[seq] === -1) this.first[seq] = card;
		else this.next[this.last[seq]] = card;
		this.last[seq] = card;
	}

	/** The card positions of customer `seq`, in import order. */
	cardsOf(seq: number): number[] {
		const cards: number[] = [];
		for (let card = this.first[seq] ?? -1; card !== -1; card = this.next[card]) cards.push(card);
		return cards;
	}

	/** The first card position of customer `seq`, or -1: with `nextOf`, walks its cards with no array made. */
	firstOf(seq: number): number {
		return this.first[seq] ?? -1;
	}

	/** The card position after `card` on the same customer, or -1. */
	nextOf(card: number): number {
		return this.next[card];
	}
}
