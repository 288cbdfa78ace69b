import { describe, expect, it } from 'vitest';
import { fileNameMatches, fileNameSearchKey, isRegistryList, registryListName } from './list-source';

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

// 履歴's search by file name finds what the operator sees: a list from the registry is shown under
// a label in the language of the moment, so either language's label (or a part of it, in any width
// or case) finds it; the marker it is stored under is no name and finds nothing.
describe('fileNameMatches: a name search over the names as shown', () => {
	const labels = ['登録済みの顧客', 'Registered customers'].map(fileNameSearchKey);
	it.each<[string, string, string, boolean]>([
		['the Japanese label', registryListName, '登録済みの顧客', true],
		['the English label', registryListName, 'registered customers', true],
		['part of a label', registryListName, '登録済み', true],
		['a label in other case and width', registryListName, 'ＲＥＧＩＳＴＥＲＥＤ', true],
		['the marker itself', registryListName, '/registry', false],
		['part of the marker', registryListName, 'registry', false],
		['another name', registryListName, 'customers.csv', false],
		['a file by its name', 'customers-2026.csv', 'customers', true],
		['a file in other case and width', 'ｃｕｓｔｏｍｅｒｓ.csv', 'CUSTOMERS', true],
		['a file not by a label', 'customers-2026.csv', '登録済みの顧客', false],
		['an older entry that stored the label as text', '登録済みの顧客', '登録済み', true]
	])('%s', (_name, fileName, search, expected) => {
		expect(fileNameMatches(fileName, fileNameSearchKey(search), labels)).toBe(expected);
	});
});
