import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Library code carries documentation links in error texts (svelte.dev, Dexie's short links) and
 * zod carries JSON-Schema identifiers. None is ever fetched, but the build must name no external
 * URL, so the scheme is dropped and the text stays readable. XML namespace names are kept: the DOM
 * needs them verbatim, and they are identifiers, not addresses.
 */
function inertDocLinks(): Plugin {
	const links = /https?:\/\/(?!www\.w3\.org\/)(?=[a-z0-9-]+\.[a-z])/gi;
	return {
		name: 'inert-doc-links',
		renderChunk(code) {
			const inert = code.replace(links, '');
			return inert === code ? null : { code: inert, map: null };
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), inertDocLinks()],
	worker: { format: 'es', plugins: () => [inertDocLinks()] },
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		environment: 'node',
		// Property tests run thousands of files; on a busy 2-core machine some take longer than
		// vitest's 5 s default. Tests assert behaviour, never time.
		testTimeout: 30_000,
		// Most of the suite's time was each file importing the core again (64 files: 87 s of CPU for
		// imports alone). The specs keep no global state between files (each database test opens its
		// own uniquely named fake-indexeddb database; a global stubbed by a spec is restored after each
		// test), so files share a worker's module cache: imports 87 → 21 s, CPU 77 → 34 s for the same
		// 3,026 tests.
		pool: 'threads',
		isolate: false,
		unstubGlobals: true
	}
});
