import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlainCardBytes, readPlainCardLine, type PlainCardLine } from './plain-card-line';

// 2026-11 as a month index (year × 12 + month − 1), the month the rules compare expiries with.
const todayMonth = 2026 * 12 + 10;
const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const fresh = (): PlainCardLine => ({ customerKey: -1, brandEnd: -1, isYymmOnly: false, expired: -2 });

// Cells around the plain shape, right or off by one character, one cell, one digit: every place a
// byte-level reading could drift from the text's (a length, a bound, a character class).
const cell = (good: string[], off: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...off) });
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 12 });
const line = fc
	.tuple(
		cell(['US-00010000', 'US-99999999', 'US-12345678'], ['US-1234567', 'US-123456789', 'us-12345678', 'UX-12345678', 'US-1234567a', '']),
		cell(['000', '111', '999'], ['11', '1111', 'a11', '']),
		cell(['VISA', 'MASTER', 'JCB', 'AMEX', 'DINERS'], ['VIS', 'VISAA', 'MASTE', 'JCBB', 'Visa', 'AMEZ', 'DINERZ', '']),
		cell(['2612', '2611', '9912', '0001'], ['2610', '2600', '2613', '261', '26120', '2a12', '']),
		fc.tuple(fc.constantFrom('A', 'z', '0', '9', '-', '"', ' ', '~', ''), printable).map(([first, rest]) => first + rest),
		fc.constantFrom('', ',', ',x'),
		// Now and then a cell boundary missing or moved (four cells, or one too wide).
		fc.constantFrom(',', ',', ',', ',', '', ';', 'A')
	)
	.map(([id, tail, brand, expiry, token, extra, beforeToken]) => `${id},${tail},${brand},${expiry}${beforeToken}${token}${extra}`);

describe('readPlainCardBytes', () => {
	it('takes exactly the lines readPlainCardLine takes, with the same facts, and ends them at their line break', () => {
		fc.assert(
			fc.property(line, fc.constantFrom('\n', '\r\n', '\r'), printable, (text, ending, after) => {
				const byText = fresh();
				const byBytes = fresh();
				const isPlain = readPlainCardLine(text, todayMonth, byText);
				const bytes = ascii(text + ending + after);
				const end = readPlainCardBytes(bytes, 0, bytes.length, todayMonth, byBytes);
				expect(end).toBe(isPlain ? text.length : -1);
				if (isPlain) expect(byBytes).toEqual(byText);
			}),
			{ numRuns: 2000 }
		);
	});

	it.each([
		['last month', '2610', 2610],
		['this month', '2611', -1],
		['next month', '2612', -1],
		['December 2000', '0012', 12],
		['January 2001', '0101', 101],
		['December 2099', '9912', -1]
	])('takes a card that expired as one that did not, and says when it expired (%s)', (_, expiry, expired) => {
		const text = `US-00010000,111,VISA,${expiry},Tok123`;
		const byText = fresh();
		const byBytes = fresh();
		expect(readPlainCardLine(text, todayMonth, byText)).toBe(true);
		expect(readPlainCardBytes(ascii(`${text}\n`), 0, text.length + 1, todayMonth, byBytes)).toBe(text.length);
		expect(byText.expired).toBe(expired);
		expect(byBytes).toEqual(byText);
	});

	it('reads a line at any offset, and not one whose line break is past the limit', () => {
		const text = 'US-00010000,111,VISA,2612,Tok123';
		const bytes = ascii(`junk\n${text}\r\n`);
		const out = fresh();
		expect(readPlainCardBytes(bytes, 5, bytes.length, todayMonth, out)).toBe(5 + text.length);
		// 26 is no month: the expiry reads as YYMM only.
		expect(out).toEqual({ customerKey: 10000, brandEnd: 5 + 20, isYymmOnly: true, expired: -1 });
		expect(readPlainCardBytes(bytes, 5, 5 + text.length, todayMonth, fresh())).toBe(-1);
	});
});
