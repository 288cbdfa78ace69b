import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiRowEnd, asciiText } from './plain-bytes';

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

// The rows the byte path may hand to the card rules as text: each case is one way a line is or is
// not a data row of five unquoted ASCII cells the CSV reader would hand over unsplit.
describe('asciiRowEnd', () => {
	it.each<[string, string, boolean]>([
		['a warned row (brand case)', 'US-00010000,111,Visa,2912,tok\r\n', true],
		['a warned row (space before the token), LF', 'US-00010000,11,VISA,202912, tok\n', true],
		['an erroneous row still has five cells', 'x,,,,y\r\n', true],
		['five cells of which one holds a letter', ',,,,a\n', true],
		['blank: five cells of nothing', ',,,,\r\n', false],
		['blank: five cells of spaces', ' , ,  , , \r\n', false],
		['four cells', 'US-00010000,111,VISA,2912\r\n', false],
		['six cells', 'US-00010000,111,VISA,2912,tok,memo\r\n', false],
		['a quote', 'US-00010000,111,VISA,2912,"tok"\r\n', false],
		['a tab', 'US-00010000,111,VISA,2912,\ttok\r\n', false],
		['DEL', 'US-00010000,111,VISA,2912,tok\x7f\r\n', false],
		['a byte past ASCII', 'US-00010000,111,VISA,2912,tok\xe3\r\n', false],
		['no line end before the limit', 'US-00010000,111,VISA,2912,tok', false]
	])('%s (taken: %s)', (_name, line, isTaken) => {
		// Taken: the index of the CR or LF that ends it.
		expect(asciiRowEnd(ascii(line), 0, line.length, 4)).toBe(isTaken ? line.search(/[\r\n]/) : -1);
	});

	it('reads from `start` and stops at `limit`', () => {
		const bytes = ascii('xx,a,b,c,d,e\r\nrest');
		expect(asciiRowEnd(bytes, 3, bytes.length, 4)).toBe(12);
		expect(asciiRowEnd(bytes, 3, 12, 4)).toBe(-1);
	});
});

describe('asciiText', () => {
	it('is the bytes as characters, one a byte, at any length (reused arrays and pieces alike)', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 }), fc.nat(5), (text, at) => {
				const bytes = ascii('.'.repeat(at) + text + '..');
				expect(asciiText(bytes, at, at + text.length)).toBe(text);
			})
		);
		const long = 'US-00010000,'.repeat(2000);
		expect(asciiText(ascii(long), 0, long.length)).toBe(long);
	});
});
