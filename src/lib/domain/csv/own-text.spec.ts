import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownSlice, ownText } from './own-text';

describe('ownText', () => {
	it.each(['', 'a', 'C0000001', 'user1@example.jp', '佐藤 太郎', 'x'.repeat(12), 'x'.repeat(13), 'é'.repeat(300), 'x'.repeat(256), 'user1@example.jpあ', '𠮷野家の住所は東京都千代田区１－２－３'])('is equal to %j', (text) => {
		expect(ownText(text)).toBe(text);
	});

	it('is equal to any text, cut from a longer one or not', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: fc.constantFrom('a', '@', 'é', 'ÿ', 'あ'), maxLength: 300 })), fc.nat(40), fc.nat(300), (text, from, length) => {
				const cut = text.slice(from, from + length);
				expect(ownText(cut)).toBe(cut);
				expect(ownText(text)).toBe(text);
			})
		);
	});

	it('ownSlice is the cut, for any bounds of any text', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: fc.constantFrom('a', '@', 'é', 'ÿ', 'あ', ','), maxLength: 300 })), fc.nat(300), fc.nat(300), (text, a, b) => {
				const [start, end] = a <= b ? [a, b] : [b, a];
				expect(ownSlice(text, start, end)).toBe(text.slice(start, end));
			})
		);
	});
});
