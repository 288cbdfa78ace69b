import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runRepository } from '$lib/storage/run-repository';
import { registryRepository } from '$lib/storage/registry-repository';
import { newEntry, numberedCustomers, useFreshDb } from '$lib/storage/test-records';
import { loadedRegistry } from './loaded-registry';
import { registryReading } from './registry-reading';

const count = 30;

beforeEach(async () => {
	useFreshDb('loaded-registry-test');
	loadedRegistry.forget();
	const historyId = await runRepository.begin(newEntry({ kind: 'customers' }));
	await runRepository.record({ historyId, customers: numberedCustomers(count), outcome: { status: 'done', rows: count, succeeded: count } });
});

const turns = (n: number) => new Promise<void>((resolve) => setTimeout(resolve, n));

describe('loadedRegistry: search keys built after the load', () => {
	// A caller waiting for the registry (a search checking the stored stamp) is never made to wait
	// behind a step of keys: the steps pause until no call of `get` is under way, then go on.
	it('builds no keys while a call of get is under way, and every key once none is', async () => {
		const realStamp = registryRepository.stamp.bind(registryRepository);
		let release: () => void = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		// The load's own check of the stamp is real; the caller's check after the load is held.
		const stamp = vi
			.spyOn(registryRepository, 'stamp')
			.mockImplementationOnce(realStamp)
			.mockImplementation(async () => (await held, realStamp()));
		try {
			const asked = loadedRegistry.get();
			while (!loadedRegistry.isLoaded()) await turns(1);
			const { index } = await loadedRegistry.held()!;
			await turns(30);
			expect(index.searchKeysBuilt()).toBe(0);
			release();
			await asked;
			for (let waited = 0; waited < 200 && index.searchKeysBuilt() < count; waited++) await turns(5);
			expect(index.searchKeysBuilt()).toBe(count);
		} finally {
			release();
			stamp.mockRestore();
		}
	});
});

describe('loadedRegistry: 連携用ID keys built as the customers are read', () => {
	// A 連携用ID search typed while the load still reads finds its keys built for every customer read
	// so far (the load builds them read by read); no other field's keys are built before the load ends.
	it('holds the 連携用ID keys of every customer read at each read, and no other field’s', async () => {
		const historyId = await runRepository.begin(newEntry({ kind: 'customers' }));
		await runRepository.record({ historyId, customers: numberedCustomers(44_970, count), outcome: { status: 'done', rows: 44_970, succeeded: 44_970 } });
		const seen: [number, number, number][] = [];
		const loading = loadedRegistry.get();
		while (!registryReading.current()) await registryReading.next();
		for (let reading = registryReading.current(); reading && registryReading.isLoading(); reading = registryReading.current()) {
			const { index } = reading;
			seen.push([index.customerCount, index.searchKeysBuilt('linkageIds'), index.searchKeysBuilt('names')]);
			await registryReading.next();
		}
		const { index } = await loading;
		expect(seen.length).toBeGreaterThanOrEqual(3);
		for (const [customers, linkageKeys, nameKeys] of seen) {
			expect(linkageKeys).toBe(customers);
			expect(nameKeys).toBe(0);
		}
		expect(index.searchKeysBuilt('linkageIds')).toBe(45_000);
		expect(index.search({ query: 'C44999', field: 'linkageId', offset: 0, limit: 20 }).rows.map((row) => row.seq)).toEqual([44_999]);
	});
});
