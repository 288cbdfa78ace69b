import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packTexts } from '$lib/domain/records/packed-text';
import { findInPart, partKeyOf, type KeyRule } from './part-keys';
import { emailKey, identifierKey, keySeparator, nameKey, phoneKey } from './search-keys';

const rules: [string, KeyRule][] = [
	['identifier', { keyOf: identifierKey, isDigitsOnly: false }],
	['name', { keyOf: nameKey, isDigitsOnly: false }],
	['e-mail', { keyOf: emailKey, isDigitsOnly: false }],
	['phone', { keyOf: phoneKey, isDigitsOnly: true }]
];

// Every kind of text SPEC normalises or a value may hold: ASCII of either case, full-width letters
// and digits, hiragana, katakana, half-width kana and their voiced marks, combining marks, CJK and
// 々, spaces of every kind (space, ideographic, no-break, tab, line breaks, zero-width, BOM), letters
// whose case changes their length (İ, ß), astral characters, a lone surrogate, the key separator.
const unit = fc.constantFrom(
	'a', 'B', 'z', '0', '7', '-', '@', '.', '(', '~',
	'Ａ', 'ｂ', '０', '９', '－', '＠',
	'や', 'ま', 'だ', 'ゝ', 'ヤ', 'マ', 'ダ', 'ヽ', 'ー', '・',
	'ﾔ', 'ﾏ', 'ﾀ', 'ﾞ', 'ﾟ', '\u3099', '\u0301', 'か',
	'山', '田', '髙', '々', '㈱', '①',
	' ', '\u3000', '\u00a0', '\t', '\n', '\u2028', '\u200b', '\ufeff',
	'İ', 'ß', 'Σ',
	'𠮷', '😀', '\ud800',
	keySeparator
);
const text = fc.string({ unit, maxLength: 6 });
// Parts of plain text too (the one-pass path): ASCII, spaces, kana and kanji, the edges of each range
// of plain characters, and the characters just outside them.
const plainUnit = fc.constantFrom(
	'a', 'B', 'Z', '@', '[', '`', '{', '0', '5', '-', '!', '~', ' ', '\u3000', 'や', 'ヤ', 'ゞ', '山', '々',
	'\u3041', '\u3096', '\u309d', '\u309e', '\u30a0', '\u30fe', '\u4e00', '\u9fff',
	'\u001f', '\u007f', '\u3006', '\u3040', '\u3097', '\u309b', '\u309f', '\u30ff', '\u4dff', '\ua000'
);
const plainText = fc.string({ unit: plainUnit, maxLength: 6 });

/** The search's reference: each value's own key, matched with `includes`. */
function expectedSeqs(values: string[], rule: KeyRule, needle: string, firstSeq: number): number[] {
	return values.flatMap((value, i) => (rule.keyOf(value.replaceAll(keySeparator, '')).includes(needle) ? [firstSeq + i] : []));
}

function found(values: string[], rule: KeyRule, needle: string, firstSeq = 0): number[] {
	const column = packTexts(values);
	const seqs: number[] = [];
	findInPart(partKeyOf(column, rule), column, needle, firstSeq, seqs);
	return seqs;
}

describe('part keys: one key text per part, matched at positions', () => {
	it.each(rules)('%s keys find exactly the values whose own key holds the needle, for any text', (_name, rule) => {
		fc.assert(
			fc.property(fc.oneof(fc.array(text, { maxLength: 12 }), fc.array(plainText, { maxLength: 12 })), fc.nat(), fc.nat(), fc.nat(), fc.nat({ max: 50 }), (values, pick, from, length, firstSeq) => {
				const keys = values.map((value) => rule.keyOf(value.replaceAll(keySeparator, '')));
				// A needle from the keys themselves (one key's part, or across two neighbours) or any text.
				const joined = keys.join('');
				const start = joined.length === 0 ? 0 : from % joined.length;
				const needles = [joined.slice(start, start + 1 + (length % 8)), rule.keyOf(values[pick % Math.max(1, values.length)] ?? 'x'), 'a', 'ヤ', '0'];
				for (const needle of needles.filter((n) => n !== '')) expect(found(values, rule, needle, firstSeq)).toEqual(expectedSeqs(values, rule, needle, firstSeq));
			})
		);
	});

	it.each<[string, string[], string, number[]]>([
		// The end of one value and the start of the next never make a match.
		['a needle spanning two values', ['ab', 'cd'], 'bc', []],
		['one spanning three', ['a', 'b', 'c'], 'abc', []],
		['a spanning one, a whole one later', ['xab', 'cz', 'abc'], 'abc', [2]],
		['spanning an empty value', ['ab', '', 'cd'], 'bc', []],
		['only empty values', ['', '', ''], 'a', []],
		['a match once per value', ['abab', 'ab'], 'ab', [0, 1]],
		['after a straddle, one in the same value', ['xa', 'bab'], 'ab', [1]],
		['spaces dropped inside a value, not across', ['山田 ', ' 花子'], '田花', []],
		['spaces dropped inside a value', ['山 田', '花子'], '山田', [0]]
	])('%s', (_name, values, needle, expected) => {
		expect(found(values, { keyOf: nameKey, isDigitsOnly: false }, needle)).toEqual(expected);
	});

	it.each<[string, string[], string, number[]]>([
		['hyphens dropped inside a value', ['090-1234', '5678'], '0901234', [0]],
		['never across two values', ['090-12', '34'], '1234', []]
	])('phones: %s', (_name, values, needle, expected) => {
		expect(found(values, { keyOf: phoneKey, isDigitsOnly: true }, needle)).toEqual(expected);
	});

	// Memory: a part whose keys keep their values' lengths reuses the packed column's ends, and when no
	// character changes, its very text: no string or array per customer, none per part beyond that.
	it.each<[string, KeyRule, string[], boolean, boolean]>([
		['lower-case e-mails: the text itself', { keyOf: emailKey, isDigitsOnly: false }, ['a@b.jp', 'c@d.jp'], true, true],
		['upper-case 連携用IDs: a lower-case copy, the same ends', { keyOf: identifierKey, isDigitsOnly: false }, ['C0000001', 'C0000002'], false, true],
		['names with spaces: own ends', { keyOf: nameKey, isDigitsOnly: false }, ['山田 花子', 'やまだ　はなこ'], false, false],
		['half-width kana: keyed value by value', { keyOf: nameKey, isDigitsOnly: false }, ['ﾔﾏﾀﾞ', 'ﾀﾛｳ'], false, false]
	])('%s', (_name, rule, values, isSameText, isSharedEnds) => {
		const column = packTexts(values);
		const key = partKeyOf(column, rule);
		expect([key.text === column.text, key.ends === null]).toEqual([isSameText, isSharedEnds]);
		expect(key.text).toBe(values.map((value) => rule.keyOf(value)).join(''));
	});
});
