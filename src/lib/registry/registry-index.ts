import { emptyCardColumns, type CardColumns } from '$lib/domain/records/card';
import { emptyCustomerColumns, type CustomerColumns, type CustomerRecord } from '$lib/domain/records/customer';
import { customerIdOf, seqOfCustomerId } from '$lib/domain/records/customer-id';
import { CardLinks } from './card-links';
import { LinkageTable } from './linkage-table';
import { findSeqs, type RegistryQuery, type SearchSource } from './registry-search';
import { SearchColumns } from './search-columns';

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

function appendAll<T>(target: T[], source: readonly T[]): void {
	for (let i = 0; i < source.length; i++) target.push(source[i]);
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
 * The whole customer registry in memory, column by column: IDs follow from positions, 連携用IDs are
 * looked up in a hash table, names, kana, e-mails and phones are scanned over normalised copies built
 * on first use (`prepareSearch`).
 * Customers with an empty 連携用ID are placeholders for unreadable stored chunks: never listed.
 */
export class RegistryIndex implements SearchSource {
	private readonly customers = emptyCustomerColumns();
	private readonly cards = emptyCardColumns();
	private readonly seqByLinkageId = new LinkageTable(this.customers.linkageIds);
	private readonly cardLinks = new CardLinks();
	private keys: SearchColumns | null = null;
	private lastSearch: { key: string; seqs: number[] } | null = null;

	/** Customers registered so far (placeholders included): the next customer gets this `seq`. */
	get customerCount(): number {
		return this.customers.linkageIds.length;
	}

	/** Cards registered so far. */
	get cardCount(): number {
		return this.cards.customerSeqs.length;
	}

	/** Appends customers in registration order and returns the `seq` of the first of them. */
	appendCustomers(columns: CustomerColumns, progress: IndexProgress = () => {}): number {
		const firstSeq = this.customerCount;
		const target = this.customers;
		for (const key of Object.keys(target) as (keyof CustomerColumns)[]) appendAll(target[key], columns[key]);
		const linkageIds = target.linkageIds;
		const added = linkageIds.length - firstSeq;
		// Two halves of the bar: the 連携用ID table, then the search keys (when built).
		for (let seq = firstSeq; seq < linkageIds.length; seq++) {
			if (((seq - firstSeq) & progressStride) === 0) progress(seq - firstSeq, 2 * added);
			if (linkageIds[seq] !== '') this.seqByLinkageId.add(seq);
		}
		progress(added, 2 * added);
		this.keys?.extend(this.customers, (done, of) => progress(added + (added * done) / of, 2 * added));
		progress(2 * added, 2 * added);
		this.lastSearch = null;
		return firstSeq;
	}

	/** Appends cards in import order; each must name a customer already appended. */
	appendCards(columns: CardColumns, progress: IndexProgress = () => {}): void {
		const firstCard = this.cardCount;
		const target = this.cards;
		for (const key of Object.keys(target) as (keyof CardColumns)[]) {
			appendAll(target[key] as unknown[], columns[key] as unknown[]);
		}
		const seqs = columns.customerSeqs;
		for (let i = 0; i < seqs.length; i++) {
			if ((i & progressStride) === 0) progress(i, seqs.length);
			this.cardLinks.link(seqs[i], firstCard + i);
		}
		progress(seqs.length, seqs.length);
	}

	/** True when `seq` is a registered customer (not a placeholder, not beyond the end). */
	isCustomer(seq: number): boolean {
		return seq >= 0 && seq < this.customerCount && this.customers.linkageIds[seq] !== '';
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

	/** True when customer `seq` already has a card with this token fingerprint. */
	hasCard(seq: number, fingerprint: string): boolean {
		// Asked once per card of an import: the links are walked, no array is made per call.
		const links = this.cardLinks;
		for (let card = links.firstOf(seq); card !== -1; card = links.nextOf(card)) {
			if (this.cards.fingerprints[card] === fingerprint) return true;
		}
		return false;
	}

	/** One customer's fields and ID without its cards, or null when there is none at `seq`. */
	customerAt(seq: number): (CustomerRecord & { seq: number; id: string }) | null {
		if (!this.isCustomer(seq)) return null;
		const c = this.customers;
		return {
			seq,
			id: customerIdOf(seq),
			linkageId: c.linkageIds[seq],
			name: c.names[seq],
			kana: c.kanas[seq],
			email: c.emails[seq],
			phone: c.phones[seq],
			zip: c.zips[seq],
			address: c.addresses[seq]
		};
	}

	/** The 連携用ID of customer `seq`: '' for a placeholder or beyond the end. */
	linkageIdOf(seq: number): string {
		return this.customers.linkageIds[seq] ?? '';
	}

	/** The cards of customer `seq`, in import order. */
	cardsOf(seq: number): CardView[] {
		const c = this.cards;
		return this.cardLinks.cardsOf(seq).map((card) => ({
			position: card,
			brand: c.brands[card],
			tail: c.tails[card],
			expiry: c.expiries[card],
			tokenLast4: c.tokenLast4[card],
			fingerprint: c.fingerprints[card]
		}));
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

	/** Every matching `seq`, ascending, for downloading a filtered list without building views. */
	filteredSeqs(query: RegistryQuery): readonly number[] {
		const key = `${query.field}\n${query.query}`;
		if (this.lastSearch?.key !== key) this.lastSearch = { key, seqs: findSeqs(this, query) };
		return this.lastSearch.seqs;
	}

	/** Builds the search keys now (about 1–2 s per million customers) so that the first search is quick. */
	prepareSearch(): void {
		this.searchColumns();
	}

	/**
	 * Builds the search keys in steps of at most `slice` customers of one column (some 50 ms per
	 * 200,000), awaiting `pause()` after each, so the thread stays free for messages and jobs
	 * (issue 14: progress every 250 ms) while a loaded registry gets ready to search. A search that
	 * comes first builds the rest at once; customers appended meanwhile are covered too.
	 */
	async prepareSearchInSteps(pause: () => Promise<void>, slice = 200_000): Promise<void> {
		const keys = new SearchColumns();
		while (!this.keys && keys.extendStep(this.customers, slice)) await pause();
		this.keys ??= keys;
	}

	/** The normalised search columns, built on first use and extended as customers are appended. */
	searchColumns(): SearchColumns {
		if (!this.keys) {
			this.keys = new SearchColumns();
			this.keys.extend(this.customers);
		}
		return this.keys;
	}
}
