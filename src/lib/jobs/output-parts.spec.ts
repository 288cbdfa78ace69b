import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sinkPiece } from '$lib/domain/convert/output-bytes';
import { OutputParts } from './output-parts';

describe('OutputParts', () => {
	// Step d hands its output over as arrays it gives away (`add`) and as views of a buffer it
	// reuses (`copy`, then overwritten). Whatever the mix and sizes, across the flush at `sinkPiece`,
	// the Blob holds the bytes in the order given, and a reused buffer's later contents never leak in.
	it('keeps every byte in order, whatever the mix of given and reused parts', async () => {
		const part = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3 * sinkPiece }), fc.integer({ min: 0, max: 255 }));
		await fc.assert(
			fc.asyncProperty(fc.array(part, { maxLength: 8 }), async (list) => {
				const parts = new OutputParts();
				const reused = new Uint8Array(3 * sinkPiece);
				const expected: Uint8Array[] = [];
				for (const [isReused, length, seed] of list) {
					const bytes = isReused ? reused.subarray(0, length) : new Uint8Array(length);
					bytes.fill(seed);
					if (length > 0) bytes[0] = length & 0xff;
					expected.push(bytes.slice());
					if (isReused) parts.copy(bytes);
					else parts.add(bytes);
					// What a reused buffer holds next must not change what was copied.
					if (isReused) reused.fill(0xee);
				}
				const blob = parts.blob();
				expect(blob.type).toBe('text/csv');
				const bytes = Buffer.from(await blob.arrayBuffer());
				expect(bytes.equals(Buffer.concat(expected))).toBe(true);
			}),
			{ numRuns: 30 }
		);
	});
});
