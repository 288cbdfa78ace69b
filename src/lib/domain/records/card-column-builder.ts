import { allocCardColumns, cardCountOf, fingerprintSize, last4Size, sliceCardColumns, viewCardColumns, writeCardRecord, type CardColumns } from './card-bytes';
import type { CardRecord } from './card';

/**
 * Typed card columns filled card by card (an import, a registry load): reserved ahead and grown by
 * doubling, so a million cards cost about twenty copies of the arrays in all, never a push per value;
 * or, when the caller says how far through its input it is, grown once to the size the input read so
 * far foretells (issue 14: the doubling's old copies, ~47 MB for a million cards, stayed alive until
 * a major collection, at the import's peak).
 */
export class CardColumnsBuilder {
	/** Cards written so far: positions [0, count) of `raw`. */
	count = 0;
	private arrays: CardColumns;

	/** Room for `capacity` cards before the first growth. */
	constructor(capacity = 256) {
		this.arrays = allocCardColumns(capacity);
	}

	/** A builder holding `columns` as they are (no copy); it copies them on its first growth. */
	static over(columns: CardColumns): CardColumnsBuilder {
		const builder = new CardColumnsBuilder(0);
		builder.arrays = columns;
		builder.count = cardCountOf(columns);
		return builder;
	}

	/** How many cards fit before the arrays grow. */
	get capacity(): number {
		return cardCountOf(this.arrays);
	}

	/** The arrays being filled, `capacity` long: card `count` is the next to write. Valid until the next `reserve`. */
	get raw(): CardColumns {
		return this.arrays;
	}

	/**
	 * Makes room for `extra` more cards, copying into larger arrays when they do not fit: twice as large
	 * (or as large as needed); or, given that `done` of `of` units of the input (bytes of a file, say)
	 * gave `doneCards` cards (by default all those written and to write), as large as the whole input
	 * foretells at this rate — `doneCards × of / done` and 1/64 more —, at least 1/8 larger than now,
	 * so a forecast that keeps falling short still costs few copies.
	 */
	reserve(extra: number, done = 0, of = 0, doneCards = this.count + extra): void {
		const needed = this.count + extra;
		if (needed <= this.capacity) return;
		this.growTo(Math.max(needed, done > 0 && of > 0 ? foretold(doneCards, done, of, this.capacity) : Math.max(2 * this.capacity, 256)));
	}

	private growTo(capacity: number): void {
		const grown = allocCardColumns(capacity);
		const used = viewCardColumns(this.arrays, 0, this.count);
		grown.customerSeqs.set(used.customerSeqs);
		grown.brands.set(used.brands);
		grown.tails.set(used.tails);
		grown.expiries.set(used.expiries);
		grown.fingerprints.set(used.fingerprints);
		grown.tokenLast4.set(used.tokenLast4);
		this.arrays = grown;
	}

	/** The cards written so far, as views of the arrays (no copy). */
	columns(): CardColumns {
		return viewCardColumns(this.arrays, 0, this.count);
	}

	/**
	 * The cards written, to keep for good (a registry may hold them for the session): views of the
	 * arrays when at most an eighth of them is spare room, else copies of just the cards (the doubling
	 * may leave up to half unused).
	 */
	keep(): CardColumns {
		return this.count * 8 >= this.capacity * 7 ? this.columns() : sliceCardColumns(this.arrays, 0, this.count);
	}

	/** Appends every card of `columns`. */
	append(columns: CardColumns): void {
		const added = cardCountOf(columns);
		this.reserve(added);
		const at = this.count;
		const a = this.arrays;
		a.customerSeqs.set(columns.customerSeqs, at);
		a.brands.set(columns.brands, at);
		a.tails.set(columns.tails, at);
		a.expiries.set(columns.expiries, at);
		a.fingerprints.set(columns.fingerprints, at * fingerprintSize);
		a.tokenLast4.set(columns.tokenLast4, at * last4Size);
		this.count += added;
	}

	/** Appends one card given as texts; throws when a value breaks its column's pattern (a bug of the caller). */
	pushRecord(record: CardRecord): void {
		this.reserve(1);
		if (!writeCardRecord(this.arrays, this.count, record)) throw new Error('invalid card record');
		this.count++;
	}
}

/** Cards the whole input holds at the rate of `doneCards` cards in `done` of `of` units (at least 1/8 over `capacity`). */
function foretold(doneCards: number, done: number, of: number, capacity: number): number {
	const whole = done >= of ? doneCards : Math.ceil(((doneCards * of) / done) * (1 + 1 / 64));
	return Math.max(whole, capacity + Math.ceil(capacity / 8));
}
