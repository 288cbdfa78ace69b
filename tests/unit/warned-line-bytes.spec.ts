import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createYamatoReturnConverter, joinBytes } from '$lib/domain';
import type { YamatoReturnOptions } from '$lib/domain/convert/yamato-return-converter';
import { emptyWarnedCardLine, readWarnedCardBytes } from '$lib/domain/convert/warned-card-bytes';
import { bytesText, pieces, returnHeader, sjis, today, utf8 } from './helpers';

// Step d reads a row that passes with warnings only from its bytes (no row text, no cell strings):
// these properties hold it to the general path's output bytes and problems, row for row, for the
// warned classes of SPEC "Repairs shown as warnings" and their neighbours that are errors.

// The encoding is settled on the first 64 KiB: a blank line of spaces first, then plain rows, so
// the rows of the property meet the byte path (see plain-line-bytes.spec.ts).
const blank = ' '.repeat(70_000);
const padding = Array.from({ length: 40 }, (_, i) => `US-${String(10000 + i).padStart(8, '0')},${String(i).padStart(3, '0')},VISA,2912,Tok${String(i).padStart(27, 'x')}`);

// Every kind of space of SPEC's class but the line ends (which end a record): only U+0020 stays on
// the byte path, the others go to the rules; a Shift_JIS file holds the ASCII ones and U+3000 only.
const utf8Spaces = [' ', '\t', '\v', '\f', '\u0085', '\u00a0', '\u1680', '\u180e', '\u2000', '\u2005', '\u200a', '\u200b', '\u200c', '\u200d', '\u2028', '\u2029', '\u202f', '\u205f', '\u2060', '\u3000', '\ufeff'];
const sjisSpaces = [' ', '\t', '\v', '\f', '\u3000'];

const padded = (value: fc.Arbitrary<string>, spaces: string[]) =>
	fc
		.record({
			value,
			before: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 2, arbitrary: fc.array(fc.constantFrom(...spaces), { minLength: 1, maxLength: 2 }).map((s) => s.join('')) }),
			after: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.array(fc.constantFrom(...spaces), { minLength: 1, maxLength: 2 }).map((s) => s.join('')) })
		})
		.map(({ value, before, after }) => before + value + after);

// A brand in any mix of case; now and then an alias or another width the rules know, or none.
const brand = fc.oneof(
	{ weight: 6, arbitrary: fc.tuple(fc.constantFrom('VISA', 'MASTER', 'JCB', 'AMEX', 'DINERS'), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })).map(([name, lower]) => [...name].map((c, i) => (lower[i] ? c.toLowerCase() : c)).join('')) },
	{ weight: 1, arbitrary: fc.constantFrom('MasterCard', 'Master Card', 'American Express', 'Diners Club', 'ｖｉｓａ', 'VIS', 'VISAA', 'V1SA', '') }
);
const digits = (min: number, max: number) => fc.integer({ min, max }).map(String);
const tail = fc.oneof(digits(0, 9), digits(0, 99).map((d) => d.padStart(2, '0')), digits(0, 999).map((d) => d.padStart(3, '0')), fc.constantFrom('1111', 'a1', '', '１１'));
// YYMM, padded 3 digits, YYYYMM, expired ones (today is 2026-11-28), and errors beside them.
const expiry = fc.oneof(
	fc.tuple(digits(0, 40), digits(1, 12)).map(([y, m]) => y.padStart(2, '0') + m.padStart(2, '0')),
	fc.tuple(digits(0, 9), digits(1, 12)).map(([y, m]) => y + m.padStart(2, '0')),
	fc.tuple(digits(0, 40), digits(1, 12)).map(([y, m]) => `20${y.padStart(2, '0')}${m.padStart(2, '0')}`),
	fc.constantFrom('2301', '2610', '2611', '0001', '2913', '2900', '192912', '212912', '1225', '29/12', '２９１２', '12345', '')
);
const token = fc.oneof(
	{ weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9][!#-+\--~]{0,35}$/) },
	{ weight: 1, arbitrary: fc.constantFrom('-tok', 'to k', 'tokｘ', '') }
);
const customerId = fc.oneof(
	{ weight: 6, arbitrary: fc.integer({ min: 10000, max: 10060 }).map((n) => `US-${String(n).padStart(8, '0')}`) },
	{ weight: 1, arbitrary: fc.constantFrom('US-0001000', 'us-00010000', 'US-1.2E+07', '') }
);

const row = (spaces: string[]) =>
	fc.tuple(padded(customerId, spaces), padded(tail, spaces), padded(brand, spaces), padded(expiry, spaces), padded(token, spaces)).map((cells) => cells.join(','));

const file = fc.boolean().chain((isUtf8) =>
	fc.record({
		isUtf8: fc.constant(isUtf8),
		rows: fc.array(fc.tuple(row(isUtf8 ? utf8Spaces : sjisSpaces), fc.constantFrom('\r\n', '\n')), { minLength: 1, maxLength: 50 })
	})
);

const options = fc.record({
	header: fc.boolean(),
	outputEncoding: fc.constantFrom('shift_jis' as const, 'utf-8-bom' as const),
	hasList: fc.boolean(),
	// Listed problems under a cap too: the same ones listed, the same counted past it.
	maxProblems: fc.constantFrom(undefined, 3, 40)
});

function convert(input: Uint8Array, cuts: number[], opts: YamatoReturnOptions, usePlainLineShortcut: boolean) {
	const converter = createYamatoReturnConverter({ ...opts, today, usePlainLineShortcut, problemMessages: false });
	const parts = pieces(input, cuts).map((part) => converter.push(part));
	const last = converter.finish();
	return { output: last.output === null ? null : joinBytes([...parts, last.output]), report: last.report };
}

describe('warned rows on the byte path of step d', () => {
	it('give the same output bytes and problems (code, row, column, params) as the general path, in any chunking', () => {
		fc.assert(
			fc.property(file, options, fc.nat(2_000), fc.array(fc.nat(), { maxLength: 6 }), (f, o, settled, others) => {
				const text = [returnHeader, blank, ...padding].join('\r\n') + '\r\n' + f.rows.map(([r, end]) => r + end).join('');
				const input = f.isUtf8 ? utf8(text) : sjis(text);
				const customerIds = o.hasList ? new Set(Array.from({ length: 50 }, (_, i) => `US-${String(10000 + i).padStart(8, '0')}`)) : undefined;
				const opts: YamatoReturnOptions = { header: o.header, outputEncoding: o.outputEncoding, customerIds, maxProblems: o.maxProblems };
				const general = convert(input, [], opts, false);
				const fast = convert(input, [blank.length + 200 + settled, ...others], opts, true);
				expect(fast.report).toEqual(general.report);
				expect(bytesText(fast.output)).toBe(bytesText(general.output));
			}),
			{ numRuns: 300 }
		);
	}, 120_000);
});

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('readWarnedCardBytes', () => {
	// Which rows of five ASCII cells the byte reader takes: every one the rules pass with warnings
	// only; any the rules would fail, or repair otherwise, it leaves to them.
	it.each<[string, string, boolean]>([
		['a plain row', 'US-00010000,111,VISA,2912,tok', true],
		['a brand in lower case', 'US-00010000,111,visa,2912,tok', true],
		['a brand in mixed case', 'US-00010000,111,DiNeRs,2912,tok', true],
		['a tail of one digit', 'US-00010000,7,JCB,2912,tok', true],
		['a tail of two digits', 'US-00010000,07,AMEX,2912,tok', true],
		['YYYYMM', 'US-00010000,111,VISA,202912,tok', true],
		['an expiry of three digits', 'US-00010000,111,VISA,912,tok', true],
		['an expired card', 'US-00010000,111,VISA,2301,tok', true],
		['spaces around every value', ' US-00010000 ,  111 , VISA , 2912 ,  tok ', true],
		['an alias the rules know', 'US-00010000,111,MasterCard,2912,tok', false],
		['a brand spelt wrong', 'US-00010000,111,VISAA,2912,tok', false],
		['a tail of four digits', 'US-00010000,1111,VISA,2912,tok', false],
		['month 13', 'US-00010000,111,VISA,2913,tok', false],
		['YYYYMM of another century', 'US-00010000,111,VISA,192912,tok', false],
		['five digits', 'US-00010000,111,VISA,29120,tok', false],
		['a missing value', 'US-00010000,,VISA,2912,tok', false],
		['a value of spaces', 'US-00010000,   ,VISA,2912,tok', false],
		['a space inside the token', 'US-00010000,111,VISA,2912,to k', false],
		['a token starting with a dash', 'US-00010000,111,VISA,2912,-tok', false],
		['a space inside the ID', 'US-0001 0000,111,VISA,2912,tok', false],
		['an ID in lower case', 'us-00010000,111,VISA,2912,tok', false]
	])('%s (taken: %s)', (_name, line, isTaken) => {
		// Taken: the index of the CR or LF that ends it.
		expect(readWarnedCardBytes(ascii(`${line}\r\n`), 0, line.length + 2, emptyWarnedCardLine())).toBe(isTaken ? line.length : -1);
	});

	it.each<[string, string]>([
		['no line end before the limit', 'US-00010000,111,visa,2912,tok'],
		['six cells', 'US-00010000,111,visa,2912,tok,memo\r\n'],
		['four cells', 'US-00010000,111,visa,2912\r\n'],
		['a quote in the token', 'US-00010000,111,visa,2912,to"k\r\n'],
		['a tab before the token', 'US-00010000,111,visa,2912,\ttok\r\n'],
		['DEL in the token', 'US-00010000,111,visa,2912,tok\x7f\r\n'],
		['a byte past ASCII in the token', 'US-00010000,111,visa,2912,tok\xe3\r\n']
	])('takes no line the CSV reader would not hand over as five plain cells: %s', (_name, line) => {
		expect(readWarnedCardBytes(ascii(line), 0, line.length, emptyWarnedCardLine())).toBe(-1);
	});

	it('ends a line at LF or a lone CR, read from `start`', () => {
		const bytes = ascii('xx US-00010000,7,Jcb,912,tok\nUS-00010001,7,JCB,2912,tok\r');
		expect(readWarnedCardBytes(bytes, 3, bytes.length, emptyWarnedCardLine())).toBe(28);
		expect(readWarnedCardBytes(bytes, 29, bytes.length, emptyWarnedCardLine())).toBe(bytes.length - 1);
	});
});
