import { allocCardColumns, cardCountOf, copyCardColumns, fingerprintSize, last4Size, viewCardColumns, writeCardRecord, type CardColumns } from './card-bytes';
import type { CardRecord } from './card';
import { registryChunkSize } from './columns';

/** Cards per block: exactly one stored chunk's, so that a full block IS a stored chunk's arrays. */
export const cardBlockSize = registryChunkSize;

/**
 * Cards in import order, in blocks: every block but the last holds exactly `cardBlockSize` cards,
 * the last 1 to `cardBlockSize` (no block when `count` is 0). Card `c` is at `c % cardBlockSize` of
 * block `⌊c / cardBlockSize⌋`.
 */
export interface CardBlocks {
	count: number;
	blocks: readonly CardColumns[];
}

/** Cards as one set of columns (tests, a stored chunk) or in blocks (an import's own). */
export type CardsIn = CardColumns | CardBlocks;

function isBlocks(cards: CardsIn): cards is CardBlocks {
	return 'blocks' in cards;
}

/** How many cards `cards` hold. */
export function cardCountIn(cards: CardsIn): number {
	return isBlocks(cards) ? cards.count : cardCountOf(cards);
}

/** `cards` in blocks: one set of columns becomes views of it, one per block (no copy). */
export function toCardBlocks(cards: CardsIn): CardBlocks {
	if (isBlocks(cards)) return cards;
	const count = cardCountOf(cards);
	const blocks: CardColumns[] = [];
	for (let from = 0; from < count; from += cardBlockSize) blocks.push(viewCardColumns(cards, from, Math.min(count, from + cardBlockSize)));
	return { count, blocks };
}

/** `cards` as one set of columns: as they are, or the blocks copied into one (a test's or a comparison's view of them). */
export function cardColumnsIn(cards: CardsIn): CardColumns {
	if (!isBlocks(cards)) return cards;
	const blocks = cards;
	const joined = allocCardColumns(blocks.count);
	let at = 0;
	for (const block of blocks.blocks) {
		copyCardColumns(block, 0, cardCountOf(block), viewCardColumns(joined, at, at + cardCountOf(block)));
		at += cardCountOf(block);
	}
	return joined;
}

/**
 * True when every column of `columns` spans its whole buffer: such arrays can be handed to
 * IndexedDB as they are (structured clone copies a view's whole buffer, not just the view).
 */
export function ownsItsBuffers(columns: CardColumns): boolean {
	const { customerSeqs, brands, tails, expiries, fingerprints, tokenLast4 } = columns;
	return [customerSeqs, brands, tails, expiries, fingerprints, tokenLast4].every((array) => array.byteOffset === 0 && array.byteLength === array.buffer.byteLength);
}

/**
 * Typed card columns filled card by card (an import, a registry), in fixed blocks of `cardBlockSize`
 * allocated as they fill (issue 14): no forecast of the count, no growth copy, and a full block is
 * handed on as it is — stored as a chunk, adopted by the registry. A million cards: 100 blocks of
 * 450 KB, the last at most 450 KB partly spare.
 */
export class CardBlocksBuilder {
	/** Cards written so far. */
	count = 0;
	private readonly all: CardColumns[] = [];

	/** The block holding card `card` (below `count`, or `count` after `room`). */
	blockOf(card: number): CardColumns {
		return this.all[(card / cardBlockSize) | 0];
	}

	/** The place of card `count` in its block (`room()`), where the next card is written. */
	get offset(): number {
		return this.count % cardBlockSize;
	}

	/** The block where card `count` goes, allocated when the last block is full; then `count++` once written. */
	room(): CardColumns {
		if (this.count === this.all.length * cardBlockSize) this.all.push(allocCardColumns(cardBlockSize));
		return this.all[this.all.length - 1];
	}

	/** Appends every card of `columns`, copied a run per block. */
	append(columns: CardColumns): void {
		const added = cardCountOf(columns);
		for (let from = 0; from < added; ) {
			const block = this.room();
			const to = Math.min(added, from + cardBlockSize - this.offset);
			copyCardColumns(columns, from, to, viewCardColumns(block, this.offset, this.offset + to - from));
			this.count += to - from;
			from = to;
		}
	}

	/**
	 * Appends every card of `cards`, taking each full block as it is (no copy) while the cards so far
	 * end on a block's edge; any other block is copied. A block taken must never change again (the
	 * import's own, once finished; a stored chunk's).
	 */
	adopt(cards: CardsIn): void {
		for (const block of toCardBlocks(cards).blocks) {
			if (this.count === this.all.length * cardBlockSize && cardCountOf(block) === cardBlockSize) {
				this.all.push(block);
				this.count += cardBlockSize;
			} else this.append(block);
		}
	}

	/** Appends one card given as texts; throws when a value breaks its column's pattern (a bug of the caller). */
	pushRecord(record: CardRecord): void {
		if (!writeCardRecord(this.room(), this.offset, record)) throw new Error('invalid card record');
		this.count++;
	}

	/**
	 * The cards written, in blocks: the full ones as they are, the last trimmed by views (no copy). A
	 * block `room` made for a card then not written (a card skipped at a block's edge) is not one of them.
	 */
	blocks(): CardBlocks {
		const blocks = this.all.slice(0, Math.ceil(this.count / cardBlockSize));
		const rest = this.offset;
		if (rest > 0) blocks[blocks.length - 1] = viewCardColumns(blocks[blocks.length - 1], 0, rest);
		return { count: this.count, blocks };
	}
}

/** Where card `card`'s fingerprint starts in its block's `fingerprints`. */
export function fingerprintAt(card: number): number {
	return (card % cardBlockSize) * fingerprintSize;
}

/** Where card `card`'s token tail starts in its block's `tokenLast4`. */
export function last4At(card: number): number {
	return (card % cardBlockSize) * last4Size;
}
