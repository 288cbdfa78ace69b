import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { customerIdOf } from '$lib/domain/records/customer-id';
import type { SearchRequest } from '$lib/registry/registry-index';
import { runRepository } from '$lib/storage/run-repository';
import { newEntry, numberedCustomers, useFreshDb } from '$lib/storage/test-records';
import { earlyPage } from './early-page';
import { loadedRegistry } from './loaded-registry';

beforeEach(async () => {
	useFreshDb('early-page-test');
	loadedRegistry.forget();
	const historyId = await runRepository.begin(newEntry({ kind: 'customers' }));
	await runRepository.record({ historyId, customers: numberedCustomers(30), outcome: { status: 'done', rows: 30, succeeded: 30 } });
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
