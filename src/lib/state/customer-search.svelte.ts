import type { OutputEncoding, UnencodableCells } from '$lib/domain';
import { containsCardNumber } from '$lib/domain/guard/card-number';
import type { CustomerPage } from '$lib/registry/customer-page';
import type { SearchField } from '$lib/registry/registry-search';
import { workbench } from '$lib/workers/workbench-client';
import { Pager } from './pager.svelte';

/** How long a search may take before the screen says it is still searching (ms). */
const lateMs = 200;

/** 顧客一覧(検索): the query, one page of customers, and the list download. */
class CustomerSearchState {
	query = $state('');
	field = $state<SearchField>('all');
	readonly pager = new Pager(20);
	downloadEncoding = $state<OutputEncoding>('shift_jis');
	page = $state.raw<CustomerPage | null>(null);
	/** Cells the last Shift_JIS download could not hold (nothing was written then), or null. */
	unencodable = $state.raw<UnencodableCells | null>(null);
	private applied = { query: '', field: 'all' as SearchField };
	/** Requests made so far: an answer to an older one is dropped. */
	private asked = 0;
	/**
	 * True while a new query's answer is late (over `lateMs`, e.g. a 連携用ID search while a large
	 * registry still loads): the rows shown are the previous query's, and the screen says so.
	 */
	searching = $state(false);
	private lateTimer: ReturnType<typeof setTimeout> | undefined;
	/** True when the last query held a card number: it was not run, and is kept nowhere. */
	isCardNumberRefused = $state(false);

	/** Searches from the first page with what is typed; a query holding a card number is dropped. */
	submit() {
		this.isCardNumberRefused = containsCardNumber(this.query);
		if (this.isCardNumberRefused) {
			this.query = '';
			return Promise.resolve();
		}
		this.applied = { query: this.query, field: this.field };
		this.pager.goTo(0);
		clearTimeout(this.lateTimer);
		this.lateTimer = setTimeout(() => (this.searching = true), lateMs);
		return this.refresh();
	}

	/** Drops the shown page and the download state (after an erase); the next refresh reads afresh. */
	forget() {
		this.page = null;
		this.unencodable = null;
		this.pager.total = 0;
	}

	/**
	 * Shows the current page; the latest request wins. While the registry still loads, a page may come
	 * first from a few stored chunks, its cards pending (`page.cardsPending`); the loaded answer then
	 * replaces it.
	 */
	async refresh(early = true) {
		const request = { ...this.applied, offset: this.pager.offset, limit: this.pager.pageSize };
		const asked = ++this.asked;
		const page = await workbench.ask('search', { request, early });
		if (asked !== this.asked) return;
		clearTimeout(this.lateTimer);
		this.searching = false;
		this.page = page;
		this.pager.total = page.total;
		if (page.cardsPending) await this.refresh(false);
	}

	goTo(offset: number) {
		this.pager.goTo(offset);
		return this.refresh();
	}

	/** The filtered list as a file for people; null when Shift_JIS cannot hold it (see `unencodable`). */
	async download(encoding: OutputEncoding = this.downloadEncoding): Promise<Blob | null> {
		const result = await workbench.ask('customer-list', { request: { ...this.applied, encoding } });
		this.unencodable = result.unencodable;
		return result.file;
	}
}

export const customerSearch = new CustomerSearchState();
