import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createByteDecoder } from '$lib/domain';

const sjis = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));
const join = (...parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts));

function decodeIn(bytes: Uint8Array, cuts: number[]): string {
	const decoder = createByteDecoder('shift_jis');
	let text = '';
	let from = 0;
	for (const cut of [...cuts].sort((a, b) => a - b)) {
		text += decoder.push(bytes.subarray(from, cut));
		from = cut;
	}
	return text + decoder.push(bytes.subarray(from)) + decoder.finish();
}

describe('Shift_JIS decoding of plain-ASCII chunks', () => {
	// 「表」 is 0x95 0x5C: its trail byte is an ASCII backslash, the case a fast path could break.
	const file = join(ascii('a,b\r\n'.repeat(3)), sjis('955c'), ascii('x\r\n'), ascii('c,d\r\n'.repeat(3)), sjis('8eae'));
	const whole = new TextDecoder('shift_jis').decode(file);

	it('gives the same text when a chunk ends between a lead byte and an ASCII-range trail byte', () => {
		const lead = file.indexOf(0x95);
		expect(decodeIn(file, [5, lead + 1, lead + 2, lead + 3])).toBe(whole);
		expect(whole).toContain('表');
	});

	it('gives the same text for any cuts', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: file.length }), { maxLength: 8 }), (cuts) => {
				expect(decodeIn(file, cuts)).toBe(whole);
			})
		);
	});
});
