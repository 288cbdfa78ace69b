import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstRows } from './first-rows';

/** Keeps each ID's first row, as the reader does, and checks every answer against a Map. */
function agreesWithMap(ids: string[]): void {
	const rows = new FirstRows();
	const model = new Map<string, number>();
	ids.forEach((id, row) => {
		expect(rows.get(id)).toBe(model.get(id));
		if (model.has(id)) return;
		model.set(id, row);
		rows.set(id, row);
	});
	for (const [id, row] of model) expect(rows.get(id)).toBe(row);
}

/**
 * As `agreesWithMap`, each ID read in place from a line around it (`firstOrKeep`, as the customer
 * reader asks): every answer a Map's, and the run and the Map end as `get`/`set` would leave them.
 */
function agreesInPlace(ids: string[], before: string, after: string): void {
	const rows = new FirstRows();
	const byText = new FirstRows();
	const model = new Map<string, number>();
	ids.forEach((id, row) => {
		const line = before + id + after;
		const first = rows.firstOrKeep(line, before.length, before.length + id.length, row);
		expect(first).toBe(model.get(id));
		expect(byText.get(id)).toBe(first);
		if (model.has(id)) return;
		model.set(id, row);
		byText.set(id, row);
	});
	for (const [id, row] of model) expect(rows.get(id)).toBe(row);
	expect(rows.outOfOrder).toBe(byText.outOfOrder);
}

describe('FirstRows', () => {
	it('read in place (firstOrKeep) answers as a Map and as get/set, for any order of IDs and any line around them', () => {
		const unit = fc.constantFrom('C', '0', '1', '2', '9', 'あ', '\u00ff', '\u0100', ',');
		const id = fc.string({ unit, maxLength: 4 });
		const around = fc.string({ unit, maxLength: 3 });
		fc.assert(fc.property(fc.array(id, { maxLength: 80 }), around, around, (ids, before, after) => agreesInPlace(ids, before, after)));
		fc.assert(fc.property(fc.array(id, { maxLength: 80 }), around, around, (ids, before, after) => agreesInPlace([...ids].sort(), before, after)));
	});

	it.each<[string, string[]]>([
		['ascending, no repeat', ['C0000001', 'C0000002', 'C0000003']],
		['ascending with a repeat of the last', ['C1', 'C2', 'C2']],
		['a repeat of an early ID after many', ['C1', 'C2', 'C3', 'C4', 'C1']],
		['descending', ['C9', 'C8', 'C7', 'C8', 'C9']],
		['one out of order, then its repeat and the run goes on', ['C1', 'C3', 'C2', 'C4', 'C2', 'C3']],
		['prefixes and longer IDs', ['C1', 'C10', 'C100', 'C2', 'C10', 'C1']],
		['non-ASCII and the empty text', ['顧客1', 'a', '', '顧客1', '']],
		['a character past U+00FF in the run order, then its repeat', ['C1', 'C2', 'Cあ', 'C3', 'Cあ', 'C2']],
		['U+00FF and U+0100 side by side', ['a\u00ff', 'a\u0100', 'b\u00ff', 'a\u0100', 'a\u00ff']]
	])('answers as a Map: %s', (_name, ids) => agreesWithMap(ids));

	it('answers as a Map for any order of IDs (sorted, shuffled, repeated)', () => {
		const id = fc.string({ unit: fc.constantFrom('C', '0', '1', '2', '9', 'あ', '\u00ff', '\u0100'), maxLength: 4 });
		fc.assert(fc.property(fc.array(id, { maxLength: 80 }), (ids) => agreesWithMap(ids)));
		fc.assert(fc.property(fc.array(id, { maxLength: 80 }), (ids) => agreesWithMap([...ids].sort())));
		const byLength = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
		fc.assert(fc.property(fc.array(id, { maxLength: 80 }), (ids) => agreesWithMap([...ids].sort(byLength))));
	});

	// Old carts number their customers 1, 2, … unpadded: by text alone, 10 sorts before 9 and every
	// number from 10 on went to the Map (a million entries, grown in one step between two progress calls).
	it.each<[string, string[]]>([
		['unpadded numbers 1…12,000', Array.from({ length: 12_000 }, (_, i) => String(i + 1))],
		['padded IDs', Array.from({ length: 12_000 }, (_, i) => `C${String(i + 1).padStart(7, '0')}`)],
		['a prefix with unpadded numbers', Array.from({ length: 1_200 }, (_, i) => `OC-${i + 1}`)]
	])('an ascending file keeps its IDs out of the Map: %s', (_name, ids) => {
		const rows = new FirstRows();
		ids.forEach((id, row) => rows.set(id, row));
		expect(rows.outOfOrder).toBe(0);
		agreesWithMap(ids);
	});
});
