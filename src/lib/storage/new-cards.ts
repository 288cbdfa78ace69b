import { cardColumnKeys, type CardColumns } from '$lib/domain/records/card';

/** A hash of a card (its customer and the first 8 characters of its fingerprint, a hex SHA-256). */
function hashOf(seq: number, fingerprint: string): number {
	let hash = Math.imul(seq ^ 0x5bd1e995, 0x9e3779b1);
	for (let at = 0; at < 8 && at < fingerprint.length; at++) hash = Math.imul(hash ^ fingerprint.charCodeAt(at), 0x01000193);
	return hash ^ (hash >>> 15);
}

/**
 * Which cards of one import are new: neither repeated earlier in the import nor stored already on
 * the same customer (a card is its customer's `seq` and its token fingerprint; SPEC "Several tabs").
 * Built from the import's columns, told about every stored card (`markStored`, chunk by chunk, as
 * the write transaction reads them), then asked for the cards to write (`kept`).
 *
 * Memory: an open-addressing table of card numbers (two 4-byte slots per card) and one byte per
 * card; no string and no Map entry per card (a million of them).
 */
export class NewCards {
	/** Slots of the table: the first card of the import with each distinct key, or -1. */
	private readonly slots: Int32Array;
	/** 1 for a card not to write (repeated in the import, or stored already). */
	private readonly dropped: Uint8Array;
	private droppedCount = 0;

	constructor(private readonly cards: CardColumns) {
		const { customerSeqs, fingerprints } = cards;
		let size = 16;
		while (size < 2 * customerSeqs.length) size *= 2;
		this.slots = new Int32Array(size).fill(-1);
		this.dropped = new Uint8Array(customerSeqs.length);
		for (let card = 0; card < customerSeqs.length; card++) {
			const slot = this.slotOf(customerSeqs[card], fingerprints[card]);
			if (this.slots[slot] === -1) this.slots[slot] = card;
			else this.drop(card);
		}
	}

	/** Marks the import's copy of each stored card (same customer, same fingerprint) as not to write. */
	markStored(customerSeqs: readonly unknown[], fingerprints: readonly unknown[]): void {
		const count = Math.min(customerSeqs.length, fingerprints.length);
		for (let stored = 0; stored < count; stored++) {
			const seq = customerSeqs[stored];
			const fingerprint = fingerprints[stored];
			if (typeof seq !== 'number' || typeof fingerprint !== 'string') continue;
			const card = this.slots[this.slotOf(seq, fingerprint)];
			if (card !== -1 && this.dropped[card] === 0) this.drop(card);
		}
	}

	/** How many cards of the import are not to be written. */
	get skipped(): number {
		return this.droppedCount;
	}

	/** The cards to write, in import order: the import's own columns when every card is new. */
	kept(): CardColumns {
		if (this.droppedCount === 0) return this.cards;
		const keep: number[] = [];
		for (let card = 0; card < this.dropped.length; card++) if (this.dropped[card] === 0) keep.push(card);
		const kept = {} as CardColumns;
		for (const key of cardColumnKeys) {
			const column = this.cards[key] as unknown[];
			kept[key] = keep.map((card) => column[card]) as never;
		}
		return kept;
	}

	/** The slot holding the card with this key, or the empty slot where it would go (linear probing). */
	private slotOf(seq: number, fingerprint: string): number {
		const { slots } = this;
		const { customerSeqs, fingerprints } = this.cards;
		const mask = slots.length - 1;
		for (let slot = hashOf(seq, fingerprint) & mask; ; slot = (slot + 1) & mask) {
			const card = slots[slot];
			if (card === -1 || (customerSeqs[card] === seq && fingerprints[card] === fingerprint)) return slot;
		}
	}

	private drop(card: number): void {
		this.dropped[card] = 1;
		this.droppedCount++;
	}
}
