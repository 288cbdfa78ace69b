import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as domain from '$lib/domain';

// src/lib/domain/README.md: "Everything below is exported from `$lib/domain`". Each name a row of
// its entry-point table opens a code span with (`name(…)` or `name`) is one the core's callers
// may import from there: a name documented but not exported sends them to a private path.
function entryPointNames(): string[] {
	const readme = readFileSync(new URL('../../src/lib/domain/README.md', import.meta.url), 'utf8');
	const table = readme.split('## Entry points')[1].split('\n## ')[0];
	const names = new Set<string>();
	for (const line of table.split('\n')) {
		const cell = line.split('|')[1] ?? '';
		for (const [, name] of cell.matchAll(/`([A-Za-z_$][\w$]*)/g)) names.add(name);
	}
	return [...names];
}

describe('the core README (src/lib/domain/README.md)', () => {
	it('lists entry points', () => {
		expect(entryPointNames().length).toBeGreaterThan(30);
	});

	it.each(entryPointNames())('names %s, which $lib/domain exports', (name) => {
		expect(domain).toHaveProperty(name);
	});
});
