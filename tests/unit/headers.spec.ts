import { describe, expect, it } from 'vitest';
import {
	cardImportColumns,
	customerListColumns,
	matchHeader,
	normalizeHeader,
	oldCartCustomerColumns,
	yamatoReturnColumns
} from '$lib/domain';

describe('normalizeHeader', () => {
	it.each([
		['顧客 ID', '顧客id'],
		['顧客　ＩＤ', '顧客id'],
		['Customer_ID', 'customerid'],
		['ｶｰﾄﾞ番号下３桁', 'カード番号下3桁'],
		['旧カートの顧客番号（連携用ID）', '旧カートの顧客番号連携用id'],
		['【有効期限】', '有効期限']
	])('%j → %j', (name, expected) => expect(normalizeHeader(name)).toBe(expected));
});

describe('matchHeader', () => {
	it('maps Yamato return columns in any order and reports absent ones as 0', () => {
		const match = matchHeader(['認証キー', 'memo', 'Card Brand', 'customer id'], yamatoReturnColumns);
		expect(match.mapping).toEqual({ customerId: 4, last3: 0, brand: 3, expiry: 0, token: 1 });
		expect(match.missing).toEqual(['last3', 'expiry']);
		expect(match.matched).toBe(3);
	});

	it('keeps the first of two columns naming one field', () => {
		const match = matchHeader(['顧客ID', 'customer id', 'brand'], yamatoReturnColumns);
		expect(match.mapping.customerId).toBe(1);
		expect(match.duplicates).toEqual([[2, 1]]);
	});

	it.each([
		['サブスクストアの顧客ID', 'customerId'],
		['旧カートの顧客番号(連携用ID)', 'linkageId'],
		['連携用ID', 'linkageId'],
		['顧客番号', 'linkageId'],
		['Linkage ID', 'linkageId']
	])('customer list: %s → %s', (name, key) => {
		expect(matchHeader([name], customerListColumns).mapping[key as 'customerId' | 'linkageId']).toBe(1);
	});

	it('reads the card import file by its 項目名', () => {
		const names = ['決済代行会社', '顧客ID', 'カード番号下3桁', 'カードブランド', 'カード名義人', 'SEND ID', '連番物理', '有効期限', 'クロネコwebコレクトカード認証キー'];
		const match = matchHeader(names, cardImportColumns);
		expect(Object.values(match.mapping)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});

	it.each([
		['旧カートの顧客番号', 'linkageId'],
		['氏名', 'name'],
		['氏名(カナ)', 'kana'],
		['フリガナ', 'kana'],
		['E-mail', 'email'],
		['Phone', 'phone'],
		['Postal Code', 'zip'],
		['Zip', 'zip'],
		['Address', 'address'],
		['氏名（漢字）', 'name']
	])('old cart customers: %s → %s', (name, key) => {
		const mapping = matchHeader([name], oldCartCustomerColumns).mapping as Record<string, number>;
		expect(mapping[key]).toBe(1);
	});
});
