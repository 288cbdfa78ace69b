import { describe, expect, it } from 'vitest';
import { LinkageTable } from './linkage-table';

describe('LinkageTable', () => {
	it('finds every 連携用ID after growing many times, and keeps the first of duplicates', () => {
		const ids = Array.from({ length: 5000 }, (_, i) => `C${i}`);
		ids.push('C42');
		const table = new LinkageTable(ids);
		ids.forEach((_, seq) => table.add(seq));
		expect(ids.slice(0, 5000).every((id, seq) => table.get(id) === seq)).toBe(true);
		expect(table.get('C42')).toBe(42);
		expect(table.get('C5000')).toBeNull();
		expect(table.get('')).toBeNull();
	});
});
