import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOldCartCustomers } from '$lib/domain';
import { toProblemRecord } from '$lib/domain/records/problem-record';
import { trimSpaces } from '$lib/domain/rules/spacing';
import { problemText } from '$lib/i18n/problem-text';
import { codesAt, utf8 } from './helpers';

describe('old cart customers (一括登録 › 顧客情報)', () => {
	it('matches English headers and keeps optional columns optional', () => {
		const { customers, report } = parseOldCartCustomers(utf8('Email,Customer Number,Name\r\na@x.jp,C1,Taro\r\n'));
		expect(report.mapping).toMatchObject({ linkageId: 2, name: 3, email: 1, kana: 0 });
		expect(customers).toEqual([{ row: 2, linkageId: 'C1', name: 'Taro', kana: '', email: 'a@x.jp', phone: '', zip: '', address: '' }]);
	});

	it('needs the old cart number column', () => {
		const { customers, report } = parseOldCartCustomers(utf8('氏名,メール\r\n山田,a@x.jp\r\n'));
		expect(customers).toEqual([]);
		expect(codesAt(report)).toEqual(['missing-header@1,0']);
	});

	it('errs on a missing, malformed or repeated number; the first of a repeat is kept', () => {
		const { customers, report } = parseOldCartCustomers(utf8('旧カートの顧客番号,氏名\r\n,a\r\n=1,b\r\nC1,c\r\nC1,d\r\n'));
		expect(customers.map((c) => c.name)).toEqual(['c']);
		expect(codesAt(report)).toEqual(['missing-value@2,1', 'bad-linkage-id@3,1', 'duplicate-linkage-id@5,1']);
		const repeat = toProblemRecord(report.problems[2]);
		expect(repeat.params.rows).toBe('4');
		expect(problemText(repeat, 'en')).toContain('is also on row 4.');
	});

	it('trims values with a warning', () => {
		const { customers, report } = parseOldCartCustomers(utf8('連携用ID,氏名\r\nC1, 山田 太郎 \r\n'));
		expect(customers[0].name).toBe('山田 太郎');
		expect(codesAt(report)).toEqual(['trimmed-spaces@2,2']);
	});

	it('keeps a quoted multi-line address as one record', () => {
		const { customers, report } = parseOldCartCustomers(utf8('顧客番号,住所\r\nC1,"東京都\r\n千代田区"\r\nC2,大阪\r\n'));
		expect(customers.map((c) => [c.row, c.address])).toEqual([[2, '東京都\r\n千代田区'], [3, '大阪']]);
		expect(report.rows).toBe(2);
	});

	// A plain line's cells are read by their bounds and trimmed in place; a quoted one's from its
	// fields: both must give each cell as split and trimmed, warned exactly where trimming changed it.
	it('reads every cell as split and trimmed, plain or quoted, warning where a value was trimmed', () => {
		const value = fc.string({ unit: fc.constantFrom('a', '7', '-', ' ', '\u3000', '\t', '\u00a0', '\u0085', '\u200b', '\ufeff', '山', 'ｱ', 'é', 'ÿ', '@'), maxLength: 6 });
		fc.assert(
			fc.property(fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 5 }), fc.boolean(), (rows, quoted) => {
				const cellText = (cell: string) => (quoted ? `"${cell}"` : cell);
				const lines = rows.map(([name, kana, address], i) => [`C${i}`, name, kana, address].map(cellText).join(','));
				const { customers, report } = parseOldCartCustomers(utf8(`旧カートの顧客番号,氏名,氏名(カナ),住所\r\n${lines.join('\r\n')}\r\n`));
				const trims = report.problems.filter((p) => p.code === 'trimmed-spaces').map((p) => `${p.row},${p.column}`);
				const expectedTrims: string[] = [];
				rows.forEach((cells, i) => cells.forEach((cell, c) => {
					if (trimSpaces(cell) !== cell && trimSpaces(cell) !== '') expectedTrims.push(`${i + 2},${c + 2}`);
				}));
				expect(trims).toEqual(expectedTrims);
				// Every row is read (none of these values is refused), so each is compared below.
				expect(customers.map((customer) => customer.row)).toEqual(rows.map((_, i) => i + 2));
				for (const customer of customers) {
					const [name, kana, address] = rows[customer.row - 2];
					expect([customer.name, customer.kana, customer.address]).toEqual([name, kana, address].map(trimSpaces));
				}
			})
		);
	});
});
