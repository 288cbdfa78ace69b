import type { CardBrand } from '$lib/domain/records/card';
import { brandAt, expiryText, fingerprintHex, last4Text, sameFingerprint, shownTokenTail, tailText } from '$lib/domain/records/card-bytes';
import { CardBlocksBuilder, cardBlockSize, cardCountIn, fingerprintAt, toCardBlocks, type CardsIn } from '$lib/domain/records/card-column-builder';
import type { CustomerRecord } from '$lib/domain/records/customer';
import { toPackedCustomers, type CustomersIn } from '$lib/domain/records/packed-customers';
import { customerIdOf, seqOfCustomerId } from '$lib/domain/records/customer-id';
import { CardLinks } from './card-links';
import { CustomerStore } from './customer-store';
import { LinkageTable } from './linkage-table';
import { findSeqs, type RegistryQuery, type SearchSource } from './registry-search';
import { keyColumnNames, SearchColumns, type KeyColumnName } from './search-columns';

/** What a view shows of a card: never the token, only its last 4 characters and fingerprint. */
export interface CardView {
	/** The card's place in the registry (0-based, import order): unique even when a card was stored twice. */
	position: number;
	brand: string;
	tail: string;
	expiry: string;
	tokenLast4: string;
	fingerprint: string;
}

/** One customer as the list shows it, with its ID and its registered cards. */
export interface CustomerView extends CustomerRecord {
	seq: number;
	id: string;
	cards: CardView[];
}

/** A registry search with paging. */
export interface SearchRequest extends RegistryQuery {
	offset: number;
	limit: number;
}

/** One page of a search and the number of customers it matched in all. */
export interface SearchResult {
	total: number;
	rows: CustomerView[];
}

// The target is lengthened once, then filled: a million pushes grew it step by step (about 6 ×
// slower per column, measured in Node). `tick(items copied)` every 4096 items: a million rows
// copied with no progress held the bar still.
function appendAll<T>(target: T[], source: readonly T[], tick: (copied: number) => void): void {
	const at = target.length;
	const count = source.length;
	if (count === 0) return;
	target.length = at + count;
	for (let i = 0; i < count; i++) {
		if ((i & progressStride) === 0) tick(i);
		target[at + i] = source[i];
	}
}

/**
 * How far an append has indexed what it added: `(done, of)` in units of its choosing, from 0 to
 * `of`; called every few thousand items, so a job can keep its bar moving (issue 14: progress
 * visible every 250 ms, indexing included) — the caller throttles.
 */
export type IndexProgress = (done: number, of: number) => void;

// Items between two progress calls, minus one (a mask): cheap next to the work of 4096 items.
const progressStride = 4095;

/**
 * The whole customer registry in memory, column by column, packed (`CustomerStore`: a few strings per
 * 10,000 customers, not one per value): IDs follow from positions, 連携用IDs are looked up in a hash
 * table, 連携用IDs, names, kana, e-mails and phones are scanned over normalised key texts, one per part
 * and field, built when a search first needs them (or in steps: `prepareSearchInSteps`).
 * Customers with an empty 連携用ID are placeholders for unreadable stored chunks: never listed.
 */
export class RegistryIndex implements SearchSource {
	private readonly customers = new CustomerStore();
	private readonly cards = new CardBlocksBuilder();
	private readonly seqByLinkageId = new LinkageTable(this.customers);
	private cardLinks = new CardLinks();
	private readonly keys = new SearchColumns();
	private stepping: Promise<void> | null = null;
	/** The last search's answer over the first `upTo` customers: a grown registry extends it. */
	private lastSearch: { key: string; seqs: number[]; upTo: number } | null = null;

	/** Customers registered so far (placeholders included): the next customer gets this `seq`. */
	get customerCount(): number {
		return this.customers.count;
	}

	/** Cards registered so far. */
	get cardCount(): number {
		return this.cards.count;
	}

	/**
	 * Makes room at once for the customers up to `total` (placeholders included) that appends will
	 * bring, e.g. a load that knows from the stored chunks how many it will read: the 連携用ID table is
	 * sized once (zeroed memory, not written through) instead of doubling part-way (issue 14: stalls of
	 * 30–150 ms at ~130k and ~530k customers, a search typed then waiting behind them). A `total` too
	 * large costs memory only; too small, the table grows as before.
	 */
	expectCustomers(total: number): void {
		const more = total - this.customerCount;
		if (more > 0) this.seqByLinkageId.reserve(more, total - 1);
	}

	/**
	 * Appends customers in registration order and returns the `seq` of the first of them. Packed parts
	 * are kept as they are (shared with the caller and the store: they never change); plain columns
	 * are packed first. Only the 連携用ID table is built here, reading each ID in place.
	 */
	appendCustomers(columns: CustomersIn, progress: IndexProgress = () => {}): number {
		const firstSeq = this.customerCount;
		const packed = toPackedCustomers(columns);
		for (const part of packed.parts) this.customers.append(part);
		const added = packed.count;
		const table = this.seqByLinkageId;
		table.reserve(added, firstSeq + added - 1);
		this.customers.eachLinkageId(firstSeq, firstSeq + added, (seq, text, from, to) => {
			if (((seq - firstSeq) & progressStride) === 0) progress(seq - firstSeq, added);
			if (to > from) table.add(seq, text, from, to);
		});
		progress(added, added);
		// The search keys of the new customers are not built here nor after (a million took 1–2.5 s of
		// the registration, and 40 MB at its peak): the next search builds those of its field.
		return firstSeq;
	}

	/**
	 * Appends cards in import order; each must name a customer already appended. Full blocks are taken
	 * as they are while the cards end on a block's edge (an import's own, which it never changes again;
	 * a stored chunk's), others copied (`CardBlocksBuilder.adopt`). `links`, when given, link exactly
	 * these cards (positions from 0) to their customers: a registry with no card yet takes them as its
	 * own (an import's, built as it checked the file) instead of building its own.
	 */
	appendCards(cards: CardsIn, progress: IndexProgress = () => {}, links?: CardLinks): void {
		const firstCard = this.cardCount;
		const added = cardCountIn(cards);
		// Parts of the bar: taking the blocks (one step), then the links of cards to their customers.
		const of = 2 * added;
		this.cards.adopt(cards);
		progress(added, of);
		if (links && firstCard === 0) {
			this.cardLinks = links;
			progress(of, of);
			return;
		}
		const blocks = toCardBlocks(cards).blocks;
		// Every card names a customer appended already: room for all of them at once (zeroed memory,
		// never written through: `CardLinks`), so a load's later card chunks never grow it by copying.
		let customers = this.customerCount;
		for (const { customerSeqs } of blocks) for (let i = 0; i < customerSeqs.length; i++) if (customerSeqs[i] >= customers) customers = customerSeqs[i] + 1;
		this.cardLinks.reserve(customers, firstCard + added);
		let card = firstCard;
		for (const { customerSeqs } of blocks) {
			for (let i = 0; i < customerSeqs.length; i++, card++) {
				if (((card - firstCard) & progressStride) === 0) progress(added + card - firstCard, of);
				this.cardLinks.link(customerSeqs[i], card);
			}
		}
		progress(of, of);
	}

	/** True when `seq` is a registered customer (not a placeholder, not beyond the end). */
	isCustomer(seq: number): boolean {
		return this.customers.isListed(seq);
	}

	/** Every listed customer's `seq` from `from` on (placeholders left out), ascending. */
	listedSeqs(from = 0): number[] {
		return this.customers.listedSeqs(from);
	}

	/** True when a customer with this store ID (`US-…`) is registered. */
	hasCustomerId(id: string): boolean {
		const seq = seqOfCustomerId(id);
		return seq !== null && this.isCustomer(seq);
	}

	/** True when a customer with this 連携用ID is registered (a delta run skips them). */
	hasLinkageId(linkageId: string): boolean {
		return this.seqByLinkageId.get(linkageId) !== null;
	}

	/** The `seq` of the customer with this 連携用ID, or null. */
	seqOfLinkageId(linkageId: string): number | null {
		return this.seqByLinkageId.get(linkageId);
	}

	/** True when customer `seq` already has a card whose fingerprint is the 32 bytes at `fingerprints[at]`. */
	hasCard(seq: number, fingerprints: Uint8Array, at: number): boolean {
		// Asked once per card of an import: the links are walked, no array is made per call.
		const links = this.cardLinks;
		const cards = this.cards;
		for (let card = links.firstOf(seq); card !== -1; card = links.nextOf(card)) {
			if (sameFingerprint(cards.blockOf(card).fingerprints, fingerprintAt(card), fingerprints, at)) return true;
		}
		return false;
	}

	/** The first card position of customer `seq`, or -1; `nextCardOf` walks the rest (no array made). */
	firstCardOf(seq: number): number {
		return this.cardLinks.firstOf(seq);
	}

	/** The card position after `card` on the same customer, or -1. */
	nextCardOf(card: number): number {
		return this.cardLinks.nextOf(card);
	}

	/** How many cards customer `seq` has (no view made). */
	cardCountOf(seq: number): number {
		let count = 0;
		for (let card = this.cardLinks.firstOf(seq); card !== -1; card = this.cardLinks.nextOf(card)) count++;
		return count;
	}

	/** The brand of the card at `card` (a position below `cardCount`). */
	cardBrandAt(card: number): CardBrand {
		return brandAt(this.cards.blockOf(card), card % cardBlockSize);
	}

	/** The expiry of the card at `card` as a YYMM number (`903` is `0903`; `expiryText`). */
	cardExpiryAt(card: number): number {
		return this.cards.blockOf(card).expiries[card % cardBlockSize];
	}

	/** One customer's fields and ID without its cards, or null when there is none at `seq`. */
	customerAt(seq: number): (CustomerRecord & { seq: number; id: string }) | null {
		if (!this.isCustomer(seq)) return null;
		return { seq, id: customerIdOf(seq), ...this.customers.record(seq) };
	}

	/** The 連携用ID of customer `seq`: '' for a placeholder or beyond the end. */
	linkageIdOf(seq: number): string {
		return this.customers.value('linkageIds', seq);
	}

	/** The cards of customer `seq`, in import order. */
	cardsOf(seq: number): CardView[] {
		// Texts are made here only, for the few cards a page shows.
		return this.cardLinks.cardsOf(seq).map((card) => {
			const c = this.cards.blockOf(card);
			const at = card % cardBlockSize;
			return {
				position: card,
				brand: brandAt(c, at),
				tail: tailText(c.tails[at]),
				expiry: expiryText(c.expiries[at]),
				tokenLast4: shownTokenTail(last4Text(c.tokenLast4, at)),
				fingerprint: fingerprintHex(c.fingerprints, at)
			};
		});
	}

	/** One customer with its cards, or null when there is none at `seq`. */
	view(seq: number): CustomerView | null {
		const customer = this.customerAt(seq);
		return customer && { ...customer, cards: this.cardsOf(seq) };
	}

	/** One page of the customers matching a search, and how many matched in all. */
	search({ offset, limit, ...query }: SearchRequest): SearchResult {
		const seqs = this.filteredSeqs(query);
		const page = seqs.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit));
		return { total: seqs.length, rows: page.map((seq) => this.view(seq) as CustomerView) };
	}

	/**
	 * Every matching `seq`, ascending, for downloading a filtered list without building views. The same
	 * search again after customers were appended (a load reading part after part) looks at the new
	 * customers only: customers never change once appended, and each matches on its own fields.
	 */
	filteredSeqs(query: RegistryQuery): readonly number[] {
		const key = `${query.field}\n${query.query}`;
		const count = this.customerCount;
		const last = this.lastSearch;
		if (last?.key === key && last.upTo === count) return last.seqs;
		const seqs = last?.key === key && last.upTo < count ? last.seqs.concat(findSeqs(this, query, last.upTo)) : findSeqs(this, query);
		this.lastSearch = { key, seqs, upTo: count };
		return seqs;
	}

	/**
	 * Builds field `name`'s search keys of every customer held now (the parts not yet covered only), so
	 * that a search of that field finds them ready; the other fields are left alone.
	 */
	prepareSearchOf(name: KeyColumnName): void {
		this.keys.extendField(name, this.customers);
	}

	/** Builds the search keys of every customer and field now, so that the next search is quick. */
	prepareSearch(): void {
		this.keys.extendAll(this.customers);
	}

	/**
	 * Builds the search keys of the customers held now in steps of at most `slice` customers of one
	 * field (whole parts, one at least), awaiting `pause()` before each, so the thread stays free for
	 * messages and jobs (issue 14: progress every 250 ms) while a loaded registry gets ready to search.
	 * Customers appended later get theirs from the next search of a field, never in steps; a search
	 * that comes first builds what it needs at once. Settles when every customer has its keys, or when
	 * `pause` throws.
	 */
	prepareSearchInSteps(pause: () => Promise<void>, slice = 200_000): Promise<void> {
		if (this.stepping) return this.stepping;
		const customers = this.customers;
		const parts = customers.partCount;
		const steps = async () => {
			try {
				while (!this.keys.covers(parts)) {
					await pause();
					if (!this.keys.extendStep(customers, slice, parts)) return;
				}
			} finally {
				this.stepping = null;
			}
		};
		this.stepping = steps();
		return this.stepping;
	}

	/**
	 * How many customers (from the first) have their search keys built, in every field or in the one
	 * named: the next search of a field builds the rest of that field's keys.
	 */
	searchKeysBuilt(column?: KeyColumnName): number {
		if (column) return this.keys.built(column);
		return Math.min(...keyColumnNames.map((name) => this.keys.built(name)));
	}

	/** The customers from `from` on whose key of field `name` holds `needle` (that field's keys built first). */
	seqsHolding(name: KeyColumnName, needle: string, from = 0): number[] {
		return this.keys.find(name, this.customers, needle, from);
	}
}
