import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultPaymentSettings } from '$lib/domain/settings';
import { useDb, WorkbenchDb } from './db';
import { settingsRepository } from './settings-repository';

let counter = 0;
beforeEach(() => {
	useDb(new WorkbenchDb(`settings-test-${counter++}`));
});

describe('settingsRepository', () => {
	it('gives the defaults before anything is saved', async () => {
		expect(await settingsRepository.getPayment()).toEqual(defaultPaymentSettings);
	});

	it('restores what was saved', async () => {
		const settings = { ...defaultPaymentSettings, merchantCode: '111', accessKey: 'abc', description: '説明' };
		await settingsRepository.savePayment(settings);
		expect(await settingsRepository.getPayment()).toEqual(settings);
	});

	it('refuses to store invalid settings', async () => {
		await expect(
			settingsRepository.savePayment({ ...defaultPaymentSettings, merchantCode: 'abc', accessKey: 'k' })
		).rejects.toThrow();
		expect(await settingsRepository.getPayment()).toEqual(defaultPaymentSettings);
	});
});
