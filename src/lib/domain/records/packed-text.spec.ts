import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registryChunkSize } from './columns';
import { customerChunkSchema, customerChunkV5Schema, customerChunkV6Schema, customerColumnKeys, type CustomerColumns } from './customer';
import { CustomerPacker, readCustomerChunk, toCustomerColumns, toPackedCustomers } from './packed-customers';
import { emptyTexts, fromV6, isPackedText, isPackedTextV6, PackedTextBuilder, packTexts, packedAt, packedBlockSize, packedEquals, unpackTexts, type PackedText, type PackedTextV6 } from './packed-text';

// Any UTF-16 text: empty values, the search keys' separator U+0001, astral characters and lone
// surrogates (a string holds any code units; packing must keep them all).
const anyUnit = fc.oneof(
	fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
	fc.constantFrom('\u0001', '', ',', '"', '𠮷', '\ud800', '\udfff', '山')
);
const anyText = fc.string({ unit: anyUnit, maxLength: 6 });

describe('packTexts', () => {
	it('gives back every value as it was, whatever the text (round trip), and compares in place', () => {
		fc.assert(
			fc.property(fc.array(anyText, { maxLength: 40 }), fc.nat(), fc.nat(), (values, a, b) => {
				const from = values.length === 0 ? 0 : a % (values.length + 1);
				const to = from + (values.length === 0 ? 0 : b % (values.length - from + 1));
				const packed = packTexts(values, from, to);
				expect(isPackedText(packed, to - from)).toBe(true);
				expect(unpackTexts(packed)).toEqual(values.slice(from, to));
				values.slice(from, to).forEach((value, i) => {
					expect(packedAt(packed, i)).toBe(value);
					expect(packedEquals(packed, i, value)).toBe(true);
					expect(packedEquals(packed, i, `${value}x`)).toBe(false);
				});
				// Its own buffers: a structured clone copies no more than the column's ends and starts.
				expect(packed.ends.byteOffset).toBe(0);
				expect(packed.ends.buffer.byteLength).toBe(packed.ends.BYTES_PER_ELEMENT * (to - from));
				expect(packed.starts.buffer.byteLength).toBe(4 * Math.ceil((to - from) / packedBlockSize));
			})
		);
	});

	// Blocks whose text passes 64 Ki code units take 32-bit ends; the values come back the same
	// either way, across block edges, whatever the lengths (long values, empty runs, one block or many).
	it.each<[string, number, (i: number) => number, 2 | 4]>([
		['short values in many blocks', 3 * packedBlockSize + 5, (i) => i % 9, 2],
		['one block filled to 64 Ki - 1 code units', packedBlockSize, (i) => (i === 0 ? 0xffff - 255 * 10 : 10), 2],
		['one block of 64 Ki code units', packedBlockSize, (i) => (i === 0 ? 0x10000 - 255 * 10 : 10), 4],
		['a value over 64 Ki alone in the last block', packedBlockSize + 1, (i) => (i === packedBlockSize ? 70_000 : 1), 4],
		['long values throughout', 2 * packedBlockSize + 7, (i) => 300 + (i % 5), 4],
		['empty but for the last value', 2 * packedBlockSize + 1, (i) => (i === 2 * packedBlockSize ? 3 : 0), 2]
	])('packs %s (%i values)', (_name, count, lengthAt, bytes) => {
		const values = Array.from({ length: count }, (_, i) => String.fromCharCode(0x61 + (i % 26)).repeat(lengthAt(i)));
		const packed = packTexts(values);
		expect(packed.ends.BYTES_PER_ELEMENT).toBe(bytes);
		expect(isPackedText(packed, count)).toBe(true);
		expect(unpackTexts(packed)).toEqual(values);
	});

	it('shares one empty column per count: a column no row fills costs nothing more per part', () => {
		expect(packTexts(['', '', ''])).toBe(emptyTexts(3));
		expect(packTexts(Array(registryChunkSize).fill(''))).toBe(emptyTexts(registryChunkSize));
		expect(unpackTexts(emptyTexts(3))).toEqual(['', '', '']);
		expect(packTexts(['', 'a', ''])).not.toBe(emptyTexts(3));
	});

	const wellFormed = packTexts(Array.from({ length: packedBlockSize + 2 }, (_, i) => `v${i}`));
	it.each<[string, unknown, number]>([
		['ends past the text', { text: 'ab', ends: Uint16Array.of(1, 3), starts: Uint32Array.of(0) }, 2],
		['ends short of the text', { text: 'abc', ends: Uint16Array.of(1, 2), starts: Uint32Array.of(0) }, 2],
		['ends going back', { text: 'abc', ends: Uint16Array.of(2, 1, 3), starts: Uint32Array.of(0) }, 3],
		['a count unlike the ends', { text: 'ab', ends: Uint16Array.of(1, 2), starts: Uint32Array.of(0) }, 3],
		['ends as a plain array', { text: 'ab', ends: [1, 2], starts: Uint32Array.of(0) }, 2],
		['ends of another width', { text: 'ab', ends: Uint8Array.of(1, 2), starts: Uint32Array.of(0) }, 2],
		['no starts (v6 absolute ends)', { text: 'ab', ends: Uint32Array.of(1, 2) }, 2],
		['a first block not at 0', { text: 'ab', ends: Uint16Array.of(0, 1), starts: Uint32Array.of(1) }, 2],
		['a block not starting where the one before ends', { ...wellFormed, starts: Uint32Array.of(0, wellFormed.starts[1] - 1) }, packedBlockSize + 2],
		['a start missing', { ...wellFormed, starts: wellFormed.starts.slice(0, 1) }, packedBlockSize + 2],
		['a text that is no string', { text: ['a', 'b'], ends: Uint16Array.of(1, 2), starts: Uint32Array.of(0) }, 2],
		['nothing', null, 0]
	])('refuses a packed column with %s', (_name, value, count) => {
		expect(isPackedText(value, count)).toBe(false);
	});

	it.each<[string, unknown, number]>([
		['ends going back', { text: 'abc', ends: Uint32Array.of(2, 1, 3) }, 3],
		['16-bit ends', { text: 'ab', ends: Uint16Array.of(1, 2) }, 2],
		['ends short of the text', { text: 'abc', ends: Uint32Array.of(1, 2) }, 2]
	])('refuses a v6 column with %s', (_name, value, count) => {
		expect(isPackedTextV6(value, count)).toBe(false);
	});
});

/** The column as v6 stored it: absolute 32-bit ends. */
function toV6(packed: PackedText): PackedTextV6 {
	let end = 0;
	return { text: packed.text, ends: Uint32Array.from(unpackTexts(packed), (value) => (end += value.length)) };
}

const customerArb = fc.record({ linkageId: anyText, name: anyText, kana: anyText, email: anyText, phone: anyText, zip: anyText, address: anyText });

function columnsOf(customers: { [key: string]: string }[]): CustomerColumns {
	const columns = Object.fromEntries(customerColumnKeys.map((key) => [key, [] as string[]])) as unknown as CustomerColumns;
	const field: Record<keyof CustomerColumns, string> = { linkageIds: 'linkageId', names: 'name', kanas: 'kana', emails: 'email', phones: 'phone', zips: 'zip', addresses: 'address' };
	for (const customer of customers) for (const key of customerColumnKeys) columns[key].push(customer[field[key]]);
	return columns;
}

// The builder makes each part's text through TextDecoder when that gives the same text (ASCII as
// UTF-8; UTF-16LE without lone surrogates), else through String.fromCharCode: every class of code
// unit must come back as it went in, whichever way the part's text was made.
describe('PackedTextBuilder', () => {
	const build = (values: readonly string[]): string[] => {
		const builder = new PackedTextBuilder(1);
		for (const value of values) builder.add(value);
		return unpackTexts(builder.build());
	};
	it.each([
		['ASCII only', ['C0000001', 'a@example.jp', '', '03-1234-5678']],
		['ASCII with control codes and the key separator', ['\u0000', '\u0001x', '\u007f']],
		['Latin-1 beyond ASCII', ['café', '\u0080', 'ÿ']],
		['ASCII values, then Japanese (the part widens from bytes to code units)', ['C0000001', 'a@b.jp', '', '山田', 'x']],
		['ASCII values, then Latin-1', ['abc', 'é']],
		['Japanese (BMP)', ['山田 太郎', 'ヤマダ　タロウ', 'ｶﾅ', '〒100-0001']],
		['a value opening with U+FEFF (a BOM is text here, never dropped)', ['\ufeff山田', '\ufeff']],
		['a BOM alone in ASCII', ['\ufeffabc']],
		['astral characters (surrogate pairs)', ['𠮷野家', '😀', '𠮷']],
		['a lone high surrogate', ['山\ud800', 'x']],
		['a lone low surrogate', ['\udc00山']],
		['a reversed pair', ['\udc00\ud800']],
		['a pair split across two values', ['\ud842', '\udfb7']],
		['a high surrogate at the very end', ['山田', '\udbff']],
		['U+FFFD itself', ['\ufffd', '山\ufffd']]
	])('%s', (_, values) => {
		expect(build(values)).toEqual(values);
	});

	it('gives back any values, part after part, whatever their code units', () => {
		const builder = new PackedTextBuilder(1);
		fc.assert(
			fc.property(fc.array(fc.array(anyText, { maxLength: 12 }), { maxLength: 4 }), (parts) => {
				for (const values of parts) {
					for (const value of values) builder.add(value);
					expect(unpackTexts(builder.build())).toEqual(values);
				}
			}),
			{ numRuns: 300 }
		);
	});
});

describe('packed customers', () => {
	it('the packer and the packing of columns give the same parts, and back the same columns', () => {
		fc.assert(
			fc.property(fc.array(customerArb, { maxLength: 30 }), (customers) => {
				const columns = columnsOf(customers);
				const packer = new CustomerPacker();
				for (const c of customers) packer.push(c.linkageId, c.name, c.kana, c.email, c.phone, c.zip, c.address);
				const packed = packer.finish();
				expect(packed).toEqual(toPackedCustomers(columns));
				expect(toCustomerColumns(packed)).toEqual(columns);
			})
		);
	});

	it(`cuts parts of ${registryChunkSize} customers at most, every part its own stored chunk`, () => {
		const packer = new CustomerPacker();
		for (let i = 0; i < 2 * registryChunkSize + 3; i++) packer.push(`C${i}`, i % 7 === 0 ? '' : `名前${i}`, '', '', '', '', '');
		const packed = packer.finish();
		expect(packed.parts.map((part) => part.count)).toEqual([registryChunkSize, registryChunkSize, 3]);
		const second = customerChunkSchema.parse({ ...packed.parts[1], uploadId: 1, firstSeq: registryChunkSize });
		expect(packedAt(second.linkageIds, 0)).toBe(`C${registryChunkSize}`);
		expect(customerChunkSchema.safeParse({ ...second, count: registryChunkSize + 1 }).success).toBe(false);
	});

	it('reads a stored chunk of any shape (v7 blocks, v6 absolute ends, v5 arrays) as the same customers, and nothing else', () => {
		fc.assert(
			fc.property(fc.array(customerArb, { maxLength: 20 }), fc.nat({ max: 1_000_000 }), (customers, firstSeq) => {
				const columns = columnsOf(customers);
				const part = toPackedCustomers(columns).parts[0] ?? packedEmpty();
				const v5 = customerChunkV5Schema.parse({ ...columns, uploadId: 1, firstSeq, count: customers.length });
				const v7 = customerChunkSchema.parse({ ...part, uploadId: 1, firstSeq, count: customers.length });
				const v6 = customerChunkV6Schema.parse({ ...Object.fromEntries(customerColumnKeys.map((key) => [key, toV6(part[key])])), uploadId: 1, firstSeq, count: customers.length });
				const fromV5 = readCustomerChunk(structuredClone(v5));
				const fromV6Chunk = readCustomerChunk(structuredClone(v6));
				const fromV7 = readCustomerChunk(structuredClone(v7));
				expect(fromV5 && { ...fromV5 }).toEqual(fromV7 && { ...fromV7, id: undefined, uploadId: undefined });
				expect(fromV6Chunk && { ...fromV6Chunk }).toEqual(fromV7 && { ...fromV7 });
				expect(toCustomerColumns({ count: customers.length, parts: [fromV7!] })).toEqual(columns);
				expect(toCustomerColumns({ count: customers.length, parts: [fromV6Chunk!] })).toEqual(columns);
				// A column no one fills is the one shared empty column again once read back.
				for (const key of customerColumnKeys) if (columns[key].every((value) => value === '')) expect(fromV7![key]).toBe(emptyTexts(customers.length));
				expect(readCustomerChunk({ ...v5, names: 'not a column' })).toBeNull();
				expect(readCustomerChunk({ ...v7, names: columns.names })).toBeNull();
				expect(readCustomerChunk({ ...v6, names: part.names.ends.length > 0 ? { ...v6.names, ends: v6.names.ends.subarray(1) } : 'x' })).toBeNull();
			})
		);
	});

	it('puts any v6 column in blocks value for value', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ unit: anyUnit, maxLength: 400 }), { maxLength: 700 }), (values) => {
				const v6 = toV6(packTexts(values));
				expect(unpackTexts(fromV6(v6))).toEqual(values);
				expect(isPackedText(fromV6(v6), values.length)).toBe(true);
			}),
			{ numRuns: 30 }
		);
	});
});

function packedEmpty() {
	return Object.fromEntries(customerColumnKeys.map((key) => [key, packTexts([])]));
}
