import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '$lib/storage/storage-errors';
import { failureCodes, failureText } from './failures';

// Every error the operator can meet is in the catalogue, both languages, with what to do next.
describe('failureText', () => {
	it.each(failureCodes)('%s has a Japanese and an English message that say what to do', (code) => {
		const ja = failureText(code, 'ja');
		const en = failureText(code, 'en');
		expect(ja).toMatch(/[ぁ-んァ-ン一-龯]/);
		expect(ja).toMatch(/ください。/);
		expect(en).toMatch(/^[\x20-\x7e「」ー-龯ぁ-んァ-ン]+$/);
		expect(en).not.toBe(ja);
	});

	it('never shows a text it does not know: any other string gives the unknown message', () => {
		fc.assert(
			fc.property(fc.string(), (raw) => {
				if ((failureCodes as readonly string[]).includes(raw)) return;
				expect(failureText(raw, 'ja')).toBe(failureText('unknown', 'ja'));
				expect(failureText(raw, 'en')).toBe(failureText('unknown', 'en'));
			})
		);
	});
});

describe('errorCodeOf', () => {
	const named = (name: string, message = '') => Object.assign(new Error(message), { name });
	it.each<[string, unknown, string]>([
		['a full disk', named('QuotaExceededError', 'The quota has been exceeded.'), 'quota-exceeded'],
		['a transaction aborted by a full disk', { name: 'AbortError', inner: { name: 'QuotaExceededError' } }, 'quota-exceeded'],
		['a file changed after it was chosen (Chrome)', new TypeError('network error'), 'file-unreadable'],
		['a file that can no longer be read', named('NotReadableError', 'The requested file could not be read'), 'file-unreadable'],
		['a database closed by a newer version', named('DatabaseClosedError', 'Database has been closed'), 'database-closed'],
		['an upgrade blocked by an older tab', named('BlockedError'), 'database-blocked'],
		['our own code', new Error('registry-changed'), 'registry-changed'],
		['an English internal sentence', new Error('a card names no registered customer'), 'unknown'],
		['a message quoting content', new Error('bad value "山田"'), 'unknown'],
		['not an error at all', 'oops', 'unknown']
	])('%s → %s', (_name, error, code) => {
		expect(errorCodeOf(error)).toBe(code);
	});

	it('gives only codes the catalogue knows for every error the storage and worker raise', () => {
		const raised = ['import-busy', 'quota-exceeded', 'registry-changed', 'card-customer-missing', 'worker-crashed', 'card-number-in-file-name'];
		for (const code of raised) expect(failureCodes).toContain(errorCodeOf(new Error(code)));
	});
});

function* svelteFiles(dir: string): Generator<string> {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) yield* svelteFiles(path);
		else if (name.endsWith('.svelte')) yield path;
	}
}

describe('screens', () => {
	it('render a caught failure only through the catalogue, never its raw text', () => {
		const offending: string[] = [];
		for (const file of [...svelteFiles('src/lib/components'), ...svelteFiles('src/routes')]) {
			const text = readFileSync(file, 'utf8');
			for (const match of text.matchAll(/\{[^{}]*(?:\w\.(?:failure|message)\b(?![\w.'])|\berror\.name\b)[^{}]*\}/g)) {
				if (!/locale\.failure\(|failureText\(/.test(match[0])) offending.push(`${file}: ${match[0]}`);
			}
		}
		expect(offending).toEqual([]);
	});
});
