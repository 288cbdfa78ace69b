import type { OutputEncoding, UnencodableCells } from '$lib/domain';
import { containsCardNumber } from '$lib/domain/guard/card-number';
import { errorCodeOf } from '$lib/domain/records/failure-code';
import type { CustomerPage } from '$lib/registry/customer-page';
import type { SearchField } from '$lib/registry/registry-search';
import { searchWords } from '$lib/domain/records/search-query';
import { workbench } from '$lib/workers/workbench-client';
import { Pager } from './pager.svelte';
import { loadStorage } from './lazy-storage';
import { startLazily } from './start-lazily';

/** A search as submitted: what its pages answer. */
export interface AppliedQuery {
	query: string;
	field: SearchField;
}

/**
 * True when `a` and `b` find the same customers: the same words (as the search reads them: NFKC,
 * trimmed, `searchWords`) in the same field, or both blank, which lists every customer whatever the field.
 */
export function sameSearch(a: AppliedQuery, b: AppliedQuery): boolean {
	const [wordsA, wordsB] = [searchWords(a.query), searchWords(b.query)];
	return wordsA === wordsB && (wordsA === '' || a.field === b.field);
}

/** 顧客一覧(検索): the query, one page of customers, and the list download. */
class CustomerSearchState {
	query = $state('');
	field = $state<SearchField>('all');
	readonly pager = new Pager(20);
	downloadEncoding = $state<OutputEncoding>('shift_jis');
	page = $state.raw<CustomerPage | null>(null);
	/** Cells the last Shift_JIS download could not hold (nothing was written then), or null. */
	unencodable = $state.raw<UnencodableCells | null>(null);
	/** The query searched last (`submit`): every page asked for from then on answers it. */
	private applied = $state.raw<AppliedQuery>({ query: '', field: 'all' });
	/** The query the shown page answers. */
	private pageQuery = $state.raw<AppliedQuery>({ query: '', field: 'all' });
	/** Requests made so far: an answer to an older one is dropped. */
	private asked = 0;
	/**
	 * Why the last search could not be answered (a failure code, e.g. 'database-closed' once another
	 * tab upgraded the database and this one must reload), or null. The rows shown before are then
	 * dropped, never left standing as if they answered it.
	 */
	failureCode = $state<string | null>(null);
	/** True when the last query held a card number: it was not run, and is kept nowhere. */
	isCardNumberRefused = $state(false);
	/** Registry changes heard so far (an upload of this tab, any tab's write). */
	private changesHeard = $state(0);
	/** `changesHeard` when the shown page was asked for: the page says nothing of a later change. */
	private pageChanges = $state(0);

	/** Searches from the first page with what is typed; a query holding a card number is dropped. */
	submit() {
		this.isCardNumberRefused = containsCardNumber(this.query);
		if (this.isCardNumberRefused) {
			this.query = '';
			return Promise.resolve();
		}
		this.applied = { query: this.query, field: this.field };
		this.pager.goTo(0);
		return this.refresh();
	}

	/**
	 * True while the shown page answers another query than the one searched last (its answer is on
	 * the way): the screen then says it is searching and shows none of that page's counts, which are
	 * the previous query's (a search typed right after a blank list of 200,000 read「200,000件」under
	 * `US-0002` until its 10,000 came). Its rows may stay, said to be the previous list's.
	 */
	get searching(): boolean {
		return this.page !== null && (this.pageQuery.query !== this.applied.query || this.pageQuery.field !== this.applied.field);
	}

	/**
	 * True while what is typed (the words or the field) differs from the query searched last: the
	 * list, its count and 「データダウンロード」 still answer that query (`searchedQuery`), and the screen
	 * says so until 「検索」 is pressed (an operator typing a new word took the count and the download
	 * for the new word's).
	 */
	get edited(): boolean {
		if (this.page === null || this.page.registrySize === 0) return false;
		return !sameSearch({ query: this.query, field: this.field }, this.applied);
	}

	/** The query searched last: what the list, its count and the download answer. */
	get searchedQuery(): Readonly<AppliedQuery> {
		return this.applied;
	}

	/**
	 * The registry changed (customers or cards registered here or in another tab): the shown page is
	 * read again. Until an answer asked after the change comes, the page shown is older than the
	 * registry, so it is never taken for an empty registry (`isEmpty`): a worker still adding a large
	 * registration to its index answers later than the upload's own result shows.
	 */
	registryChanged() {
		this.changesHeard++;
		return this.refresh();
	}

	/**
	 * True when the registry holds no customer, as far as the list knows: the shown page says so and
	 * was asked for after the last change heard. False while that page predates a change (`isUpdating`).
	 */
	get isEmpty(): boolean {
		return this.page?.registrySize === 0 && !this.isUpdating;
	}

	/** True while the shown page was asked for before the last registry change heard: its answer is on the way. */
	get isUpdating(): boolean {
		return this.page !== null && this.pageChanges !== this.changesHeard;
	}

	/** Drops the shown page and the download state (after an erase); the next refresh reads afresh. */
	forget() {
		this.page = null;
		this.unencodable = null;
		this.pager.total = 0;
	}

	/**
	 * Shows the current page; the latest request wins. While the registry still loads, a page may come
	 * first from the customers read so far, its cards pending (`page.cardsPending`) and, for a search,
	 * its total still counting (`page.totalPending`) and even its rows (`page.rowsPending`: the count
	 * so far at once, the rows found so far); the page once final, then the loaded answer replace it,
	 * the same rows for a page that was full. A page past the end (asked while the total was still
	 * counting) moves to the last one. `answer`: 'partial' takes any early page, 'final' only a final
	 * one, 'loaded' the loaded registry's.
	 */
	async refresh(answer: 'partial' | 'final' | 'loaded' = 'partial'): Promise<void> {
		const applied = this.applied;
		const request = { ...applied, offset: this.pager.offset, limit: this.pager.pageSize };
		const asked = ++this.asked;
		const changes = this.changesHeard;
		let page: CustomerPage;
		try {
			page = await workbench.ask('search', { request, early: answer !== 'loaded', partial: answer === 'partial' });
		} catch (error) {
			if (asked === this.asked) this.failed(errorCodeOf(error));
			return;
		}
		if (asked !== this.asked) return;
		this.failureCode = null;
		this.page = page;
		this.pageQuery = applied;
		this.pageChanges = changes;
		this.pager.total = page.total;
		if (page.rowsPending) return this.refresh('final');
		if (page.cardsPending) return this.refresh('loaded');
		if (page.rows.length === 0 && page.total > 0 && request.offset > 0) {
			this.pager.goTo(Math.floor((page.total - 1) / request.limit) * request.limit);
			return this.refresh('loaded');
		}
	}

	// A search that failed leaves no answer standing: the page is cleared and the failure kept to show.
	private failed(code: string) {
		this.failureCode = code;
		this.forget();
	}

	/**
	 * True when a later page may hold customers: one does, or this page is full while the total is
	 * still counting. Never while `searching`: the total known is the previous query's, and its second
	 * page would be asked of the new query before its first was shown.
	 */
	get hasNext(): boolean {
		if (this.searching) return false;
		const page = this.page;
		return this.pager.hasNext || (page?.totalPending === true && page.rows.length === this.pager.pageSize);
	}

	/** Goes one page on when a later page may hold customers (`hasNext`). */
	next() {
		if (!this.hasNext) return Promise.resolve();
		this.pager.goTo(this.pager.offset + this.pager.pageSize);
		return this.refresh();
	}

	goTo(offset: number) {
		this.pager.goTo(offset);
		return this.refresh();
	}

	/**
	 * The filtered list as a file for people; null when Shift_JIS cannot hold it (see `unencodable`) or
	 * when it could not be made (the failure then shown as a search's is: `failureCode`, no rows left).
	 */
	async download(encoding: OutputEncoding = this.downloadEncoding): Promise<Blob | null> {
		try {
			const result = await workbench.ask('customer-list', { request: { ...this.applied, encoding } });
			this.unencodable = result.unencodable;
			return result.file;
		} catch (error) {
			this.failed(errorCodeOf(error));
			return null;
		}
	}

	/**
	 * Follows the database's close by a newer copy's upgrade in another tab (the storage layer loads
	 * after the first paint): the list shown is then dropped and the reason said in its place, as 履歴
	 * and 移行レポート do, not left standing as if current until the next search (operator trial).
	 * Returns the stop function (a component's teardown).
	 */
	followClose(): () => void {
		return startLazily(loadStorage, ({ onClosedForUpgrade }) => onClosedForUpgrade(() => this.failed('database-closed')));
	}
}

export const customerSearch = new CustomerSearchState();
