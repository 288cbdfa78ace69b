import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { customerIdOf } from '$lib/domain/records/customer-id';
import type { SearchRequest } from '$lib/registry/registry-index';
import { runRepository } from '$lib/storage/run-repository';
import { registryRepository } from '$lib/storage/registry-repository';
import { RegistryIndex } from '$lib/registry/registry-index';
import { registryReading } from './registry-reading';
import type { CardColumns } from '$lib/domain/records/card-bytes';
import type { CustomerColumns } from '$lib/domain/records/customer';
import { cardColumns, newEntry, numberedCustomers, useFreshDb } from '$lib/storage/test-records';
import { searchPage } from '$lib/registry/customer-page';
import { earlyPage } from './early-page';
import { loadedRegistry } from './loaded-registry';

async function upload(change: { customers?: CustomerColumns; cards?: CardColumns }) {
	const historyId = await runRepository.begin(newEntry({ kind: change.cards ? 'cards' : 'customers' }));
	const rows = change.customers?.linkageIds.length ?? change.cards?.customerSeqs.length ?? 0;
	await runRepository.record({ historyId, ...change, outcome: { status: 'done', rows, succeeded: rows } });
}

beforeEach(async () => {
	useFreshDb('early-page-test');
	loadedRegistry.forget();
	await upload({ customers: numberedCustomers(30) });
});

// Every request an early answer is given to: its follow-up (asked without `early`, as 顧客一覧 does
// after a pending page) must get the loaded answer, or the page would ask again and again while
// nothing loads the registry.
const answeredEarly: [string, SearchRequest][] = [
	['a whole customer ID by 顧客ID', { query: customerIdOf(3), field: 'id', offset: 0, limit: 20 }],
	['a customer ID that no one has', { query: customerIdOf(99), field: 'id', offset: 0, limit: 20 }],
	['a blank list', { query: '', field: 'all', offset: 0, limit: 20 }]
];

describe('earlyPage', () => {
	it.each(answeredEarly)('answers %s from the stored chunks when asked early, cards pending', async (_name, request) => {
		const page = await earlyPage(request, true);
		expect(page?.cardsPending).toBe(true);
		expect(page?.registrySize).toBe(30);
	});

	it.each(answeredEarly)('leaves %s to the loaded registry when asked for the loaded answer', async (_name, request) => {
		expect(await earlyPage(request, false)).toBeNull();
	});

	it.each(answeredEarly)('leaves %s to the loaded registry once it is loaded', async (_name, request) => {
		await loadedRegistry.get();
		expect(await earlyPage(request, true)).toBeNull();
	});
});

describe('earlyPage: when the load starts', () => {
	// A page with rows is followed by the request for its cards (the loaded answer): the load starts
	// beside its peek. A request for the size alone (limit 0, カード情報移行) never loads the registry.
	it.each(answeredEarly)('starts the load beside the peek of %s', async (_name, request) => {
		expect(loadedRegistry.held()).toBeNull();
		expect((await earlyPage(request, true))?.cardsPending).toBe(true);
		expect(loadedRegistry.held()).not.toBeNull();
		expect((await loadedRegistry.held())!.index.customerCount).toBe(30);
	});

	it('starts no load for the size alone', async () => {
		const page = await earlyPage({ query: '', field: 'all', offset: 0, limit: 0 }, true);
		expect(page?.registrySize).toBe(30);
		expect(loadedRegistry.held()).toBeNull();
	});
});

/** A page as it shows its customers before their cards are read. */
function withoutCards(rows: { cards: unknown[] }[]) {
	return rows.map(({ cards: _, ...customer }) => customer);
}

describe('earlyPage: a search while the registry loads', () => {
	// Four stored customer chunks (30 + 10,000 + 10,000 + 4,970) and cards: a load reads two chunks
	// at a time (10,030 customers, then the rest), then the cards.
	beforeEach(async () => {
		await upload({ customers: numberedCustomers(24_970, 30) });
		await upload({ cards: cardColumns([0, 11, 100, 19_999, 24_999].map((customerSeq) => ({ customerSeq }))) });
	});

	it.each<[string, SearchRequest, { totalPending: boolean }]>([
		['a page full within the first read: its total still counting', { query: 'C1', field: 'linkageId', offset: 0, limit: 20 }, { totalPending: true }],
		['a name search, a later page within the first read', { query: '顧客2', field: 'name', offset: 40, limit: 20 }, { totalPending: true }],
		['a match only in the last chunk: once every customer is read', { query: 'C24999', field: 'all', offset: 0, limit: 20 }, { totalPending: false }],
		['no match at all: once every customer is read', { query: 'ZZ', field: 'all', offset: 0, limit: 20 }, { totalPending: false }],
		['a blank list past the first chunk', { query: '', field: 'all', offset: 9_990, limit: 40 }, { totalPending: true }]
	])('%s, the rows the loaded registry gives', async (_name, request, expected) => {
		const early = await earlyPage(request, true);
		const loaded = searchPage((await loadedRegistry.get()).index, request);
		expect(early).not.toBeNull();
		expect(withoutCards(early!.rows)).toEqual(withoutCards(loaded.rows));
		expect(early!.rows.every((row) => row.cards.length === 0)).toBe(true);
		expect(early!.cardsPending).toBe(true);
		expect(early!.totalPending === true).toBe(expected.totalPending);
		expect(early!.countingMatches === true).toBe(expected.totalPending);
		// A total still counting is the matches found so far: this page's and more, not yet all.
		if (expected.totalPending) expect(early!.total).toBeGreaterThanOrEqual(request.offset + request.limit);
		if (expected.totalPending) expect(early!.total).toBeLessThan(loaded.total);
		else expect(early!.total).toBe(loaded.total);
		expect(early!.registrySize).toBe(25_000);
		// Its follow-up waits for the loaded registry.
		expect(await earlyPage(request, false)).toBeNull();
	});

	// A search's first ask takes the page as the reads so far make it (its count so far at once); the
	// follow-up asks for the final page, whose rows are the loaded registry's.
	it.each<[string, SearchRequest, boolean]>([
		['a match only in the last chunk: none so far, rows pending', { query: 'C24999', field: 'all', offset: 0, limit: 20 }, true],
		['no match at all: none so far, rows pending', { query: 'ZZ', field: 'linkageId', offset: 0, limit: 20 }, true],
		['a page full within the first read: final at once', { query: 'C1', field: 'linkageId', offset: 0, limit: 20 }, false]
	])('with partial, %s; then the final page', async (_name, request, isPending) => {
		const first = await earlyPage(request, true, true);
		expect(first).not.toBeNull();
		expect(first!.rowsPending === true).toBe(isPending);
		expect(first!.cardsPending).toBe(true);
		const final = await earlyPage(request, true);
		const loaded = searchPage((await loadedRegistry.get()).index, request);
		expect(withoutCards(first!.rows)).toEqual(withoutCards(loaded.rows).slice(0, first!.rows.length));
		expect(first!.total).toBeLessThanOrEqual(loaded.total);
		if (isPending) expect(first!.totalPending).toBe(true);
		expect(final?.rowsPending).toBeUndefined();
		expect(withoutCards(final!.rows)).toEqual(withoutCards(loaded.rows));
	});

	it('leaves the answer to the loaded registry when the load ends before the page is known', async () => {
		const request: SearchRequest = { query: 'C24999', field: 'all', offset: 0, limit: 20 };
		const load = loadedRegistry.get();
		await load;
		expect(await earlyPage(request, true)).toBeNull();
	});
});

describe('earlyPage: every customer read, the cards still loading', () => {
	// The load's reading as the worker sees it once the customers are all read: searches are answered
	// from those customers in memory, not from a stored chunk read beside the load's card reads.
	it.each<[string, SearchRequest, number]>([
		['a whole customer ID by 顧客ID', { query: customerIdOf(7), field: 'id', offset: 0, limit: 20 }, 1],
		['a customer ID that no one has', { query: customerIdOf(99), field: 'id', offset: 0, limit: 20 }, 0],
		['a blank list', { query: '', field: 'all', offset: 0, limit: 20 }, 30]
	])('%s: from memory, final, cards pending, no chunk read', async (_name, request, total) => {
		const index = new RegistryIndex();
		index.appendCustomers(numberedCustomers(30));
		const peeks = [vi.spyOn(registryRepository, 'peekCustomer'), vi.spyOn(registryRepository, 'peek'), vi.spyOn(registryRepository, 'size')];
		registryReading.started();
		registryReading.read({ index, customersRead: true });
		try {
			const page = await earlyPage(request, true);
			expect(page).toMatchObject({ total, registrySize: 30, cardsPending: true });
			expect(page!.totalPending).toBeUndefined();
			expect(withoutCards(page!.rows)).toEqual(withoutCards(index.search(request).rows));
			for (const peek of peeks) expect(peek).not.toHaveBeenCalled();
		} finally {
			registryReading.ended();
			for (const peek of peeks) peek.mockRestore();
		}
	});
});

describe('earlyPage: a whole customer ID the load has read already, the rest still unread', () => {
	// The load has read the first 20 of 30 customers and the registry's size is known (the blank
	// list's peek told it): a whole ID among those read is answered from memory, exact and final,
	// with no chunk read; one beyond them is peeked from the store as before.
	it.each<[string, number, number]>([
		['the first customer read', 0, 1],
		['the last customer read', 19, 1],
		['a customer not read yet: peeked', 25, 1],
		['an ID beyond the registry: peeked', 99, 0]
	])('%s', async (_name, seq, total) => {
		const index = new RegistryIndex();
		index.appendCustomers(numberedCustomers(20));
		const request: SearchRequest = { query: customerIdOf(seq), field: 'id', offset: 0, limit: 20 };
		const peek = vi.spyOn(registryRepository, 'peekCustomer');
		// The size is told before the load starts (the blank list's peek), and kept by its start.
		registryReading.sized(30);
		registryReading.started();
		registryReading.read({ index, customersRead: false });
		try {
			const page = await earlyPage(request, true);
			expect(page).toMatchObject({ total, registrySize: 30, cardsPending: true });
			expect(page!.totalPending).toBeUndefined();
			expect(page!.rows.map((row) => row.id)).toEqual(total ? [customerIdOf(seq)] : []);
			expect(peek).toHaveBeenCalledTimes(seq < 20 ? 0 : 1);
		} finally {
			registryReading.ended();
			peek.mockRestore();
		}
	});

	it('peeks when the size of the registry is not known yet, and forgets a size when the load starts over', async () => {
		const index = new RegistryIndex();
		index.appendCustomers(numberedCustomers(20));
		const peek = vi.spyOn(registryRepository, 'peekCustomer');
		registryReading.started();
		registryReading.sized(30);
		registryReading.read(null);
		registryReading.read({ index, customersRead: false });
		try {
			const page = await earlyPage({ query: customerIdOf(3), field: 'id', offset: 0, limit: 20 }, true);
			expect(page).toMatchObject({ total: 1, registrySize: 30 });
			expect(peek).toHaveBeenCalledTimes(1);
			expect(registryReading.size()).toBe(30);
		} finally {
			registryReading.ended();
			peek.mockRestore();
		}
		expect(registryReading.size()).toBeNull();
	});
});
