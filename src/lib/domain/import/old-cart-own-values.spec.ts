import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readOldCartCustomers } from './old-cart-customers';

// `ownValues: false` is for a sink that copies what it keeps at once (the register job's packer):
// the values may then be views of the file's text, but the customers handed over, their order and
// the report (problems quoting values included) must be those of the default reader, for any rows
// and any chunking of the bytes.
const unit = fc.constantFrom('a', 'Z', '0', '7', '-', '@', '.', ' ', '\u00a0', '山', '田', 'カ', '𠮷', '"', ',', '＠');
const cell = fc.oneof(fc.string({ unit, maxLength: 6 }), fc.string({ unit, minLength: 13, maxLength: 30 }), fc.constantFrom('', 'taro@example.jp', '03-1234-5678', '100-0001', 'Zq7Secret9Tok3nVal', '1.23457E+11'));
const row = fc.tuple(fc.oneof(fc.constantFrom('C1', 'C2', 'C1', ''), fc.string({ unit, maxLength: 16 })), cell, cell, cell, cell, cell, cell);

function read(bytes: Uint8Array, cuts: number[], ownValues: boolean | undefined) {
	const kept: unknown[][] = [];
	const reader = readOldCartCustomers({ ownValues }, (...values) => void kept.push(values));
	let from = 0;
	for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
		reader.push(bytes.subarray(from, cut));
		from = cut;
	}
	reader.push(bytes.subarray(from));
	return { kept, report: reader.finish() };
}

describe('readOldCartCustomers with values of their own or views (ownValues)', () => {
	it('hands over the same customers and reports the same problems, in any chunking', () => {
		fc.assert(
			fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 4 }), (rows, cuts) => {
				const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
				const text = ['旧カートの顧客番号,氏名,氏名(カナ),メールアドレス,電話番号,郵便番号,住所', ...rows.map((r) => r.map(quote).join(','))].join('\r\n');
				const bytes = new TextEncoder().encode(text);
				const own = read(bytes, cuts, undefined);
				const views = read(bytes, cuts, false);
				expect(views.kept).toEqual(own.kept);
				expect(views.report).toEqual(own.report);
			}),
			{ numRuns: 300 }
		);
	});
});
