import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256HexOfText } from './sha256';
import { sha256HexOfBytes, sha256HexSync } from './sha256-sync';

describe('sha256HexSync', () => {
	it.each([
		['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
		['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
		[
			'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
			'248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
		]
	])('hashes %j like the standard vectors', (text, digest) => {
		expect(sha256HexSync(text)).toBe(digest);
	});

	it('agrees with Web Crypto for any text of any length', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
				expect(sha256HexSync(text)).toBe(await sha256HexOfText(text));
			})
		);
	});

	// The padded buffer and the state are reused between calls: nothing of one text may reach the next.
	it('gives each text of a sequence its own digest, whatever came before (long, non-ASCII, short)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 150 }), { minLength: 2, maxLength: 6 }), async (texts) => {
				const digests = texts.map((text) => sha256HexSync(text));
				expect(digests).toEqual(await Promise.all(texts.map((text) => sha256HexOfText(text))));
			})
		);
	});

	// A token read from the file's bytes must get the fingerprint its text gets, mixed with texts in any order.
	it('hashes a range of bytes as the text of those bytes, between texts of any length', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 150 }), fc.nat(5), fc.boolean()), { minLength: 1, maxLength: 6 }),
				async (tokens) => {
					for (const [token, before, asBytes] of tokens) {
						const bytes = new Uint8Array(before + token.length + 3).fill(0x2c);
						for (let i = 0; i < token.length; i++) bytes[before + i] = token.charCodeAt(i);
						const digest = asBytes ? sha256HexOfBytes(bytes, before, before + token.length) : sha256HexSync(token);
						expect(digest).toBe(await sha256HexOfText(token));
					}
				}
			)
		);
	});

	// The padding's edges (FIPS 180-4 §5.1.1): 55 bytes are the most one padded block holds, 56–64
	// spill into a second, 119/120 are the same edge one block later; non-ASCII texts reach them in
	// UTF-8 bytes (3 per kana), not in characters.
	const nodeDigest = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
	const edgeLengths = [0, 1, 54, 55, 56, 57, 63, 64, 65, 118, 119, 120, 121, 127, 128, 129, 191, 192];

	it.each(edgeLengths)('agrees with node:crypto for an ASCII token of %i bytes, as text and as bytes in a file', (length) => {
		const token = Array.from({ length }, (_, i) => 'Ab0z9'.charAt(i % 5)).join('');
		const file = new TextEncoder().encode(`x,${token},y`);
		expect(sha256HexSync(token)).toBe(nodeDigest(token));
		expect(sha256HexOfBytes(file, 2, 2 + length)).toBe(nodeDigest(token));
	});

	it.each(edgeLengths.flatMap((length) => [
		[length, 'kana (3 bytes each) after ASCII'],
		[length, 'one 4-byte character after ASCII']
	]))('agrees with node:crypto for a non-ASCII text of about %i UTF-8 bytes: %s', (length, kind) => {
		const wide = kind.startsWith('kana') ? 'ア' : '𠮷';
		const size = new TextEncoder().encode(wide).length;
		const text = 'a'.repeat(Math.max(0, length - size * 2)) + wide + wide;
		expect(sha256HexSync(text)).toBe(nodeDigest(text));
	});

	it('agrees with node:crypto for any token whose length lies near a block edge, ASCII or not, as text and as bytes', () => {
		const nearEdge = fc.constantFrom(...edgeLengths).chain((length) => fc.integer({ min: Math.max(0, length - 3), max: length + 3 }));
		fc.assert(
			fc.property(
				nearEdge,
				fc.string({ unit: 'grapheme', maxLength: 4 }),
				fc.uint8Array({ maxLength: 200 }),
				fc.nat(4),
				(length, tail, raw, before) => {
					const text = 'K'.repeat(length) + tail;
					expect(sha256HexSync(text)).toBe(nodeDigest(text));
					const bytes = new Uint8Array(before + raw.length + length + 2);
					bytes.set(raw, before);
					const end = before + raw.length + length;
					expect(sha256HexOfBytes(bytes, before, end)).toBe(nodeDigest(bytes.subarray(before, end)));
				}
			),
			{ numRuns: 300 }
		);
	});
});
