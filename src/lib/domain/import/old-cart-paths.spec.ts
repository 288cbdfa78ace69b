import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkageIdFault, linkageIdFaultIn } from '../rules/id-check';
import { isEmailLike, isEmailLikeIn, isPhoneLike, isPhoneLikeIn, isTokenShaped, isTokenShapedIn } from '../rules/contact-values';
import { optionalFieldFault, optionalFieldFaultIn, readOldCartCustomerRanges, readOldCartCustomers } from './old-cart-customers';
import { oldCartCustomerColumns } from '../headers/columns';

// A line without quotes is read in place (its cells by their bounds in the line, each value checked
// where it stands); a quoted record from its cells. Both roads, and the reader handing values by
// their bounds (the register job's) or as texts, must give the same customers and the same report
// (every problem, its row, column and params) for any rows: spaces of every kind at the edges, bad
// e-mails and phones, token-shaped names, missing, damaged and repeated IDs, card numbers.
const unit = fc.constantFrom('a', 'Z', '0', '7', '-', '+', '@', '.', '＠', '．', ' ', '\u3000', '\u00a0', '\t', '\u200b', '\ufeff', '山', 'カ', '𠮷', 'é', 'ÿ');
const cell = fc.oneof(
	fc.string({ unit, maxLength: 6 }),
	fc.string({ unit, minLength: 12, maxLength: 24 }),
	fc.constantFrom('', ' ', 'taro@example.jp', ' taro@example.jp\u3000', 'taro@example', '@example.jp', 'a@.jp', 'a@b.c', 'a@b.', '＠example．jp', '03-1234-5678', '+81 3', '3+', '０３ー１２３４', '100-0001', '〒100', 'Zq7Secret9Tok3nVal', '4111111111111111', '山田 太郎')
);
const id = fc.oneof(
	fc.constantFrom('C1', 'C2', 'C10', 'C1', ' C2 ', '', '\u3000', '1.23457E+11', '1,234', '12345678901234500000', 'C 1', '=C1', 'Cあ', '顧客1'),
	fc.string({ unit, maxLength: 12 })
);
const rows = fc.array(fc.tuple(id, cell, cell, cell, cell, cell, cell), { minLength: 1, maxLength: 12 });
const header = oldCartCustomerColumns.map((column) => column.names[0]).join(',');

function readWith(text: string, ranges: boolean) {
	const kept: unknown[][] = [];
	const bytes = new TextEncoder().encode(text);
	const reader = ranges
		? readOldCartCustomerRanges({}, (row, texts, b) => void kept.push([row, ...texts.map((t, k) => t.slice(b[2 * k], b[2 * k + 1]))]))
		: readOldCartCustomers({}, (...values) => void kept.push(values));
	reader.push(bytes);
	return { kept, report: reader.finish() };
}

describe('the customer reader: plain lines as quoted records, values by bounds as texts', () => {
	it('gives the same customers and the same report, every problem with its params, for any rows', () => {
		fc.assert(
			fc.property(rows, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (rows, quotedRows) => {
				// A cell holding a comma is quoted in both (its row is never a plain line).
				const asNeeded = (value: string) => (value.includes(',') ? `"${value}"` : value);
				const plain = [header, ...rows.map((r) => r.map(asNeeded).join(','))].join('\r\n');
				// Every cell of the chosen rows quoted (the others stay plain lines among them).
				const quoted = [header, ...rows.map((r, i) => r.map((v) => (quotedRows[i] ? `"${v}"` : asNeeded(v))).join(','))].join('\r\n');
				const general = readWith(quoted, false);
				expect(readWith(plain, false)).toEqual(general);
				expect(readWith(plain, true)).toEqual(general);
				expect(readWith(quoted, true)).toEqual(general);
			}),
			{ numRuns: 400 }
		);
	});
});

describe('checks told in place answer as on the value cut out', () => {
	const around = fc.tuple(fc.string({ unit, maxLength: 4 }), fc.string({ unit, maxLength: 24 }), fc.string({ unit, maxLength: 4 }));
	const checks: [string, (value: string) => unknown, (text: string, from: number, to: number) => unknown][] = [
		['isEmailLike', isEmailLike, isEmailLikeIn],
		['isPhoneLike', isPhoneLike, isPhoneLikeIn],
		['isTokenShaped', isTokenShaped, isTokenShapedIn],
		['linkageIdFault', linkageIdFault, (t, f, e) => (e > f ? linkageIdFaultIn(t, f, e) : linkageIdFault(''))],
		...oldCartCustomerColumns.map(({ key }): [string, (value: string) => unknown, (text: string, from: number, to: number) => unknown] => [
			`optionalFieldFault ${key}`,
			(v) => optionalFieldFault(key, v),
			(t, f, e) => optionalFieldFaultIn(key, t, f, e)
		])
	];
	it.each(checks)('%s', (_name, whole, inPlace) => {
		const samples = fc.oneof(around, fc.tuple(fc.string({ unit, maxLength: 4 }), fc.constantFrom('taro@example.jp', '@example.jp', 'a@b.', 'a@b.c', '03-1234-5678', '3+', 'Zq7Secret9Tok3nVal', 'Zq7Secret9Tok3nVa山', 'C0000001', '1.23457E+11', '1,234,567', '12345678901234500000', '〒100-0001'), fc.string({ unit, maxLength: 4 })));
		fc.assert(
			fc.property(samples, ([before, value, after]) => {
				expect(inPlace(before + value + after, before.length, before.length + value.length)).toBe(whole(value));
			}),
			{ numRuns: 300 }
		);
	});
});
