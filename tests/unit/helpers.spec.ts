import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Encoding from 'encoding-japanese';
import { bytesText, sjis } from './helpers';

// The tests' own Shift_JIS encoder encodes ASCII runs natively and the rest with encoding-japanese:
// it must give encoding-japanese's bytes for the whole text, so the tests keep an oracle of their own.
describe("the tests' Shift_JIS encoder", () => {
	const pieces = fc.constantFrom('', 'US-00010000,111,VISA,2912,tok', ' ', '\r\n', '\\', '~', '\x00', '\x7f', '\x80', 'ｱ', '日本', '髙', '①', '—', '¥', '𠮷', '\ud800', 'Ａ', 'ー');
	it('gives the bytes encoding-japanese gives for the whole text, for any mix of ASCII and other characters', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 12 }), (parts) => {
				const text = parts.join('');
				const whole = Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
				expect(bytesText(sjis(text))).toBe(bytesText(whole));
			}),
			{ numRuns: 300 }
		);
	});
});

describe('bytes compared as text', () => {
	it.each([
		['the same bytes', [1, 2, 255], [1, 2, 255], true],
		['one byte differs', [1, 2, 255], [1, 2, 254], false],
		['one byte more', [1, 2], [1, 2, 0], false],
		['empty and empty', [], [], true]
	])('%s', (_, a, b, same) => {
		expect(bytesText(Uint8Array.from(a)) === bytesText(Uint8Array.from(b))).toBe(same);
	});
	it('keeps null apart from no bytes, and reads a view from its offset', () => {
		expect(bytesText(null)).toBeNull();
		expect(bytesText(new Uint8Array(0))).toBe('');
		expect(bytesText(Uint8Array.of(9, 1, 2, 9).subarray(1, 3))).toBe(bytesText(Uint8Array.of(1, 2)));
	});
});
