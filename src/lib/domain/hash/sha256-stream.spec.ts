import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';
import { createSha256Stream, writeBitLength } from './sha256-stream';

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
		['one whole block', 'a'.repeat(64)],
		['55 bytes, the most one padded block holds', 'a'.repeat(55)],
		['a million "a" (FIPS 180-4 example)', 'a'.repeat(1_000_000)]
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

	it('gives the digest of Web Crypto for messages of many blocks, sliced anywhere in a larger buffer', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uint8Array({ minLength: 1000, maxLength: 5000 }),
				fc.array(fc.nat(), { maxLength: 20 }),
				fc.nat({ max: 7 }),
				async (bytes, cuts, shift) => {
					// The slices sit at any offset of their buffer (a stream's views), not only at 0.
					const inBuffer = new Uint8Array(bytes.length + shift);
					inBuffer.set(bytes, shift);
					const hash = createSha256Stream();
					for (const slice of slicesOf(inBuffer.subarray(shift), cuts)) hash.update(slice);
					expect(hash.hex()).toBe(await sha256Hex(bytes));
				}
			),
			{ numRuns: 50 }
		);
	});
});

describe('writeBitLength', () => {
	it.each([0, 1, 55, 2 ** 29 - 1, 2 ** 29, 2 ** 29 + 1, 554_449_934, 2 ** 32 + 3, 2 ** 40 + 12_345])(
		'writes %d bytes as their bit count, 64 bits big-endian',
		(byteCount) => {
			const bytes = new Uint8Array(10);
			writeBitLength(bytes, 1, byteCount);
			expect(new DataView(bytes.buffer).getBigUint64(1)).toBe(BigInt(byteCount) * 8n);
			expect([bytes[0], bytes[9]]).toEqual([0, 0]);
		}
	);
});
