import { describe, expect, it } from 'vitest';
import { emailKey, isPhoneLike, keySeparator, nameKey, phoneKey } from './search-keys';

describe('search keys', () => {
	it.each([
		['山田 太郎', '山田太郎'],
		['山田　太郎', '山田太郎'],
		['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ'],
		['やまだ たろう', 'ヤマダタロウ'],
		['ゝゞ', 'ヽヾ'],
		['ＪＯＨＮ Smith', 'johnsmith'],
		['John\tSmith\n', 'johnsmith'],
		['㈱山田', '(株)山田'],
		['か\u3099', 'ガ'],
		['髙橋 々', '髙橋々']
	])('name %s → %s', (value, key) => {
		expect(nameKey(value)).toBe(key);
	});

	it.each([
		['taro@example.jp', 'taro@example.jp'],
		[' Taro@Example.JP ', 'taro@example.jp'],
		['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'taro@example.jp']
	])('e-mail %s → %s', (value, key) => {
		expect(emailKey(value)).toBe(key);
	});

	it.each([
		['09012345678', '09012345678'],
		['090-1234-5678', '09012345678'],
		['(03) 1111 2222', '0311112222'],
		['０９０－１２３４', '0901234']
	])('phone %s → %s', (value, key) => {
		expect(phoneKey(value)).toBe(key);
	});

	it.each([
		['090-1234', true],
		['＋８１ ９０', true],
		['(03)', true],
		['abc1', false],
		['---', false],
		['', false]
	])('%s reads as a phone number: %s', (query, expected) => {
		expect(isPhoneLike(query)).toBe(expected);
	});

	it.each([
		['name', nameKey, ['山田 太郎', 'ﾔﾏﾀﾞ', 'ＪＯＨＮ', '\u3099か', 'やまだ', '', 'İstanbul']],
		['e-mail', emailKey, [' A@B.jp', 'ｔａｒｏ＠ｘ', '']],
		['phone', phoneKey, ['090-1', '０３ (1)', '', 'abc']]
	] as const)('%s keys of joined values are the joined keys', (_name, keyOf, values) => {
		const joined = (keys: readonly string[]) => keys.map((key) => key + keySeparator).join('');
		expect(keyOf(joined(values))).toBe(joined(values.map((value) => keyOf(value))));
	});
});
