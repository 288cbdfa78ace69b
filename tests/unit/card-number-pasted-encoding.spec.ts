import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	buildLinkageCsv,
	createByteDecoder,
	createCardImportChecker,
	createOldCartCustomerParser,
	createYamatoReturnConverter,
	separatorClasses
} from '$lib/domain';
import { extractRows, headerRuleOf } from '$lib/domain/failed-rows';
import { expectRefusedUpload } from './refused-upload';
import { BrowserTextDecoder, cardPrefixes, fixture, luhnDigit, sjis, today, pieces } from './helpers';

// SPEC "Refused outright": no full card number is kept, shown or exported. A number copied from a
// web page or chat (UTF-8) into a row of a Shift_JIS file keeps its ASCII digits, but its
// separators are UTF-8 bytes: in Shift_JIS they read as mojibake (U+3000 E3 80 80 → 「縲」 and, in
// browsers, U+0080; ー E3 83 BC → 「繝ｼ」; · C2 B7 → 「ﾂｷ」), often without any decoding error. The
// guard, one separator between digit groups, must still see the number; and so in a UTF-8 file
// with Shift_JIS separators (81 40, 81 5B, 81 7C). Every case runs twice: with Node's Shift_JIS
// decoder (refuses 0x80) and with the WHATWG one that browsers run (0x80 is U+0080).

const enc = (text: string) => new TextEncoder().encode(text);
const cat = (...parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts));

/** Every non-ASCII BMP character of the guard's separator classes. */
const separators: string[] = [];
for (let code = 0x80; code < 0x10000; code++) {
	if (code >= 0xd800 && code <= 0xdfff) continue;
	const char = String.fromCharCode(code);
	if (Object.values(separatorClasses).some((pattern) => pattern.test(char))) separators.push(char);
}
/** The separators Shift_JIS can write (each as it reads back). */
const sjisSeparators = separators.filter((c) => new TextDecoder('shift_jis').decode(sjis(c)) === c);

const decoders = {
	'Node’s Shift_JIS decoder': null,
	'the WHATWG Shift_JIS decoder of browsers': BrowserTextDecoder
};

/** Runs the describe's tests with `decoder` as the global TextDecoder. */
function withDecoder(decoder: typeof BrowserTextDecoder | null) {
	// Before each test: the suite's config restores stubbed globals after every test.
	beforeEach(() => {
		if (decoder) vi.stubGlobal('TextDecoder', decoder);
	});
	afterEach(() => {
		vi.unstubAllGlobals();
	});
}

type Outcome = { refused: boolean; problems: { row: number; column: number; code: string }[]; shown: string };

const kinds = {
	'Yamato return file': {
		text: () => new TextDecoder('shift_jis').decode(fixture('yamato-return.sjis.csv')),
		rule: headerRuleOf('card-file'),
		run(input: Uint8Array, cuts: number[]): Outcome {
			const converter = createYamatoReturnConverter({ encoding: 'auto', today });
			const out = pieces(input, cuts).map((part) => converter.push(part));
			const { output, report } = converter.finish();
			const shown = Buffer.concat([...out, output ?? new Uint8Array()]).toString('latin1') + JSON.stringify(report);
			return { ...report, shown };
		}
	},
	'store customer list': {
		text: () => new TextDecoder('shift_jis').decode(fixture('store-customer-list.sjis.csv')),
		rule: headerRuleOf('linkage'),
		run(input: Uint8Array): Outcome {
			const { output, report } = buildLinkageCsv(input);
			return { ...report, shown: Buffer.from(output ?? new Uint8Array()).toString('latin1') + JSON.stringify(report) };
		}
	},
	'old-cart customer file': {
		text: () => new TextDecoder('utf-8').decode(fixture('oldcart-customers.utf8bom.csv')).replace(/^\ufeff/, ''),
		rule: headerRuleOf('customers'),
		run(input: Uint8Array, cuts: number[]): Outcome {
			const parser = createOldCartCustomerParser({ encoding: 'auto' });
			const customers = pieces(input, cuts).flatMap((part) => parser.push(part));
			const { customers: last, report } = parser.finish();
			return { ...report, shown: JSON.stringify([customers, last, report]) };
		}
	},
	'9-column card import file': {
		text: () => new TextDecoder('shift_jis').decode(fixture('yamato-return.card-import.expected.sjis.csv')),
		rule: headerRuleOf('cards'),
		run(input: Uint8Array, cuts: number[]): Outcome {
			const checker = createCardImportChecker({ encoding: 'auto', today });
			const cards = pieces(input, cuts).flatMap((part) => checker.push(part));
			const { cards: last, report } = checker.finish();
			return { ...report, shown: JSON.stringify([cards, last, report]) };
		}
	}
};
// Read once with Node's decoder, before any test swaps it.
const kindRows = Object.fromEntries(Object.entries(kinds).map(([name, kind]) => [name, kind.text().split(/\r?\n/).filter(Boolean)]));

type FileEncoding = 'shift_jis' | 'utf-8';

/**
 * A file of `kind`'s fixture rows in `file` encoding (a UTF-8 file with its BOM), with `card` (its
 * bytes as pasted) as the whole of cell `column` of row `row` (0-based; row 0 is the header).
 */
function fileWith(rows: string[], file: FileEncoding, row: number, column: number, card: Uint8Array): Uint8Array {
	const encode = (text: string) => (file === 'utf-8' ? enc(text) : sjis(text));
	const cells = rows[row].split(',');
	const before = [...rows.slice(0, row), [...cells.slice(0, column), ''].join(',')].join('\r\n');
	const after = ['', ...cells.slice(column + 1)].join(',').slice(cells.length > column + 1 ? 0 : 1);
	return cat(
		file === 'utf-8' ? Uint8Array.of(0xef, 0xbb, 0xbf) : new Uint8Array(0),
		encode(before),
		card,
		encode(`${after}\r\n${rows.slice(row + 1).join('\r\n')}\r\n`)
	);
}

/** The card number as pasted: digit groups, each separator written in the encoding the file is not. */
function pasted(groups: string[], seps: string[], file: FileEncoding, wide = false): Uint8Array {
	const parts: Uint8Array[] = [];
	groups.forEach((group, i) => {
		if (i > 0) parts.push(file === 'shift_jis' ? enc(seps[(i - 1) % seps.length]) : sjis(seps[(i - 1) % seps.length]));
		parts.push(wide ? sjis(group.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))) : enc(group));
	});
	return cat(...parts);
}

/** No run of the number's digit groups, whatever stands between them, in what is shown or stored. */
function expectNoDigitsOf(groups: string[], shown: string) {
	const digitRun = new RegExp(groups.join('[^0-9]{0,8}'));
	expect(shown).not.toMatch(digitRun);
}

const groups = ['4111', '1111', '1111', '1111'];
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe.each(Object.entries(decoders))('with %s', (_, decoder) => {
	withDecoder(decoder);

	// Each separator named by the operators' reports, and the ones that decode without error.
	const utf8Cases = [
		'\u3000', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u30fc', '\uff0d', '\u2212', '\u00a0',
		'\u00b7', '\u00ad', '\u30fb', '\uff0e', '\uff0f', '\u3002', '\u2003', '\u200b', '\ufeff', '\uff5e', '\u301c', '\u2060'
	];
	const sjisCases = ['\u3000', '\u30fc', '\u2212', '\uff0d', '\u30fb', '\uff0f', '\uff0e', '\u2010', '\u2015'].filter((c) => sjisSeparators.includes(c));
	const codePoint = (sep: string) => `U+${sep.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
	// A row of one encoding with the separator's bytes of the other: [file, separator, its encoding, sep, file encoding].
	const crossCases: [string, string, string, string, 'shift_jis' | 'utf-8'][] = [
		...utf8Cases.map((sep): [string, string, string, string, 'shift_jis'] => ['Shift_JIS', `${codePoint(sep)} (${hex(enc(sep))})`, 'UTF-8', sep, 'shift_jis']),
		...sjisCases.map((sep): [string, string, string, string, 'utf-8'] => ['UTF-8', `${codePoint(sep)} (${hex(sjis(sep))})`, 'Shift_JIS', sep, 'utf-8'])
	];
	it.each(crossCases)('a %s row with a card number separated by %s in %s: refused at its row and column, nothing shown', (_file, _label, _other, sep, encoding) => {
		const rows = kindRows['old-cart customer file'];
		const input = fileWith(rows, encoding, 3, 2, pasted(groups, [sep], encoding));
		const outcome = kinds['old-cart customer file'].run(input, []);
		expect(outcome.refused).toBe(true);
		expect(outcome.problems.filter((p) => p.code === 'card-number-found').map((p) => [p.row, p.column])).toEqual([[4, 3]]);
		expectNoDigitsOf(groups, outcome.shown);
	});

	it('holds the premise: in this decoder, some such rows decode without error', () => {
		const fatal = new TextDecoder('shift_jis', { fatal: true });
		expect(fatal.decode(enc('4111\u30fc1111'))).toBe('4111繝ｼ1111');
		expect(fatal.decode(enc('4111\u00b71111'))).toBe('4111ﾂｷ1111');
		if (decoder) expect(fatal.decode(enc('4111\u30001111'))).toBe('4111縲\u00801111');
		else expect(() => fatal.decode(enc('4111\u30001111'))).toThrow();
	});

	it('a lone 0x80 makes its Shift_JIS line undecodable, whichever decoder reads it', () => {
		const rows = kindRows['old-cart customer file'];
		const input = fileWith(rows, 'shift_jis', 3, 2, cat(enc('2024'), Uint8Array.of(0x80), enc('11')));
		const outcome = kinds['old-cart customer file'].run(input, []);
		expect(outcome.problems.filter((p) => p.code === 'undecodable').map((p) => [p.row, p.column])).toEqual([[4, 3]]);
		expect(outcome.shown).not.toContain('\u0080');
	});

	it('registration and the failed-rows download: refused, nothing registered, nothing extracted', async () => {
		const bytes = cat(sjis('旧カートの顧客番号,氏名,住所\r\nA1,山田 太郎,東京都\r\nA2,佐藤 花子,'), pasted(groups, ['\u30fc', '\u3000', '\u00b7'], 'shift_jis'), enc('\r\n'));
		await expectRefusedUpload(bytes);
	});

	// A card number: a brand prefix, random digits, its Luhn digit; 13–19 digits, Visa 16–19.
	const panArb = fc
		.tuple(fc.constantFrom(...cardPrefixes), fc.integer({ min: 13, max: 19 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }))
		.map(([prefix, length, digits]) => {
			const size = prefix === '4' ? Math.max(length, 16) : length;
			const body = (prefix + digits.join('')).slice(0, size - 1);
			return body + luhnDigit(body);
		});
	// Groups of 1–6 digits, each separator drawn from the whole class.
	const cardArb = fc.record({
		pan: panArb,
		sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 19, maxLength: 19 }),
		seps: fc.array(fc.nat(), { minLength: 19, maxLength: 19 }),
		wide: fc.boolean()
	});
	const split = (pan: string, sizes: number[]) => {
		const out: string[] = [];
		for (let at = 0, k = 0; at < pan.length; k++) {
			out.push(pan.slice(at, at + sizes[k]));
			at += sizes[k];
		}
		return out;
	};

	it.each(Object.entries(kinds))('property: %s — any separator of the classes pasted from the other encoding, any row, column and chunking: refused, nothing shown or extracted', (name, kind) => {
		const rows = kindRows[name];
		fc.assert(
			fc.property(cardArb, fc.constantFrom<FileEncoding>('shift_jis', 'utf-8'), fc.nat(), fc.nat(), fc.array(fc.nat(), { maxLength: 6 }), (card, file, r, c, cuts) => {
				const cardGroups = split(card.pan, card.sizes);
				const pool = file === 'shift_jis' ? separators : sjisSeparators;
				const seps = card.seps.map((k) => pool[k % pool.length]);
				const row = 1 + (r % (rows.length - 1));
				const column = c % rows[row].split(',').length;
				const input = fileWith(rows, file, row, column, pasted(cardGroups, seps, file, card.wide && file === 'utf-8'));

				const outcome = kind.run(input, cuts);
				expect(outcome.refused).toBe(true);
				expect(outcome.problems).toContainEqual(expect.objectContaining({ code: 'card-number-found', row: row + 1, column: column + 1 }));
				expectNoDigitsOf(cardGroups, outcome.shown);
				const extracted = extractRows(input, rows.map((_, i) => i + 1), { encoding: 'auto', header: kind.rule });
				expect(extracted).toMatchObject({ ok: false, code: 'card-number-found', row: row + 1 });
			}),
			{ numRuns: 60 }
		);
	});

	it('property: the byte decoder finds the line in any chunking, once', () => {
		fc.assert(
			fc.property(cardArb, fc.array(fc.nat(), { maxLength: 8 }), (card, cuts) => {
				const cardGroups = split(card.pan, card.sizes);
				const seps = card.seps.map((k) => separators[k % separators.length]);
				const head = sjis('顧客番号,氏名,メモ\r\nA1,山田 太郎,東京都\r\n');
				const input = cat(head, sjis('A2,佐藤 花子,'), pasted(cardGroups, seps, 'shift_jis'), sjis(',済\r\nA3,鈴木 一,大阪\r\n'));
				const decoder = createByteDecoder('auto');
				let text = '';
				for (const part of pieces(input, cuts)) text += decoder.push(part);
				text += decoder.finish();
				const lineStart = text.indexOf('A2,');
				expect(decoder.cardNumberLines.takeWithin(0, lineStart)).toBe(0);
				expect(decoder.cardNumberLines.takeWithin(lineStart, text.indexOf('A3,'))).toBe(3);
				expect(decoder.cardNumberLines.takeWithin(text.indexOf('A3,'), text.length + 1)).toBe(0);
			}),
			{ numRuns: 200 }
		);
	});
});

describe('genuine Shift_JIS rows are not taken for pasted card numbers', () => {
	// Half-width kana whose bytes are also UTF-8 separators (ﾂｷ = C2 B7, the middle dot), next to digits.
	it.each([
		['ﾏﾂｷ ﾀﾛｳ 090-1234-5678'],
		['4111ﾂｷ1111ﾂｷ1111ﾂｷ1112'],
		['東京都千代田区丸の内1-1-1 ﾂｷｼﾞﾏﾝｼｮﾝ101'],
		['4111　1111　1111　1112'],
		['ｶｰﾄﾞ 4111-1111-1111-111']
	])('「%s」 (not a card number) is read as it is', (text) => {
		const input = cat(sjis('旧カートの顧客番号,氏名\r\nC1,山田 太郎\r\nC2,'), sjis(text), sjis('\r\n'));
		const parser = createOldCartCustomerParser({ encoding: 'auto' });
		const customers = parser.push(input);
		const { customers: last, report } = parser.finish();
		expect(report.refused).toBe(false);
		expect([...customers, ...last].map((c) => c.name)).toEqual(['山田 太郎', text]);
	});

	it('Shift_JIS half-width kana that reads as a UTF-8 separator between digits of a card number is refused (it cannot be told apart)', () => {
		const input = cat(sjis('旧カートの顧客番号,氏名\r\nC1,山田 太郎\r\nC2,'), sjis('4111ﾂｷ1111ﾂｷ1111ﾂｷ1111'), sjis('\r\n'));
		const parser = createOldCartCustomerParser({ encoding: 'auto' });
		parser.push(input);
		expect(parser.finish().report.refused).toBe(true);
	});
});
