import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { defaultPaymentSettings } from '$lib/domain/settings';
import { z } from '$lib/domain/zod';
import { onStoredChange, type StoredChange } from './changes';
import { eraseEverything } from './erase-everything';
import { metaRepository } from './meta-repository';
import { registryRepository } from './registry-repository';
import { runRepository } from './run-repository';
import { settingsRepository } from './settings-repository';
import { cardColumns, newEntry, numberedCustomers, useFreshDb } from './test-records';

/** Counts the records of every object store, read straight from IndexedDB rather than through Dexie. */
function rawCounts(name: string): Promise<Record<string, number>> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open(name);
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const idb = open.result;
			const stores = [...idb.objectStoreNames];
			const tx = idb.transaction(stores, 'readonly');
			const counts: Record<string, number> = {};
			for (const store of stores) {
				const request = tx.objectStore(store).count();
				request.onsuccess = () => (counts[store] = request.result);
			}
			tx.oncomplete = () => {
				idb.close();
				resolve(counts);
			};
		};
	});
}

describe('eraseEverything', () => {
	it('leaves every table of IndexedDB empty', async () => {
		const database = useFreshDb('erase-test');
		await settingsRepository.savePayment({ ...defaultPaymentSettings, merchantCode: '1', accessKey: 'k' });
		await metaRepository.put('appVersion', z.string(), '0.1.0');
		const historyId = await runRepository.begin(newEntry());
		const cards = cardColumns([{ customerSeq: 0 }]);
		await runRepository.record({ historyId, customers: numberedCustomers(2), cards, outcome: { status: 'done' } });
		await runRepository.begin(newEntry());

		const before = await rawCounts(database.name);
		expect(Object.values(before).every((count) => count > 0)).toBe(true);
		await eraseEverything();
		const after = await rawCounts(database.name);
		expect(Object.keys(after).sort()).toEqual(database.tables.map((table) => table.name).sort());
		expect(Object.values(after).every((count) => count === 0)).toBe(true);
		expect(await settingsRepository.getPayment()).toEqual(defaultPaymentSettings);
	});
});

// Every tab hears an erase begin before its transaction (its runs stop then, none finishing while
// the erase waits for it), then how it ended: erased, or failed with nothing erased.
describe('eraseEverything tells every tab that it begins, then how it ended', () => {
	/** The changes heard while `erase` runs, in order (a BroadcastChannel delivers as tasks). */
	async function heard(erase: () => Promise<void>): Promise<StoredChange[]> {
		const changes: StoredChange[] = [];
		useFreshDb('erase-notice');
		await runRepository.begin(newEntry());
		const stop = onStoredChange((change) => changes.push(change));
		await erase();
		await vi.waitFor(() => expect(changes.at(-1)).toMatch(/^(erased|erase-failed)$/));
		stop();
		return changes;
	}

	it('an erase done: erasing, then erased', async () => {
		expect(await heard(() => eraseEverything())).toEqual(['erasing', 'erased']);
	});

	it('an erase whose transaction fails: erasing, then erase-failed', async () => {
		const changes = await heard(async () => {
			const { db } = await import('./db');
			vi.spyOn(db(), 'transaction').mockRejectedValueOnce(new Error('database-closed'));
			await expect(eraseEverything()).rejects.toThrow('database-closed');
		});
		expect(changes).toEqual(['erasing', 'erase-failed']);
	});
});
