import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerPage, SearchRequest } from '$lib/registry/customer-page';

// The worker's answers, in the order asked: each request gets the next one.
const answers: ((request: SearchRequest, early: boolean) => CustomerPage | Promise<CustomerPage>)[] = [];
const asked: { request: SearchRequest; early: boolean }[] = [];
vi.mock('$lib/workers/workbench-client', () => ({
	workbench: {
		ask: async (_type: string, { request, early }: { request: SearchRequest; early: boolean }) => {
			asked.push({ request, early });
			return answers.shift()!(request, early);
		}
	}
}));
const { customerSearch } = await import('./customer-search.svelte');

const row = (seq: number) => ({ seq, id: `US-${seq}`, linkageId: `C${seq}`, name: '', kana: '', email: '', phone: '', zip: '', address: '', cards: [] });
const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => row(from + i));

beforeEach(() => {
	answers.length = 0;
	asked.length = 0;
	customerSearch.pager.setPageSize(20);
	customerSearch.query = 'C';
});

describe('customerSearch while the registry loads', () => {
	it('offers the next page of a full page whose total is still counting, and shows the loaded answer after the early one', async () => {
		answers.push(() => ({ total: 20, rows: rows(0, 20), registrySize: 1000, cardsPending: true, totalPending: true, countingMatches: true }));
		answers.push(() => ({ total: 57, rows: rows(0, 20), registrySize: 1000 }));
		await customerSearch.submit();
		expect(asked.map((a) => a.early)).toEqual([true, false]);
		expect(customerSearch.page?.total).toBe(57);
		// Before the loaded answer came, the full early page offered a next page though its total was one page.
		answers.push(() => ({ total: 20, rows: rows(0, 20), registrySize: 1000, cardsPending: true, totalPending: true, countingMatches: true }));
		let load = () => {};
		const loaded = new Promise<void>((resolve) => (load = resolve));
		answers.push(async () => (await loaded, { total: 20, rows: rows(0, 20), registrySize: 1000 }));
		const submitted = customerSearch.submit();
		await vi.waitFor(() => expect(asked).toHaveLength(4));
		expect(customerSearch.page?.totalPending).toBe(true);
		expect(customerSearch.hasNext).toBe(true);
		load();
		await submitted;
		expect(customerSearch.hasNext).toBe(false);
	});

	it('moves to the last page when the page asked for lies past the end once the count is known', async () => {
		answers.push(() => ({ total: 20, rows: rows(0, 20), registrySize: 1000 }));
		await customerSearch.submit();
		customerSearch.pager.goTo(40);
		answers.push(() => ({ total: 25, rows: [], registrySize: 1000, cardsPending: true }));
		answers.push(() => ({ total: 25, rows: [], registrySize: 1000 }));
		answers.push((request) => ({ total: 25, rows: rows(request.offset, 5), registrySize: 1000 }));
		await customerSearch.refresh();
		expect(asked.at(-1)?.request.offset).toBe(20);
		expect(customerSearch.pager.offset).toBe(20);
		expect(customerSearch.page?.rows.map((r) => r.seq)).toEqual([20, 21, 22, 23, 24]);
	});
});
