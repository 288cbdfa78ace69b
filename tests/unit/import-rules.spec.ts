import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layers of docs/architecture.md and what each may import. Dependencies point inward:
// routes → components → state → workers → jobs → registry/storage → domain. `types` are layers a
// layer may name in `import type` only (shapes, no code).
const src = fileURLToPath(new URL('../../src/', import.meta.url));
const layers = ['domain', 'i18n', 'registry', 'storage', 'jobs', 'workers', 'state', 'components', 'routes'] as const;
type Layer = (typeof layers)[number];
type Target = Layer | 'svelte' | '$app' | 'dexie' | 'npm' | 'node' | 'other';

const rules: Record<Layer, { may: Target[]; types?: Target[] }> = {
	domain: { may: ['domain', 'npm'] },
	i18n: { may: ['i18n', 'domain'] },
	registry: { may: ['registry', 'domain'] },
	storage: { may: ['storage', 'registry', 'domain', 'dexie'] },
	jobs: { may: ['jobs', 'registry', 'i18n', 'domain'] },
	workers: { may: ['workers', 'jobs', 'storage', 'registry', 'i18n', 'domain'] },
	state: { may: ['state', 'workers', 'storage', 'i18n', 'domain', 'svelte'], types: ['jobs', 'registry'] },
	components: { may: ['components', 'state', 'i18n', 'domain', 'svelte', '$app'], types: ['jobs', 'registry'] },
	routes: { may: ['routes', 'components', 'state', 'i18n', 'domain', 'svelte', '$app'] }
};

function layerOfPath(path: string): Layer | 'other' {
	const inSrc = relative(src, path).split(/[\\/]/);
	if (inSrc[0] === 'routes') return 'routes';
	if (inSrc[0] === 'lib' && (layers as readonly string[]).includes(inSrc[1])) return inSrc[1] as Layer;
	return 'other';
}

function targetOf(specifier: string, from: string): Target {
	if (specifier.startsWith('$lib/')) return layerOfPath(join(src, 'lib', specifier.slice(5)));
	if (specifier.startsWith('.')) return layerOfPath(resolve(dirname(from), specifier));
	if (specifier.startsWith('$app/')) return '$app';
	if (specifier === 'svelte' || specifier.startsWith('svelte/')) return 'svelte';
	if (specifier === 'dexie') return 'dexie';
	if (specifier.startsWith('node:')) return 'node';
	if (specifier.startsWith('$')) return 'other';
	return 'npm';
}

function* files(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* files(path);
		else if (/\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) yield path;
	}
}

const importPattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import of the source tree (specs aside): file, layer, what it names, and whether only types. */
function imports() {
	const found: { file: string; layer: Layer; target: Target; specifier: string; typeOnly: boolean; dynamic: boolean }[] = [];
	for (const file of files(src)) {
		const layer = layerOfPath(file);
		if (layer === 'other') continue;
		for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
			const specifier = match[3] ?? match[4];
			found.push({ file: relative(src, file), layer, target: targetOf(specifier, file), specifier, typeOnly: Boolean(match[2]), dynamic: match[4] !== undefined });
		}
	}
	return found;
}

// Modules of `state` loaded on demand (a dynamic import), after a screen's first paint: only they
// may import the storage layer (Dexie, the records' zod schemas) statically (issue 14: ≤ 100 KB of
// JavaScript at first paint).
const lazyStateModules = ['lib/state/storage-parts.ts', 'lib/state/app-start.ts', 'lib/state/other-tabs.ts'];

describe('import rules (docs/architecture.md)', () => {
	const all = imports();

	it('state reaches the storage layer at first paint only through lazy-storage', () => {
		const isLazy = (file: string) => lazyStateModules.includes(file.replaceAll('\\', '/'));
		const eager = all
			.filter((entry) => entry.layer === 'state' && entry.target === 'storage' && !entry.typeOnly && !entry.dynamic)
			.filter((entry) => !isLazy(entry.file))
			.map((entry) => `${entry.file} → ${entry.specifier}`);
		expect(eager).toEqual([]);
		const lazyLoadedStatically = all
			.filter((entry) => !entry.typeOnly && !entry.dynamic && !isLazy(entry.file))
			.filter((entry) => lazyStateModules.some((lazy) => entry.specifier.endsWith(lazy.slice('lib/state/'.length, -'.ts'.length))))
			.map((entry) => `${entry.file} → ${entry.specifier}`);
		expect(lazyLoadedStatically).toEqual([]);
	});

	// What a screen runs at its first paint: the static imports (not type-only, not dynamic) from the
	// root layout and from each route's +page.svelte. The converter (and its Shift_JIS encoder) belongs
	// to the worker, and the layout (every screen) needs no zod: a count helper imported from the
	// converter's module once put 86–97 KB gzip more on /migration and /report, and the bell's problem
	// list imported with the notices' schemas put zod on every screen (issue 14: ≤ 100 KB at first paint).
	const exists = (path: string) => existsSync(path) && statSync(path).isFile();
	const fileOf = (specifier: string, from: string): string | null => {
		const base = specifier.startsWith('$lib/') ? join(src, 'lib', specifier.slice(5)) : specifier.startsWith('.') ? resolve(dirname(join(src, from)), specifier) : null;
		if (!base) return null;
		const found = ['', '.ts', '.js', '/index.ts'].map((ending) => base + ending).find(exists);
		return found ? relative(src, found).replaceAll('\\', '/') : null;
	};
	const firstPaint = (start: string): Set<string> => {
		const reached = new Set<string>([start]);
		for (const file of reached) {
			for (const entry of all) {
				if (entry.file.replaceAll('\\', '/') !== file || entry.typeOnly || entry.dynamic) continue;
				reached.add(entry.target === 'npm' ? entry.specifier : (fileOf(entry.specifier, entry.file) ?? entry.specifier));
			}
		}
		return reached;
	};
	const screens = all.map((entry) => entry.file.replaceAll('\\', '/')).filter((file) => /^routes\/(.+\/)?\+page\.svelte$/.test(file));
	it.each([...new Set(screens), 'routes/+layout.svelte'])('%s loads neither the converter nor its encoder at first paint', (start) => {
		const heavy = ['lib/domain/convert/yamato-return-converter.ts', 'encoding-japanese', 'papaparse'];
		expect(heavy.filter((module) => firstPaint(start).has(module))).toEqual([]);
	});
	it('the layout (every screen) loads no zod at first paint', () => {
		expect(firstPaint('routes/+layout.svelte').has('zod/mini')).toBe(false);
		// The walk does reach what it should: a screen that reads settings loads zod.
		expect(firstPaint('routes/settings/+page.svelte').has('zod/mini')).toBe(true);
		expect(firstPaint('routes/report/+page.svelte').has('lib/domain/report/reconciliation-groups.ts')).toBe(true);
	});

	it('finds the imports it checks', () => {
		for (const layer of layers) expect(all.some((entry) => entry.layer === layer), layer).toBe(true);
	});

	it.each(layers)('%s imports only what its layer may', (layer) => {
		const { may, types = [] } = rules[layer];
		const broken = all
			.filter((entry) => entry.layer === layer && entry.target !== 'other')
			.filter((entry) => !may.includes(entry.target) && !(entry.typeOnly && types.includes(entry.target)))
			.map((entry) => `${entry.file} → ${entry.specifier}`);
		expect(broken).toEqual([]);
	});

	it('no file in src/lib/workers is over 80 lines', () => {
		const long = [...files(join(src, 'lib', 'workers'))]
			.map((file) => [relative(src, file), readFileSync(file, 'utf8').split('\n').length] as const)
			.filter(([, lines]) => lines > 80);
		expect(long).toEqual([]);
	});

	it.each<[string, string, Target]>([
		['a relative import within a layer', 'lib/jobs/a.ts|./b', 'jobs'],
		['a relative import up a layer', 'lib/jobs/a.ts|../storage/db', 'storage'],
		['an alias import', 'lib/state/a.ts|$lib/workers/messages', 'workers'],
		['a package', 'lib/domain/a.ts|papaparse', 'npm'],
		['dexie', 'lib/storage/a.ts|dexie', 'dexie']
	])('resolves %s', (_name, pair, expected) => {
		const [from, specifier] = pair.split('|');
		expect(targetOf(specifier, join(src, from))).toBe(expected);
	});
});
