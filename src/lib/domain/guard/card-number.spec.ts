import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexOfLongDigitRun, indexOfLongDigitRunInAscii } from './card-number';

// The digit-run scan runs on text (the reader's buffers) and on ASCII bytes (the plain-line path of
// step d): both must find the same run at the same place, for any text, bounds and run length, or a
// line the text path would send to the guard could pass the byte path unlooked at.

// Characters of a hand-made class (independent of the guard's table): digits, separators, others.
const digits = ['0', '1', '4', '9', '４', '٣'];
const separators = [' ', '-', '.', '/', '\t', '\r', '\n', '\u3000', 'ー', '\u200b', '\u00a0'];
const others = ['a', 'Z', ',', '"', '=', '日', '\x00', '\x7f'];
const asciiOnly = (chars: string[]) => chars.filter((c) => c.charCodeAt(0) < 0x80);

/**
 * A text of digits, separators and other characters: often enough other characters that stretches
 * of every length, exactly `min` included, sit anywhere between the scan's probes.
 */
const textOf = (chars: { digits: string[]; separators: string[]; others: string[] }) =>
	fc
		.array(
			fc.oneof(
				{ weight: 5, arbitrary: fc.constantFrom(...chars.digits) },
				{ weight: 2, arbitrary: fc.constantFrom(...chars.separators) },
				{ weight: 2, arbitrary: fc.constantFrom(...chars.others) },
				{ weight: 1, arbitrary: fc.constant('\r\n') }
			),
			{ maxLength: 60 }
		)
		.map((parts) => parts.join(''));

/** Groups of digits with what stands between them: one separator, a CR LF pair, two, or something else. */
const groupsOf = (chars: { digits: string[]; separators: string[]; others: string[] }) =>
	fc
		.array(
			fc.tuple(
				fc.array(fc.constantFrom(...chars.digits), { minLength: 1, maxLength: 8 }),
				fc.constantFrom('', '\r\n', '\r\n\r\n', ...chars.separators, ...chars.separators.map((c) => c + c), ...chars.others)
			),
			{ maxLength: 8 }
		)
		.map((groups) => groups.map(([run, gap]) => run.join('') + gap).join(''));

const anyText = (chars: { digits: string[]; separators: string[]; others: string[] }) => fc.oneof(textOf(chars), groupsOf(chars));

const isDigit = (c: string) => digits.includes(c);
const isSeparator = (c: string) => separators.includes(c);

/**
 * The rule written plainly: in each stretch of digits and separators (from `from` to the end), a
 * CR LF pair is one separator, two separators in a row split it, and a piece with `min` digits is a
 * run; the answer is where its stretch begins.
 */
function firstRunModel(text: string, from: number, min: number): number {
	let start = from;
	while (start < text.length) {
		if (!isDigit(text[start]) && !isSeparator(text[start])) {
			start++;
			continue;
		}
		let end = start;
		while (end < text.length && (isDigit(text[end]) || isSeparator(text[end]))) end++;
		const stretch = text.slice(start, end).replaceAll('\r\n', '\r');
		const pieces = stretch.split(/[^0-9４٣]{2,}/u);
		if (pieces.some((piece) => [...piece].filter(isDigit).length >= min)) return start;
		start = end;
	}
	return -1;
}

describe('the digit-run scan', () => {
	it('finds in ASCII bytes what it finds in their text, for any text, bounds and run length', () => {
		const ascii = anyText({ digits: asciiOnly(digits), separators: asciiOnly(separators), others: asciiOnly(others) });
		fc.assert(
			// Half the time the scan runs to the end, as the plain-line path asks for a whole line.
			fc.property(ascii, fc.nat(), fc.option(fc.nat()), fc.integer({ min: 1, max: 16 }), (text, a, b, min) => {
				const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
				const to = b === null ? text.length : b % (text.length + 1);
				const from = to === 0 ? 0 : a % (to + 1);
				expect(indexOfLongDigitRunInAscii(bytes, from, to, min)).toBe(indexOfLongDigitRun(text.slice(0, to), from, min));
			}),
			{ numRuns: 1000 }
		);
	});

	it('finds the first run the rule describes, in any script of digits and separators', () => {
		fc.assert(
			fc.property(anyText({ digits, separators, others }), fc.nat(), fc.integer({ min: 1, max: 16 }), (text, a, min) => {
				const from = a % (text.length + 1);
				expect(indexOfLongDigitRun(text, from, min)).toBe(firstRunModel(text, from, min));
			}),
			{ numRuns: 500 }
		);
	});

	it.each([
		['13 digits', 'ab1234567890123', 2],
		['12 digits', 'ab123456789012', -1],
		['single separators', 'x4111 1111-1111.1', 1],
		['a CR LF pair as one separator', '41111\r\n11111111', 0],
		['two separators split the run', '411111--11111111', -1],
		['full-width digits and an ideographic space', '４１１１\u3000１１１１１１１１１', 0]
	])('%s', (_, text, expected) => {
		expect(indexOfLongDigitRun(text)).toBe(expected);
	});
});
