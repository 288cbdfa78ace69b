import { describe, expect, it } from 'vitest';
import { isRegistryList, registryListName } from './list-source';

// A list taken from the registry has no file: history, bell and report name it in the current language.
describe('isRegistryList', () => {
	it.each([
		['linkage', registryListName, true],
		['linkage', '登録済みの顧客', true],
		['linkage', 'Registered customers', true],
		['card-file', registryListName, true],
		['card-file', '登録済みの顧客', false],
		['customers', 'Registered customers', false],
		['linkage', '登録済みの顧客.csv', false],
		['linkage', 'store-customer-list.sjis.csv', false],
		['linkage', '', false],
		['linkage', 'registry', false]
	])('%s named %j → %s', (kind, fileName, expected) => {
		expect(isRegistryList({ kind, fileName })).toBe(expected);
	});
});
