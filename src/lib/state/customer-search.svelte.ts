import { containsCardNumber, type OutputEncoding, type UnencodableCells } from '$lib/domain';
import type { SearchField } from '$lib/storage/registry-search';
import type { CustomerPage } from '$lib/workers/registry-types';
import { workbench } from '$lib/workers/workbench-client';

/** 顧客一覧(検索): the query, one page of customers, and the list download. */
class CustomerSearchState {
	query = $state('');
	field = $state<SearchField>('all');
	offset = $state(0);
	pageSize = $state(20);
	downloadEncoding = $state<OutputEncoding>('shift_jis');
	page = $state.raw<CustomerPage | null>(null);
	/** Cells the last Shift_JIS download could not hold (nothing was written then), or null. */
	unencodable = $state.raw<UnencodableCells | null>(null);
	private applied = { query: '', field: 'all' as SearchField };
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
		this.offset = 0;
		return this.refresh();
	}

	async refresh() {
		this.page = await workbench.search({ ...this.applied, offset: this.offset, limit: this.pageSize });
	}

	goTo(offset: number) {
		this.offset = Math.max(0, offset);
		return this.refresh();
	}

	/** The filtered list as a file for people; null when Shift_JIS cannot hold it (see `unencodable`). */
	async download(encoding: OutputEncoding = this.downloadEncoding): Promise<Blob | null> {
		const result = await workbench.customerList({ ...this.applied, encoding });
		this.unencodable = result.unencodable;
		return result.file;
	}
}

export const customerSearch = new CustomerSearchState();
