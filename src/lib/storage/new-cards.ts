import { cardColumnsOfStored, fingerprintSize, sameFingerprint, viewCardColumns } from '$lib/domain/records/card-bytes';
import { CardBlocksBuilder, cardBlockSize, fingerprintAt, toCardBlocks, type CardBlocks, type CardsIn } from '$lib/domain/records/card-column-builder';

// Cards compared between two progress calls, less one (a mask): tens of ms under load.
const progressStride = (1 << 16) - 1;

/** A hash of a card: its customer and the first 4 bytes of its fingerprint (a raw SHA-256) at fingerprints[at]. */
function hashOf(seq: number, fingerprints: Uint8Array, at: number): number {
	let hash = Math.imul(seq ^ 0x5bd1e995, 0x9e3779b1);
	for (let i = at; i < at + 4; i++) hash = Math.imul(hash ^ fingerprints[i], 0x01000193);
	return hash ^ (hash >>> 15);
}

/**
 * Which cards of one import are new: neither repeated earlier in the import nor stored already on
 * the same customer (a card is its customer's `seq` and its token fingerprint; SPEC "Several tabs").
 * Built from the import's columns, told about every stored chunk (`markStored`, as the write
 * transaction reads them), then asked for the cards to write (`kept`).
 *
 * Memory: an open-addressing table of card numbers (two 4-byte slots per card) and one byte per
 * card; the fingerprints are compared as bytes where they lie, no text and no Map entry per card.
 */
export class NewCards {
	/** The import's cards. */
	private readonly cards: CardBlocks;
	/** Slots of the table: the first card of the import with each distinct key, or -1. */
	private readonly slots: Int32Array;
	/** 1 for a card not to write (repeated in the import, or stored already). */
	private readonly dropped: Uint8Array;
	private droppedCount = 0;

	/** Cards of stored chunks compared so far (for `progress`). */
	private storedSeen = 0;

	/**
	 * `progress(done, of)` is told every 65,536 cards compared, `of` being twice the import's cards: the
	 * import's own in the first half, stored ones in the second (issue 14: a million cards held the bar
	 * still for half a second inside the write transaction).
	 */
	constructor(
		cards: CardsIn,
		private readonly progress: (done: number, of: number) => void = () => {}
	) {
		this.cards = toCardBlocks(cards);
		const { count } = this.cards;
		let size = 16;
		while (size < 2 * count) size *= 2;
		this.slots = new Int32Array(size).fill(-1);
		this.dropped = new Uint8Array(count);
		let card = 0;
		for (const { customerSeqs, fingerprints } of this.cards.blocks) {
			for (let i = 0; i < customerSeqs.length; i++, card++) {
				if ((card & progressStride) === 0) progress(card, 2 * count);
				const slot = this.slotOf(customerSeqs[i], fingerprints, i * fingerprintSize);
				if (this.slots[slot] === -1) this.slots[slot] = card;
				else this.drop(card);
			}
		}
	}

	/**
	 * Marks the import's copy of each card of a stored chunk (same customer, same fingerprint) as not
	 * to write. The chunk may be of either stored shape (v6 typed, v2–v5 texts); an unreadable one
	 * holds no card this import could repeat.
	 */
	markStored(stored: unknown): void {
		const columns = cardColumnsOfStored(stored);
		if (!columns) return;
		const { customerSeqs, fingerprints } = columns;
		const count = this.dropped.length;
		for (let card = 0; card < customerSeqs.length; card++) {
			if ((card & progressStride) === 0) this.progress(count + Math.min(count, this.storedSeen + card), 2 * count);
			const found = this.slots[this.slotOf(customerSeqs[card], fingerprints, card * fingerprintSize)];
			if (found !== -1 && this.dropped[found] === 0) this.drop(found);
		}
		this.storedSeen += customerSeqs.length;
	}

	/** How many cards of the import are not to be written. */
	get skipped(): number {
		return this.droppedCount;
	}

	/** The cards to write, in import order: the import's own blocks when every card is new. */
	kept(): CardBlocks {
		if (this.droppedCount === 0) return this.cards;
		const kept = new CardBlocksBuilder();
		// Copied a run of kept cards (within one block) at a time, not card by card.
		const { dropped } = this;
		this.cards.blocks.forEach((block, b) => {
			const first = b * cardBlockSize;
			const end = first + block.customerSeqs.length;
			for (let from = first; from < end; ) {
				while (from < end && dropped[from] === 1) from++;
				let to = from;
				while (to < end && dropped[to] !== 1) to++;
				if (to > from) kept.append(viewCardColumns(block, from - first, to - first));
				from = to;
			}
		});
		return kept.blocks();
	}

	/** The slot holding the card with this key, or the empty slot where it would go (linear probing). */
	private slotOf(seq: number, fingerprints: Uint8Array, at: number): number {
		const { slots } = this;
		const { blocks } = this.cards;
		const mask = slots.length - 1;
		for (let slot = hashOf(seq, fingerprints, at) & mask; ; slot = (slot + 1) & mask) {
			const card = slots[slot];
			if (card === -1) return slot;
			const own = blocks[(card / cardBlockSize) | 0];
			if (own.customerSeqs[card % cardBlockSize] === seq && sameFingerprint(own.fingerprints, fingerprintAt(card), fingerprints, at)) return slot;
		}
	}

	private drop(card: number): void {
		this.dropped[card] = 1;
		this.droppedCount++;
	}
}
