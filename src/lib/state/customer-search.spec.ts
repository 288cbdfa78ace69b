import fc from 'fast-check';
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
const { customerSearch, sameSearch } = await import('./customer-search.svelte');

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

describe('customerSearch after a registration', () => {
	const emptyPage: CustomerPage = { total: 0, rows: [], registrySize: 0 };
	const registeredPage: CustomerPage = { total: 200_000, rows: rows(0, 20), registrySize: 200_000 };

	/** An answer the test gives when it chooses: the worker still adding a large registration to its index. */
	function heldAnswer(page: CustomerPage) {
		let give = () => {};
		const given = new Promise<void>((resolve) => (give = resolve));
		answers.push(async () => (await given, page));
		return give;
	}

	beforeEach(async () => {
		customerSearch.query = '';
		answers.push(() => emptyPage);
		await customerSearch.submit();
		expect(customerSearch.isEmpty).toBe(true);
	});

	// Every way the list hears of a registration (the upload's own end, the change broadcast, both, in
	// either order): while no answer asked after it has come, the empty registry's page is still shown,
	// and it must read as being updated, never as "no customers yet".
	it.each<[string, number]>([
		['the upload ended', 1],
		['the upload ended and the change was announced', 2]
	])('%s: the page from before is never taken for an empty registry', async (_name, heard) => {
		const gives = Array.from({ length: heard }, () => heldAnswer(registeredPage));
		const refreshes = gives.map(() => customerSearch.registryChanged());
		await vi.waitFor(() => expect(asked).toHaveLength(1 + heard));
		expect(customerSearch.page?.registrySize).toBe(0);
		expect(customerSearch.isEmpty).toBe(false);
		expect(customerSearch.isUpdating).toBe(true);
		// An answer to an earlier ask is dropped: the page stays the old one, still updating.
		if (heard > 1) {
			gives[0]();
			await refreshes[0];
			expect(customerSearch.isEmpty).toBe(false);
			expect(customerSearch.isUpdating).toBe(true);
		}
		gives.forEach((give) => give());
		await Promise.all(refreshes);
		expect(customerSearch.isUpdating).toBe(false);
		expect(customerSearch.isEmpty).toBe(false);
		expect(customerSearch.page?.registrySize).toBe(200_000);
	});

	it('the same empty page asked for before the change is never taken for empty, and one asked after it is', async () => {
		// A refresh asked before the change (a page-size change) whose answer comes after it.
		const giveBefore = heldAnswer(emptyPage);
		const before = customerSearch.refresh();
		const giveAfter = heldAnswer(emptyPage);
		const after = customerSearch.registryChanged();
		giveBefore();
		await before;
		expect(customerSearch.isEmpty).toBe(false);
		// An answer asked after the change is the registry as it is: when that says empty, the list may say so.
		giveAfter();
		await after;
		expect(customerSearch.isUpdating).toBe(false);
		expect(customerSearch.isEmpty).toBe(true);
	});
});

// A search that cannot be answered (this tab's database was closed for an upgrade in another tab, the
// worker stopped) fails quietly: no uncaught error, the previous rows cleared, the reason kept to show.
describe('customerSearch when the search fails', () => {
	const named = (name: string) => Object.assign(new Error('closed'), { name });
	it.each([
		['the database closed by an upgrade elsewhere', named('DatabaseClosedError'), 'database-closed'],
		['the worker stopped', new Error('worker-crashed'), 'worker-crashed'],
		['something unforeseen', new TypeError('Cannot read properties of undefined'), 'unknown']
	])('%s', async (_name, error, code) => {
		answers.push(() => ({ total: 2, rows: rows(0, 2), registrySize: 2 }));
		await customerSearch.submit();
		expect(customerSearch.page?.rows).toHaveLength(2);
		answers.push(() => Promise.reject(error));
		customerSearch.query = 'D';
		await expect(customerSearch.submit()).resolves.toBeUndefined();
		expect(customerSearch.page).toBeNull();
		expect(customerSearch.pager.total).toBe(0);
		expect(customerSearch.searching).toBe(false);
		expect(customerSearch.failureCode).toBe(code);
		// The next answered search clears the failure.
		answers.push(() => ({ total: 1, rows: rows(0, 1), registrySize: 2 }));
		await customerSearch.submit();
		expect(customerSearch.failureCode).toBeNull();
		expect(customerSearch.page?.rows).toHaveLength(1);
	});
});

// A result is never shown under another query: whatever the order in which searches are typed and
// their answers come (a fast answer to a later search, a slow one to an earlier search), a count is
// shown (`searching` false) only while the page shown answers the query searched last.
describe('customerSearch: the counts shown belong to the query searched last', () => {
	const queries = [
		{ query: '', field: 'all' },
		{ query: 'US-0002', field: 'id' },
		{ query: 'US-0002', field: 'all' },
		{ query: 'C1', field: 'linkageId' }
	] as const;
	// Each query's answer has a count of its own, so a count tells which query it answers.
	const totalOf = (request: SearchRequest) => 1000 * (1 + queries.findIndex((q) => q.query === request.query && q.field === request.field));
	const step = fc.oneof(
		fc.record({ submit: fc.constantFrom(...queries.keys()) }),
		fc.record({ answer: fc.nat() })
	);

	it('holds for any order of searches and answers', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
				answers.length = 0;
				answers.push((request) => ({ total: totalOf(request), rows: rows(0, 1), registrySize: 200_000 }));
				customerSearch.query = '';
				customerSearch.field = 'all';
				await customerSearch.submit();
				let searched: (typeof queries)[number] = queries[0];
				const held: { give: () => void; done: Promise<void> }[] = [];
				const check = () => {
					if (customerSearch.page && !customerSearch.searching) expect(customerSearch.page.total).toBe(totalOf({ ...searched, offset: 0, limit: 20 }));
					// No page of the new query is asked for on the previous query's total (its first page unseen).
					if (customerSearch.searching) expect(customerSearch.hasNext).toBe(false);
				};
				for (const s of steps) {
					if ('submit' in s) {
						searched = queries[s.submit];
						let give = () => {};
						const given = new Promise<void>((resolve) => (give = resolve));
						answers.push(async (request) => (await given, { total: totalOf(request), rows: rows(0, 1), registrySize: 200_000 }));
						customerSearch.query = searched.query;
						customerSearch.field = searched.field;
						held.push({ give, done: customerSearch.submit() });
					} else if (held.length > 0) {
						const [answer] = held.splice(s.answer % held.length, 1);
						answer.give();
						await answer.done;
					}
					check();
				}
				for (const answer of held) answer.give();
				await Promise.all(held.map((answer) => answer.done));
				check();
				expect(customerSearch.searching).toBe(false);
				expect(customerSearch.page?.total).toBe(totalOf({ ...searched, offset: 0, limit: 20 }));
			})
		);
	});
});

// Words typed but not searched: the list, its count and the download still answer the last search,
// and the screen says so (`edited`) until 「検索」 is pressed — for a change of words, of field, or both.
describe('customerSearch: typed but not searched', () => {
	it.each([
		['other words', { query: 'US-1', field: 'all' }, true],
		['another field', { query: 'US-0', field: 'id' }, true],
		['both', { query: 'x', field: 'name' }, true],
		['the same query typed again', { query: 'US-0', field: 'all' }, false],
		['the same words with spaces around and in full width', { query: ' ＵＳ－０ ', field: 'all' }, false]
	] as const)('%s', async (_name, typed, edited) => {
		answers.push(() => ({ total: 3, rows: rows(0, 3), registrySize: 3 }));
		customerSearch.query = 'US-0';
		customerSearch.field = 'all';
		await customerSearch.submit();
		expect(customerSearch.edited).toBe(false);
		customerSearch.query = typed.query;
		customerSearch.field = typed.field;
		expect(customerSearch.edited).toBe(edited);
		expect(customerSearch.searchedQuery).toEqual({ query: 'US-0', field: 'all' });
		answers.push(() => ({ total: 1, rows: rows(0, 1), registrySize: 3 }));
		await customerSearch.submit();
		expect(customerSearch.edited).toBe(false);
		expect(customerSearch.searchedQuery).toEqual(typed);
	});
});

describe('sameSearch', () => {
	it.each([
		[{ query: '', field: 'all' }, { query: '', field: 'name' }, true],
		[{ query: '  ', field: 'id' }, { query: '', field: 'all' }, true],
		[{ query: 'US-1', field: 'id' }, { query: 'US-1', field: 'all' }, false],
		[{ query: 'US-1', field: 'id' }, { query: 'ＵＳ－１ ', field: 'id' }, true],
		[{ query: 'US-1', field: 'id' }, { query: 'US-2', field: 'id' }, false]
	] as const)('%o and %o: %s', (a, b, same) => {
		expect(sameSearch(a, b)).toBe(same);
		expect(sameSearch(b, a)).toBe(same);
	});

	// A blank list on an empty registry, or a field changed with no words: nothing typed to search for.
	it('says nothing over an empty registry, or for a field changed with no words', async () => {
		answers.push(() => ({ total: 0, rows: [], registrySize: 0 }));
		customerSearch.query = '';
		customerSearch.field = 'all';
		await customerSearch.submit();
		customerSearch.query = 'US';
		expect(customerSearch.edited).toBe(false);
		answers.push(() => ({ total: 3, rows: rows(0, 3), registrySize: 3 }));
		customerSearch.query = '';
		await customerSearch.submit();
		customerSearch.field = 'name';
		expect(customerSearch.edited).toBe(false);
		customerSearch.query = 'x';
		expect(customerSearch.edited).toBe(true);
	});
});
