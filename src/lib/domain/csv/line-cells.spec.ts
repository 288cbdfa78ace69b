import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutPlainLine, plainCell } from './line-cells';

// Every cell a file kind reads from a plain line must be what `raw.split(',')` gave it.
function splitCell(raw: string, column: number): string {
	return column > 0 ? (raw.split(',')[column - 1] ?? '') : '';
}

function cells(raw: string, count: number): string[] {
	const cuts = new Int32Array(count + 1).fill(7);
	cutPlainLine(raw, cuts, count);
	return Array.from({ length: count + 1 }, (_, column) => plainCell(raw, cuts, column));
}

describe('cutPlainLine and plainCell', () => {
	it.each([
		['', 3],
		[',', 3],
		['a', 1],
		['a,b', 5],
		['a,,b,', 5],
		[',,,', 2],
		['C0000001,佐藤 太郎,サトウ タロウ,user1@example.jp,0312345678', 5],
		['C0000001,佐藤 太郎,サトウ タロウ,user1@example.jp,0312345678', 7],
		['x,y,z,w', 0]
	])('cuts %j into the cells split gives (%i read)', (raw, count) => {
		expect(cells(raw, count)).toEqual(Array.from({ length: count + 1 }, (_, column) => splitCell(raw, column)));
	});

	it('gives the cells of split, and their count up to the cells read, for any line, any number of cells read, with one array reused', () => {
		const cuts = new Int32Array(9);
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', ',', ' ', 'あ', '"', '\u3000'), maxLength: 30 }), fc.nat(8), (raw, count) => {
				expect(cutPlainLine(raw, cuts, count)).toBe(Math.min(raw.split(',').length, count));
				for (let column = 0; column <= count; column++) expect(plainCell(raw, cuts, column)).toBe(splitCell(raw, column));
			})
		);
	});
});
