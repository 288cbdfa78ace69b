import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';
import { createSha256Stream } from './sha256-stream';

/** Cuts `bytes` at the given offsets (sorted, clamped): the slices a stream might deliver. */
function slicesOf(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
	const at = [0, ...cuts.map((cut) => cut % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
	return at.slice(1).map((end, i) => bytes.subarray(at[i], end));
}

describe('createSha256Stream', () => {
	it.each([
		['the empty message', ''],
		['"abc" (FIPS 180-4 example)', 'abc'],
		['56 bytes, padding spills into a second block', 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'],
		['one whole block', 'a'.repeat(64)]
	])('gives the digest of Web Crypto for %s', async (_, text) => {
		const bytes = new TextEncoder().encode(text);
		const hash = createSha256Stream();
		hash.update(bytes);
		expect(hash.hex()).toBe(await sha256Hex(bytes));
	});

	it('gives the digest of the whole message however it is sliced', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(), { maxLength: 12 }), async (bytes, cuts) => {
				const hash = createSha256Stream();
				for (const slice of slicesOf(bytes, cuts)) hash.update(slice);
				expect(hash.hex()).toBe(await sha256Hex(bytes));
			})
		);
	});
});
