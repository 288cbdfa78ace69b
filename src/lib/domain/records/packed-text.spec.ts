import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registryChunkSize } from './columns';
import { customerChunkSchema, customerChunkV5Schema, customerColumnKeys, type CustomerColumns } from './customer';
import { CustomerPacker, readCustomerChunk, toCustomerColumns, toPackedCustomers } from './packed-customers';
import { isPackedText, packTexts, packedAt, packedEquals, unpackTexts } from './packed-text';

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
				// Its own buffer: a structured clone copies no more than the column's ends.
				expect(packed.ends.byteOffset).toBe(0);
				expect(packed.ends.buffer.byteLength).toBe(4 * (to - from));
			})
		);
	});

	it.each<[string, unknown, number]>([
		['ends past the text', { text: 'ab', ends: Uint32Array.of(1, 3) }, 2],
		['ends short of the text', { text: 'abc', ends: Uint32Array.of(1, 2) }, 2],
		['ends going back', { text: 'abc', ends: Uint32Array.of(2, 1, 3) }, 3],
		['a count unlike the ends', { text: 'ab', ends: Uint32Array.of(1, 2) }, 3],
		['ends as a plain array', { text: 'ab', ends: [1, 2] }, 2],
		['a text that is no string', { text: ['a', 'b'], ends: Uint32Array.of(1, 2) }, 2],
		['nothing', null, 0]
	])('refuses a packed column with %s', (_name, value, count) => {
		expect(isPackedText(value, count)).toBe(false);
	});
});

const customerArb = fc.record({ linkageId: anyText, name: anyText, kana: anyText, email: anyText, phone: anyText, zip: anyText, address: anyText });

function columnsOf(customers: { [key: string]: string }[]): CustomerColumns {
	const columns = Object.fromEntries(customerColumnKeys.map((key) => [key, [] as string[]])) as unknown as CustomerColumns;
	const field: Record<keyof CustomerColumns, string> = { linkageIds: 'linkageId', names: 'name', kanas: 'kana', emails: 'email', phones: 'phone', zips: 'zip', addresses: 'address' };
	for (const customer of customers) for (const key of customerColumnKeys) columns[key].push(customer[field[key]]);
	return columns;
}

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

	it('reads a stored chunk of either shape (v6 packed, v5 arrays) as the same customers, and neither else', () => {
		fc.assert(
			fc.property(fc.array(customerArb, { maxLength: 20 }), fc.nat({ max: 1_000_000 }), (customers, firstSeq) => {
				const columns = columnsOf(customers);
				const v5 = customerChunkV5Schema.parse({ ...columns, uploadId: 1, firstSeq, count: customers.length });
				const v6 = customerChunkSchema.parse({ ...(toPackedCustomers(columns).parts[0] ?? packedEmpty()), uploadId: 1, firstSeq, count: customers.length });
				const fromV5 = readCustomerChunk(structuredClone(v5));
				const fromV6 = readCustomerChunk(structuredClone(v6));
				expect(fromV5 && { ...fromV5 }).toEqual(fromV6 && { ...fromV6, id: undefined, uploadId: undefined });
				expect(toCustomerColumns({ count: customers.length, parts: [fromV6!] })).toEqual(columns);
				expect(readCustomerChunk({ ...v5, names: 'not a column' })).toBeNull();
				expect(readCustomerChunk({ ...v6, names: columns.names })).toBeNull();
			})
		);
	});
});

function packedEmpty() {
	return Object.fromEntries(customerColumnKeys.map((key) => [key, packTexts([])]));
}
