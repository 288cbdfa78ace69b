import { cardColumnKeys, type CardColumns } from '$lib/domain/records/card';
import { cardKeyOf } from './db';

/**
 * Which cards of one import are new: neither repeated earlier in the import nor stored already on
 * the same customer (a card is its customer's `seq` and its token fingerprint; SPEC "Several tabs").
 * Built from the import's columns, told about every stored card (`markStored`, chunk by chunk, as
 * the write transaction reads them), then asked for the cards to write (`kept`).
 *
 * Memory: one map entry per distinct fingerprint of the import and one byte per card; no string is
 * built per card (a key string only for a token the import holds on several customers).
 */
export class NewCards {
	/** Fingerprint → the first card of the import with it. */
	private readonly firstByFingerprint = new Map<string, number>();
	/** "seq:fingerprint" → card, for a fingerprint the import also holds on another customer. */
	private readonly others = new Map<string, number>();
	/** 1 for a card not to write (repeated in the import, or stored already). */
	private readonly dropped: Uint8Array;
	private droppedCount = 0;

	constructor(private readonly cards: CardColumns) {
		const { customerSeqs, fingerprints } = cards;
		this.dropped = new Uint8Array(customerSeqs.length);
		for (let card = 0; card < customerSeqs.length; card++) {
			const seq = customerSeqs[card];
			const fingerprint = fingerprints[card];
			const first = this.firstByFingerprint.get(fingerprint);
			if (first === undefined) this.firstByFingerprint.set(fingerprint, card);
			else if (customerSeqs[first] === seq || this.others.has(cardKeyOf(seq, fingerprint))) this.drop(card);
			else this.others.set(cardKeyOf(seq, fingerprint), card);
		}
	}

	/** Marks the import's copy of each stored card (same customer, same fingerprint) as not to write. */
	markStored(customerSeqs: readonly unknown[], fingerprints: readonly unknown[]): void {
		const count = Math.min(customerSeqs.length, fingerprints.length);
		for (let stored = 0; stored < count; stored++) {
			const fingerprint = fingerprints[stored];
			if (typeof fingerprint !== 'string') continue;
			const card = this.cardOf(customerSeqs[stored], fingerprint);
			if (card !== undefined && this.dropped[card] === 0) this.drop(card);
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

	private cardOf(seq: unknown, fingerprint: string): number | undefined {
		const first = this.firstByFingerprint.get(fingerprint);
		if (first === undefined) return undefined;
		if (this.cards.customerSeqs[first] === seq) return first;
		return this.others.size === 0 ? undefined : this.others.get(cardKeyOf(seq as number, fingerprint));
	}

	private drop(card: number): void {
		this.dropped[card] = 1;
		this.droppedCount++;
	}
}
