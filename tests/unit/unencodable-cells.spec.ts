import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeShiftJis, findUnencodableCells, parseOldCartCustomers, unencodableChars } from '$lib/domain';
import { fixture } from './helpers';

// SPEC: files for people written in Shift_JIS never replace a character silently.

const sjisRoundTrip = (char: string) => new TextDecoder('shift_jis').decode(encodeShiftJis(char)) === char;

describe('unencodableChars', () => {
	it.each([
		['山田 太郎', ''],
		['髙橋①', ''],
		['𠮷田', '𠮷'],
		['1—2—3', '—'],
		['😀a😀b', '😀'],
		['ab?', ''],
		['\uD800x', '\uD800'],
		['', '']
	])('%j → %j', (text, chars) => expect(unencodableChars(text)).toBe(chars));

	it('names exactly the characters the encoder cannot write back', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), (text) => {
				const chars = [...unencodableChars(text)];
				for (const char of new Set([...text])) {
					if (char.charCodeAt(0) < 0x80) continue;
					expect(chars.includes(char)).toBe(!sjisRoundTrip(char) && encodeShiftJis(char).every((b) => b === 0x3f));
				}
			}),
			{ numRuns: 300 }
		);
	});
});

describe('findUnencodableCells', () => {
	it('finds 𠮷 and — of oldcart-names-outside-cp932.utf8bom.csv at their rows and columns', () => {
		const { customers } = parseOldCartCustomers(fixture('real-world/oldcart-names-outside-cp932.utf8bom.csv'));
		const rows = customers.map((c) => [c.linkageId, c.name, c.address]);
		const { problems, count } = findUnencodableCells(rows, { fields: ['linkageId', 'name', 'address'] });
		expect(count).toBe(2);
		expect(problems.map((p) => [p.code, p.row, p.column, p.params.value])).toEqual([
			['not-encodable', 2, 2, '𠮷'],
			['not-encodable', 2, 3, '—']
		]);
		// The operator's column (the field) comes first; row and column are those of the file being written.
		expect(problems[0].message).toBe('氏名の「𠮷」は、Shift_JISで書き出せません（2行目・2列目）。UTF-8（BOM付き）で書き出してください。');
		// Only the offending characters are quoted, never the whole value.
		expect(problems[1].message).not.toContain('東京都');
	});

	it('counts every cell but lists only up to the limit', () => {
		const rows = Array.from({ length: 5 }, () => ['😀', 'ok']);
		const { problems, count } = findUnencodableCells(rows, { fields: ['name', 'kana'], maxProblems: 2, firstRow: 10 });
		expect(count).toBe(5);
		expect(problems.filter((p) => p.code === 'not-encodable').map((p) => p.row)).toEqual([10, 11]);
	});
});
