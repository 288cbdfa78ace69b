import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	buildLinkageCsv,
	checkCardImportFile,
	convertYamatoReturn,
	containsCardNumber,
	idDamage,
	parseOldCartCustomers,
	quoteCell,
	type Problem
} from '$lib/domain';
import { problemText } from '$lib/i18n/problem-text';
import { importHeader, returnHeader, today, utf8 } from './helpers';

// SPEC "Spreadsheet damage": an ID in scientific notation or with thousands separators is an
// error with advice to export the column as text; never repaired, never written.
const scientific = ['1.23457E+11', '1.2E+5', '1,23457E+11', '1.23457e+11', '4.5E-3', '12E+3', '１．２３Ｅ＋１１', '1.23457E11', '1.2346e11', '1,23457E11', '１．２３Ｅ１１', '-1.5e-3'];
const thousands = ['1,234,567', '12,345', '123,456,789,012', '１，２３４，５６７', '1\ufe50234'];
// A spreadsheet keeps 15 significant digits: a longer number comes back with zeros after the 15th.
const rounded = ['1234567890123450000', '123456789012345000', '1234567890123450', '０００１２３４５６７８９０１２０００', '123456789012345０００'];
const notDamage = [
	'123456789012',
	'C0001',
	'12E3456',
	// Without a decimal mark the exponent's sign is what tells damage from an ID's letters.
	'1E11',
	'E+11',
	'1.5',
	'1,23',
	'1234,567',
	'US-00010000',
	'A1,234',
	'123456789012345',
	'1234567890123456',
	'1234567890123450001',
	'A234567890123450000',
	'-1234567890123450000'
];

describe('idDamage', () => {
	it.each(scientific)('%s is scientific notation', (id) => expect(idDamage(id)).toBe('id-scientific-notation'));
	it.each(thousands)('%s has thousands separators', (id) => expect(idDamage(id)).toBe('id-thousands-separator'));
	it.each(rounded)('%s was rounded to 15 digits', (id) => expect(idDamage(id)).toBe('id-rounded'));
	it.each(notDamage)('%s is no damage', (id) => expect(idDamage(id)).toBeNull());

	it('every scientific-notation form a spreadsheet or a hand edit leaves is damage', () => {
		const digits = (min: number, max: number, width: 'half' | 'full') =>
			fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((list) => list.map((n) => String.fromCharCode((width === 'half' ? 48 : 0xff10) + n)).join(''));
		const form = fc.constantFrom<'half' | 'full'>('half', 'full').chain((width) =>
			fc.tuple(
				fc.constantFrom('', '+', '-'),
				digits(1, 3, width),
				fc.constantFrom(...(width === 'half' ? ['.', ','] : ['．', '，'])),
				digits(1, 6, width),
				fc.constantFrom(...(width === 'half' ? ['E', 'e'] : ['Ｅ', 'ｅ'])),
				fc.constantFrom('', '+', '-', ...(width === 'half' ? [] : ['＋', '－'])),
				digits(1, 2, width)
			)
		);
		fc.assert(
			fc.property(form, (parts) => {
				expect(idDamage(parts.join(''))).toBe('id-scientific-notation');
			})
		);
	});
});

const quote = (value: string) => `"${value}"`;
const at = (p: Problem) => `${p.code}@${p.row},${p.column}`;

// Every ID the files carry, with a file that holds `id` there and what reading it gives.
const idKinds: [string, number, (id: string) => { problems: Problem[]; written: number }][] = [
	[
		'連携用ID of the customer list',
		2,
		(id) => buildLinkageCsv(utf8(`顧客ID,連携用ID\r\nUS-00010000,${quote(id)}\r\nUS-00010001,C2\r\n`)).report
	],
	[
		'customer ID of the customer list (a numeric pattern)',
		1,
		(id) =>
			buildLinkageCsv(utf8(`顧客ID,連携用ID\r\n${quote(id)},C1\r\n100,C2\r\n`), { customerIdPattern: /^\d+$/ }).report
	],
	['顧客番号 of the old cart', 1, (id) => parseOldCartCustomers(utf8(`旧カートの顧客番号,氏名\r\n${quote(id)},山田\r\n`)).report],
	[
		'customer ID of the return file (a numeric pattern)',
		1,
		(id) =>
			convertYamatoReturn(utf8(`${returnHeader}\r\n${quote(id)},111,VISA,2912,AbCdEf0123456789\r\n`), {
				today,
				customerIdPattern: /^[\d.,E+\-]+$/
			}).report
	],
	[
		'customer ID of the card import file',
		2,
		(id) =>
			checkCardImportFile(utf8(`${importHeader}\r\nYAMATO,${quote(id)},111,VISA,,,0,2912,AbCdEf0123456789\r\n`), {
				today,
				settings: { service: 'YAMATO', availability: 'visible' }
			}).report
	]
];

describe('a damaged ID in every file kind', () => {
	const cases = idKinds.flatMap(([name, column, read]) => [
		...scientific.map((id) => [name, id, 'id-scientific-notation', column, read] as const),
		...thousands.map((id) => [name, id, 'id-thousands-separator', column, read] as const),
		...rounded.map((id) => [name, id, 'id-rounded', column, read] as const)
	]);
	it.each(cases)('%s %s: %s, not written, with advice to export as text', (name, id, code, column, read) => {
		const report = read(id);
		const problem = report.problems.find((p) => p.code === code);
		expect(report.problems.filter((p) => p.severity === 'error').map(at)).toEqual([`${code}@2,${column}`]);
		expect(problem!.message).toContain('文字列として書き出し直してください');
		expect(problemText(problem!, 'en')).toContain('as text');
		// A damaged number, not a token: quoted whole in both languages.
		expect(problem!.message).toContain(`「${id}」`);
		expect(problemText(problem!, 'en')).toContain(`"${id}"`);
		expect(report.written).toBe(name.includes('customer list') ? 1 : 0);
	});
});

describe('id-rounded: every all-digit ID of 16 or more digits, all 0 after the 15th, and only those', () => {
	const wide = (d: number, isWide: boolean) => String.fromCharCode((isWide ? 0xff10 : 48) + d);
	const digits = (min: number, max: number) =>
		fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.boolean()), { minLength: min, maxLength: max });
	const shown = (list: [number, boolean][]) => list.map(([d, isWide]) => wide(d, isWide)).join('');

	it('15 digits, then one or more zeros of either width: rounded', () => {
		fc.assert(
			fc.property(digits(15, 15), fc.array(fc.boolean(), { minLength: 1, maxLength: 10 }), (head, zeros) => {
				expect(idDamage(shown(head) + zeros.map((isWide) => wide(0, isWide)).join(''))).toBe('id-rounded');
			})
		);
	});

	it('a digit other than 0 after the 15th, or 15 digits or fewer: not rounded', () => {
		const withTail = fc
			.tuple(digits(15, 15), digits(1, 10))
			.filter(([, tail]) => tail.some(([d]) => d !== 0))
			.map(([head, tail]) => shown(head) + shown(tail));
		fc.assert(
			fc.property(fc.oneof(withTail, digits(1, 15).map(shown)), (id) => {
				expect(idDamage(id)).not.toBe('id-rounded');
			})
		);
	});
});

describe('a damaged ID is quoted whole; a token-shaped value that is no damage never is', () => {
	const d = fc.integer({ min: 0, max: 9 }).map(String);
	const ds = (min: number, max: number) => fc.array(d, { minLength: min, maxLength: max }).map((a) => a.join(''));
	const damaged = fc.oneof(
		fc.tuple(ds(1, 2), ds(0, 6), fc.constantFrom('E', 'e'), fc.constantFrom('+', '-'), ds(1, 2)).map(
			([a, b, e, sign, x]) => `${a}${b ? `.${b}` : ''}${e}${sign}${x}`
		),
		fc.tuple(ds(1, 3), fc.array(ds(3, 3), { minLength: 1, maxLength: 4 })).map(([head, groups]) => [head, ...groups].join(',')),
		fc.tuple(ds(15, 15), fc.integer({ min: 1, max: 4 })).map(([head, zeros]) => head + '0'.repeat(zeros))
	);
	const [name, , read] = idKinds[0];
	it(`${name}: the problem quotes the damaged value whole`, () => {
		fc.assert(
			fc.property(damaged, (id) => {
				const code = idDamage(id);
				expect(code).not.toBeNull();
				const problem = read(id).problems.find((p) => p.code === code);
				if (problem === undefined) return; // a value the card-number guard refused first
				// Digits that make a card number once the commas are left out (362,309,623,012,009) are
				// masked like any cell, never quoted whole.
				const shown = containsCardNumber(id.replace(/,/g, '')) ? quoteCell(id) : id;
				expect(shown === id || !problem.message.includes(id)).toBe(true);
				expect(problem.message).toContain(`「${shown}」`);
				expect(problemText(problem, 'en')).toContain(`"${shown}"`);
			}),
			{ numRuns: 150, examples: [['362,309,623,012,009'], ['4,111,111,111,111,111']] }
		);
	});
	const tokenShaped = fc
		.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.+-'), minLength: 8, maxLength: 30 })
		.filter((t) => /^[A-Za-z0-9]/.test(t) && /[A-Za-z]/.test(t) && /[0-9]/.test(t) && idDamage(t) === null);
	it.each(idKinds)('%s: a token-shaped value is never quoted', (_, __, read) => {
		fc.assert(
			fc.property(tokenShaped, (token) => {
				const report = read(token);
				expect(JSON.stringify(report)).not.toContain(token);
				expect(report.problems.map((p) => problemText(p, 'en')).join('\n')).not.toContain(token);
			}),
			{ numRuns: 100 }
		);
	});
});
