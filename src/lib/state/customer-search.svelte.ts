import type { OutputEncoding } from '$lib/domain';
import type { SearchField } from '$lib/registry/registry-search';
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
	private applied = { query: '', field: 'all' as SearchField };

	/** Searches from the first page with what is typed. */
	submit() {
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

	/** The filtered list as a file for people. */
	download(): Promise<Blob> {
		return workbench.customerList({ ...this.applied, encoding: this.downloadEncoding });
	}
}

export const customerSearch = new CustomerSearchState();
