import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText, customerIdTable, expiredCardsTable, multiCardTable, neutralizeFormula, peopleListBytes, problemsTable, type PeopleTable } from '$lib/domain';
import type { Problem } from '$lib/domain/problems/problem';

// SPEC "Files for people written in Shift_JIS never replace a character silently": every list for
// people of step d (problems, multi-card customers, expired cards, reconciliation groups) is
// checked cell by cell before it is written; UTF-8 with BOM writes it whole.

const odd = '𠮷😀';
const problem: Problem = { row: 3, column: 3, severity: 'error', code: 'unknown-brand', message: `ブランド「V${odd}」`, params: { value: `V${odd}` } };
const sjis = (bytes: Uint8Array) => new TextDecoder('shift_jis').decode(bytes);

const tables: [string, PeopleTable, { row: number; column: number; field: string }][] = [
	['problems', problemsTable([problem]), { row: 2, column: 5, field: 'message' }],
	['multi-card', multiCardTable([{ customerId: `US-${odd}`, rows: [2, 5] }]), { row: 2, column: 1, field: 'customerId' }],
	['expired', expiredCardsTable([{ row: 4, customerId: 'US-00010000', expiry: `26${odd}` }]), { row: 2, column: 3, field: 'expiry' }],
	['customer IDs', customerIdTable(['US-00010000', `US-${odd}`]), { row: 3, column: 1, field: 'customerId' }]
];

describe('peopleListBytes', () => {
	it.each(tables)('%s: Shift_JIS refuses a cell it cannot hold and names its row and column', (_name, table, where) => {
		const result = peopleListBytes(table, { encoding: 'shift_jis' });
		expect(result.bytes).toBeNull();
		expect(result.unencodable!.problems[0]).toMatchObject({ code: 'not-encodable', row: where.row, column: where.column, params: { field: where.field, value: odd } });
	});

	it.each(tables)('%s: UTF-8 with BOM writes every character', (_name, table) => {
		const result = peopleListBytes(table, { encoding: 'utf-8-bom' });
		expect(result.unencodable).toBeNull();
		expect(new TextDecoder().decode(result.bytes!)).toContain(odd);
	});

	it('in Shift_JIS, writes every character of a list or nothing: never a `?` for a character', () => {
		const cell = fc.string({ unit: fc.constantFrom('A', '1', '山', '髙', '①', 'ｶ', '=', '−', '—', '😀', '𠮷', 'é', '"', ','), maxLength: 6 });
		fc.assert(
			fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), (rows) => {
				const table = { rows: [['行数', '顧客ID', '内容'], ...rows], fields: ['row', 'customerId', 'message'] };
				const result = peopleListBytes(table);
				// CP932 reads some characters back as their usual Windows form (− as －): same count, never `?`.
				if (result.bytes) {
					const written = sjis(result.bytes);
					expect(written).not.toContain('?');
					expect([...written]).toHaveLength([...csvText(table.rows, neutralizeFormula)].length);
				}
				else expect(result.unencodable.count).toBeGreaterThan(0);
			}),
			{ numRuns: 300 }
		);
	});
});
