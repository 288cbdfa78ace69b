import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainAscii } from './byte-decoder';

/** The rule, one byte at a time: below 0x7F and not 0x1A. */
const plainByByte = (bytes: Uint8Array) => bytes.every((byte) => byte < 0x7f && byte !== 0x1a);

// Bytes near each edge of the rule, so that words holding them come up often.
const edgeByte = fc.constantFrom(0x00, 0x01, 0x0a, 0x0d, 0x19, 0x1a, 0x1b, 0x20, 0x41, 0x7e, 0x7f, 0x80, 0x81, 0x9a, 0xfe, 0xff);

describe('isPlainAscii (four bytes at a time)', () => {
	it('says what the byte-by-byte rule says, at any offset and length in its buffer', () => {
		fc.assert(
			fc.property(
				fc.array(fc.oneof(edgeByte, fc.integer({ min: 0x20, max: 0x7e })), { maxLength: 64 }).map((bytes) => Uint8Array.from(bytes)),
				fc.nat(7),
				fc.nat(7),
				(bytes, start, cut) => {
					const slice = bytes.subarray(Math.min(start, bytes.length), Math.max(Math.min(start, bytes.length), bytes.length - cut));
					expect(isPlainAscii(slice)).toBe(plainByByte(slice));
				}
			),
			{ numRuns: 3000 }
		);
	});

	it.each([
		['a plain line', 'US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1\r\n', true],
		['0x1A in the middle of a word', 'abcd\x1aefgh', false],
		['0x7F as the last byte', 'abcdefg\x7f', false],
		['0x80 in the first word', 'a\x80bcdefgh', false]
	])('%s', (_, text, expected) => {
		const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0));
		expect(isPlainAscii(bytes)).toBe(expected);
	});
});
