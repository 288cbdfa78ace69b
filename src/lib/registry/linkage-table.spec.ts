import { describe, expect, it } from 'vitest';
import { LinkageTable } from './linkage-table';

describe('LinkageTable', () => {
	it('finds every 連携用ID after growing many times, and keeps the first of duplicates', () => {
		const ids = Array.from({ length: 5000 }, (_, i) => `C${i}`);
		ids.push('C42');
		const table = new LinkageTable({ linkageIds: ids });
		ids.forEach((_, seq) => table.add(seq));
		expect(ids.slice(0, 5000).every((id, seq) => table.get(id) === seq)).toBe(true);
		expect(table.get('C42')).toBe(42);
		expect(table.get('C5000')).toBeNull();
		expect(table.get('')).toBeNull();
	});

	it.each([
		[0, 0],
		[1, 1],
		[3000, 3000],
		[5001, 9000],
		[100, 5001]
	])('finds the same after reserving room for %i up to seq %i first, reserved too little or too much', (count, lastSeq) => {
		const ids = Array.from({ length: 5000 }, (_, i) => `C${i % 4000}`);
		const table = new LinkageTable({ linkageIds: ids });
		ids.slice(0, 10).forEach((_, seq) => table.add(seq));
		table.reserve(count, lastSeq);
		ids.forEach((_, seq) => seq >= 10 && table.add(seq));
		expect(ids.every((id, seq) => table.get(id) === (seq < 4000 ? seq : seq - 4000))).toBe(true);
		expect(table.get('C4000')).toBeNull();
	});
});
