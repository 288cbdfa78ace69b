import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { defaultPaymentSettings } from '$lib/domain/settings';
import { useDb, WorkbenchDb } from './db';
import { historyRepository } from './history-repository';
import { registryRepository } from './registry-repository';
import { settingsRepository } from './settings-repository';

describe('WorkbenchDb upgrades', () => {
	it('keeps the settings of a version 1 database and adds the version 2 tables', async () => {
		const name = `upgrade-test-${Date.now()}`;
		const v1 = new Dexie(name);
		v1.version(1).stores({ settings: 'key' });
		const saved = { ...defaultPaymentSettings, merchantCode: '12345678', accessKey: 'abc' };
		await v1.table('settings').put({ key: 'payment', value: saved });
		v1.close();

		const upgraded = new WorkbenchDb(name);
		useDb(upgraded);
		expect(await settingsRepository.getPayment()).toEqual(saved);
		expect(upgraded.verno).toBe(2);
		expect(upgraded.tables.map((table) => table.name).sort()).toEqual(
			['cardChunks', 'customerChunks', 'history', 'meta', 'notifications', 'settings'].sort()
		);
		expect((await registryRepository.loadIndex()).customerCount).toBe(0);
		expect((await historyRepository.query()).total).toBe(0);
		upgraded.close();
	});
});
