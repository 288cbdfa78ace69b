import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	buildLinkageCsv,
	checkCardImportFile,
	checkFileName,
	containsCardNumber,
	convertYamatoReturn,
	isCardNumber,
	isCardNumberSeparator,
	parseOldCartCustomers,
	quoteCsvField,
	separatorClasses
} from '$lib/domain';
import { isSpaceCode } from '$lib/domain/rules/spacing';
import { extractRows, headerRuleOf } from '$lib/domain/failed-rows';
import { cardPrefixes as prefixes, luhnDigit, fixture, today, utf8 } from './helpers';

// SPEC, "Refused outright": the separator classes, one character between two digit groups.
const separators = {
	space: [' ', '\t', '\u00a0', '\u2002', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000', '\u1680', '\u0085', '\u2028', '\u2029'],
	format: ['\u00ad', '\u2063', '\u2061', '\u200e', '\u200f', '\u202a', '\u2066'],
	'zero width': ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u180e'],
	dash: ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u30fc', '\uff70', '\u2212', '\uff0d', '\u301c', '\uff5e', '\ufe63', '\u00ad', '\u2043'],
	dot: ['.', '\uff0e', '\u30fb', '\uff65', '\u00b7', '\u2022', '\u2027', '\u2219', '\u3002', '\uff61', '\u2024', '\ufe52'],
	slash: ['/', '\uff0f', '\u2044', '\u2215'],
	'line break (quoted multi-line field)': ['\r\n', '\n', '\r']
} as const;

/** Every BMP character (surrogates left out), for the classes to be read off. */
const bmpCharacters: string[] = [];
for (let code = 0; code < 0x10000; code++) if (code < 0xd800 || code > 0xdfff) bmpCharacters.push(String.fromCharCode(code));
/** Each separator class of the guard, as the list of BMP characters it holds: the one definition. */
const generatedSeparators = Object.fromEntries(
	Object.entries(separatorClasses).map(([kind, pattern]) => [kind, bmpCharacters.filter((char) => pattern.test(char))])
) as Record<keyof typeof separatorClasses, string[]>;
/** What the property generators draw from: every character of every class, and the line breaks. */
const allSeparators: string[] = [...new Set([...Object.values(generatedSeparators).flat(), ...separators['line break (quoted multi-line field)']])];


const fullWidth = (digits: string) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const grouped = (digits: string, separator: string, size = 4) => (digits.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(separator);

// Public test numbers of each brand.
const brands = [
	['Visa 16', '4111111111111111'],
	['Visa 19', '4111111111111111110'],
	['Mastercard 51–55', '5105105105105100'],
	['Mastercard 2-series', '2223003122003222'],
	['AMEX 15', '378282246310005'],
	['JCB', '3530111333300000'],
	['Diners 14', '30569309025904'],
	['Discover', '6011111111111117'],
	['UnionPay', '6212345678901265']
] as const;

describe('the separator classes of SPEC', () => {
	const hex = (char: string) => [...char].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join(' U+');
	it.each(Object.entries(separators).flatMap(([kind, chars]) => chars.map((char) => [kind, hex(char), char] as const)))(
		'%s U+%s separates digit groups',
		(_, __, char) => {
			if (char.length === 1) expect(isCardNumberSeparator(char.charCodeAt(0))).toBe(true);
			expect(containsCardNumber(grouped('4111111111111111', char))).toBe(true);
			expect(containsCardNumber(`メモ ${grouped('378282246310005', char, 5)} です`)).toBe(true);
		}
	);

	it.each(Object.keys(separatorClasses))('every BMP character of class %s separates the four groups of 4111…1111', (kind) => {
		const chars = generatedSeparators[kind as keyof typeof separatorClasses];
		expect(chars.length).toBeGreaterThan(0);
		const missed = chars.filter((c) => !containsCardNumber(`4111${c}1111${c}1111${c}1111`) || !isCardNumberSeparator(c.charCodeAt(0)));
		expect(missed.map((c) => c.charCodeAt(0).toString(16))).toEqual([]);
	});

	it('the space class is the one of rules/spacing.ts, every Unicode space and format character', () => {
		const wanted = bmpCharacters.filter((c) => isSpaceCode(c.charCodeAt(0)) || /[\p{Zs}\p{Zl}\p{Zp}\p{Cf}]/u.test(c));
		expect(wanted).toContain('\u0085');
		expect(wanted.filter((c) => !isCardNumberSeparator(c.charCodeAt(0))).map((c) => c.charCodeAt(0).toString(16))).toEqual([]);
	});

	it.each([':', ',', '_', '*', '#', 'a', '"', '(', '|'])('%s is no separator', (char) => {
		expect(isCardNumberSeparator(char.charCodeAt(0))).toBe(false);
		expect(containsCardNumber(grouped('4111111111111111', char))).toBe(false);
	});
});

describe('full card numbers: brands, lengths, widths and the look-alikes that are not', () => {
	it.each<[string, string, boolean]>([
		...brands.map(([name, pan]): [string, string, boolean] => [`${name}, plain`, pan, true]),
		...brands.map(([name, pan]): [string, string, boolean] => [`${name}, no-break spaces`, grouped(pan, '\u00a0'), true]),
		...brands.map(([name, pan]): [string, string, boolean] => [`${name}, full-width with ー`, grouped(fullWidth(pan), 'ー'), true]),
		['Visa 13 digits (not issued today)', '4222222222222', false],
		['Visa 15 digits', '411111111111116', false],
		['JAN code 49…, Luhn-valid', '4901234000094', false],
		['JAN code 45…, Luhn-valid', '4512345678900', false],
		['JAN code between words', '商品 4901234000094 x2', false],
		['PAN, a space, then its expiry', '4111 1111 1111 1111 12/29', true],
		['PAN then expiry with a dash', '4111-1111-1111-1111-1229', true],
		['PAN behind two other digits', '99 4111 1111 1111 1111', true],
		['PAN glued to its expiry: a contiguous 20-digit run', '41111111111111111229', false],
		// Candidates are whole groups: a window starting or ending inside a contiguous group is never tried.
		['19-digit ID rounded by a spreadsheet, a PAN in its first 16', '1234567890123450000', false],
		['18-digit ID rounded by a spreadsheet', '123456789012345000', false],
		['PAN glued behind two digits: 18 digits with no brand prefix', '994111111111111111', false],
		['PAN glued before a digit: 17 digits failing Luhn', '41111111111111115', false],
		['PAN grouped 4-4-4-4 with a digit glued to the last group', '4111 1111 1111 11115', false],
		['rounded ID after a label', '連携用ID:1234567890123450000', false],
		['20-digit order number holding a PAN', '41111111111111111000', false],
		['40-digit barcode holding PANs', '4111111111111111411111111111111141111111', false],
		['long run, then a PAN after a space', '12345678901234567890 4111111111111111', true],
		['PAN, then a long run after a space', '4111111111111111 12345678901234567890', true],
		['mixed separators', '4111 1111-1111.1111', true],
		['mixed widths and separators', '４１１１\u20091111・１１１１/1111', true],
		['Arabic-Indic digits', '٤١١١١١١١١١١١١١١١', true],
		['CR LF in a quoted field counts once', '4111 1111\r\n1111 1111', true],
		['two separators break the run', '4111  1111 1111 1111', false],
		['space then dash break the run', '4111 -1111 1111 1111', false],
		['blank line between groups', '4111 1111\r\n\r\n1111 1111', false],
		['fails Luhn', '4111 1111 1111 1112', false],
		['no brand prefix', '9111111111111119', false],
		['phone number', '03-1234-5678', false],
		['date and time', '2026/11/01 10:00:00', false],
		['customer ID', 'US-00010000', false]
	])('%s', (_, value, expected) => {
		expect(containsCardNumber(value)).toBe(expected);
	});

	it.each([20, 21, 25, 30, 40])('a contiguous run of %i digits is never scanned', (length) => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }), (digits) => {
				expect(containsCardNumber(digits.join(''))).toBe(false);
				expect(containsCardNumber(fullWidth(digits.join('')))).toBe(false);
			}),
			{ numRuns: 200 }
		);
	});
});

/** A Luhn-valid number of a brand and allowed length, in random groups, separators and widths. */
const cardNumber = fc
	.record({
		prefix: fc.constantFrom(...prefixes),
		length: fc.integer({ min: 13, max: 19 }),
		digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
		cuts: fc.array(fc.integer({ min: 1, max: 18 }), { maxLength: 6 }),
		separators: fc.array(fc.constantFrom('', ...allSeparators), { minLength: 19, maxLength: 19 }),
		widths: fc.array(fc.boolean(), { minLength: 19, maxLength: 19 })
	})
	.map(({ prefix, length, digits, cuts, separators, widths }) => {
		const size = prefix === '4' ? Math.max(16, length) : length;
		const body = (prefix + digits.join('')).slice(0, size - 1);
		const pan = body + luhnDigit(body);
		const gaps = new Set(cuts.filter((cut) => cut < pan.length));
		let shown = '';
		for (let i = 0; i < pan.length; i++) {
			if (gaps.has(i)) shown += separators[i];
			shown += widths[i] ? fullWidth(pan[i]) : pan[i];
		}
		return { pan, shown };
	});

/** Whether a report leaks any part of the number: whole, its digits, any 13 of them in a row. */
function leaks(json: string, pan: string, shown: string): boolean {
	const asciiJson = json.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
	if (json.includes(shown) || json.includes(JSON.stringify(shown).slice(1, -1))) return true;
	for (let start = 0; start + 13 <= pan.length; start++) {
		if (asciiJson.includes(pan.slice(start, start + 13))) return true;
	}
	return false;
}

interface Outcome {
	refused: boolean;
	json: string;
	at: { row: number; column: number }[];
	codes: string[];
}

const fromReport = (refused: boolean, report: { problems: { row: number; column: number; code: string }[] }): Outcome => ({
	refused,
	json: JSON.stringify(report),
	at: report.problems.filter((p) => p.code === 'card-number-found').map(({ row, column }) => ({ row, column })),
	codes: report.problems.map((p) => p.code)
});

const kinds = {
	'Yamato return file (step d)': {
		text: () => new TextDecoder('shift_jis').decode(fixture('yamato-return.sjis.csv')),
		run: (input: Uint8Array) => {
			const { output, report } = convertYamatoReturn(input, { today });
			return fromReport(output === null, report);
		},
		failedRows: headerRuleOf('card-file')
	},
	'store customer list (step c)': {
		text: () => new TextDecoder('shift_jis').decode(fixture('store-customer-list.sjis.csv')),
		run: (input: Uint8Array) => {
			const { output, report } = buildLinkageCsv(input);
			return fromReport(output === null, report);
		},
		failedRows: headerRuleOf('linkage')
	},
	'old-cart customer file (一括登録 › 顧客情報)': {
		text: () => new TextDecoder('utf-8').decode(fixture('oldcart-customers.utf8bom.csv')),
		run: (input: Uint8Array) => {
			const { customers, report } = parseOldCartCustomers(input);
			return fromReport(report.refused && customers.length === 0, report);
		},
		failedRows: headerRuleOf('customers')
	},
	'9-column card import file (step e)': {
		text: () => new TextDecoder('shift_jis').decode(fixture('yamato-return.card-import.expected.sjis.csv')),
		run: (input: Uint8Array) => {
			const { cards, report } = checkCardImportFile(input, { today });
			return fromReport(report.refused && cards.length === 0, report);
		},
		failedRows: headerRuleOf('cards')
	}
};

const tableOf = (text: string) => text.split(/\r?\n/).filter(Boolean).map((line) => line.split(','));
const csvOf = (table: string[][]) => table.map((cells) => cells.map((cell) => quoteCsvField(cell ?? '')).join(',')).join('\r\n') + '\r\n';

describe('property 1: a card number in any cell of any file kind refuses the file and never shows up', () => {
	it.each(Object.entries(kinds))('%s', (_, kind) => {
		const rows = tableOf(kind.text());
		fc.assert(
			fc.property(
				cardNumber,
				fc.nat(),
				fc.nat(),
				fc.constantFrom('', ' ', 'カード:', 'US-', 'メモ\r\n', 'x'),
				fc.constantFrom('', ' 12/29', 'です', '\r\n以上'),
				({ pan, shown }, r, c, before, after) => {
					const row = r % rows.length;
					const table = rows.map((cells) => [...cells]);
					// Any column, the header's included, or one more than the row has (an extra column).
					const column = c % (table[row].length + 1);
					const kept = table[row][column] ?? '';
					// Glued to the cell's digits the number would make one run of more than 19 digits,
					// which SPEC does not scan: replace such a cell.
					table[row][column] = /[0-9]$/.test(kept) && before === '' ? shown + after : `${kept}${before}${shown}${after}`;
					const input = utf8(csvOf(table), true);

					const outcome = kind.run(input);
					expect(outcome.refused).toBe(true);
					expect(outcome.at).toContainEqual({ row: row + 1, column: column + 1 });
					expect(outcome.codes.every((code) => code === 'card-number-found')).toBe(true);
					expect(leaks(outcome.json, pan, shown)).toBe(false);

					const extracted = extractRows(input, [row + 1, rows.length], { encoding: 'auto', header: kind.failedRows });
					expect(extracted).toEqual({ ok: false, code: 'card-number-found', row: row + 1, column: column + 1 });
				}
			),
			{ numRuns: 120 }
		);
	});

	it('in a file name', () => {
		fc.assert(
			fc.property(cardNumber, fc.constantFrom('', 'カード_', 'memo '), fc.constantFrom('.csv', ' (1).csv', '_返却.txt'), ({ pan, shown }, before, after) => {
				const problem = checkFileName(`${before}${shown}${after}`);
				expect(problem).toMatchObject({ row: 0, column: 0, severity: 'error', code: 'card-number-in-file-name' });
				expect(leaks(JSON.stringify(problem), pan, shown)).toBe(false);
			}),
			{ numRuns: 300 }
		);
		expect(checkFileName('yamato-return-20261128.csv')).toBeNull();
		expect(checkFileName('注文_20261128100001000001.csv')).toBeNull();
	});
});

describe('property 3: a contiguous run of 20 to 40 digits alone in a cell never refuses a file', () => {
	it.each(Object.entries(kinds))('%s', (_, kind) => {
		const rows = tableOf(kind.text());
		const run = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 20, maxLength: 40 }).map((d) => d.join(''));
		fc.assert(
			fc.property(run, fc.nat(), fc.nat(), fc.boolean(), fc.boolean(), (digits, r, c, isExtra, isWide) => {
				const table = rows.map((cells) => [...cells]);
				// A data row's cell, or an extra column of any row (the header's included).
				const row = isExtra ? r % table.length : 1 + (r % (table.length - 1));
				const column = isExtra ? table[row].length : c % table[row].length;
				table[row][column] = isWide ? fullWidth(digits) : digits;
				const outcome = kind.run(utf8(csvOf(table), true));
				expect(outcome.codes).not.toContain('card-number-found');
				expect(outcome.refused).toBe(false);
			}),
			{ numRuns: 120 }
		);
	});
});

describe('property 4: a contiguous run of 13 to 19 digits that is no card number as a whole never refuses a file', () => {
	// Digits glued around a PAN (a spreadsheet's rounding zeros, a prefix), or random: the whole
	// run fails brand prefix, Luhn or Visa's 16–19 digits, so whatever windows inside it pass.
	const glued = fc
		.tuple(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 6 }), cardNumber, fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 6 }))
		.map(([before, { pan }, after]) => before.join('') + pan + after.join(''));
	const random = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 19 }).map((d) => d.join(''));
	const run = fc
		.oneof(glued, random)
		.filter((digits) => digits.length >= 13 && digits.length <= 19 && !isCardNumber([...digits].map(Number)));
	it.each(Object.entries(kinds))('%s', (_, kind) => {
		const rows = tableOf(kind.text());
		fc.assert(
			fc.property(run, fc.nat(), fc.nat(), fc.boolean(), fc.constantFrom('', 'ID:', 'メモ '), (digits, r, c, isWide, label) => {
				const table = rows.map((cells) => [...cells]);
				const row = 1 + (r % (table.length - 1));
				const column = c % table[row].length;
				table[row][column] = label + (isWide ? fullWidth(digits) : digits);
				expect(containsCardNumber(table[row][column])).toBe(false);
				const outcome = kind.run(utf8(csvOf(table), true));
				expect(outcome.codes).not.toContain('card-number-found');
				expect(outcome.refused).toBe(false);
			}),
			{ numRuns: 120 }
		);
	});
});

describe('property 5: candidates are whole digit groups, whatever stands around them', () => {
	const digitGroup = (minLength: number, maxLength: number) =>
		fc
			.tuple(fc.array(fc.integer({ min: 0, max: 9 }), { minLength, maxLength }), fc.boolean())
			.map(([digits, isWide]) => (isWide ? fullWidth(digits.join('')) : digits.join('')));
	const separator = fc.constantFrom(...allSeparators);
	/** Digit groups, each followed by one separator of any class. */
	const groupsBefore = fc.array(fc.tuple(digitGroup(1, 40), separator), { maxLength: 3 }).map((g) => g.map(([d, s]) => d + s).join(''));
	/** Digit groups, each preceded by one separator of any class. */
	const groupsAfter = fc.array(fc.tuple(separator, digitGroup(1, 40)), { maxLength: 3 }).map((g) => g.map(([s, d]) => s + d).join(''));

	it('a card number in whole groups, any separator class, between other digit groups is found', () => {
		fc.assert(
			fc.property(groupsBefore, cardNumber, groupsAfter, fc.constantFrom('', 'メモ ', 'ID:'), (before, { shown }, after, label) => {
				expect(containsCardNumber(`${label}${before}${shown}${after}`)).toBe(true);
			}),
			{ numRuns: 1000 }
		);
	});

	it('contiguous runs of 20 or more digits, joined by separators of any class, are never a card number', () => {
		const runs = fc.array(fc.tuple(separator, digitGroup(20, 40)), { minLength: 1, maxLength: 4 });
		fc.assert(
			fc.property(digitGroup(20, 40), runs, fc.constantFrom('', 'メモ ', 'ID:'), (first, rest, label) => {
				expect(containsCardNumber(label + first + rest.map(([s, d]) => s + d).join(''))).toBe(false);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('real-world files', () => {
	it('pan-nbsp-in-memo-column: step d refuses it at row 2, column 6, and keeps no digit of the number', () => {
		const { output, report } = convertYamatoReturn(fixture('real-world/pan-nbsp-in-memo-column.utf8.csv'), { today });
		expect(output).toBeNull();
		expect(report.refused).toBe(true);
		expect(report.problems.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
			{ row: 2, column: 6, code: 'card-number-found' }
		]);
		const json = JSON.stringify(report);
		expect(json).not.toMatch(/4111|1111/);
		expect(json).not.toContain('Bh01xQ7rT2mW9pL4kZ8');
		expect(report.reconciliation.returnedCustomerIds).toEqual([]);
	});

	it('oldcart-long-order-number-and-jan: a 20-digit order number and a JAN code are registered, not refused', () => {
		const { customers, report } = parseOldCartCustomers(fixture('real-world/oldcart-long-order-number-and-jan.csv'));
		expect(report.refused).toBe(false);
		expect(report.problems.map((p) => p.code)).not.toContain('card-number-found');
		expect(customers).toHaveLength(2);
		expect(report.written).toBe(2);
	});
});
