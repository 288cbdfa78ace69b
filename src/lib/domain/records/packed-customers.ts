import { registryChunkSize } from './columns';
import {
	customerChunkSchema,
	customerChunkV5Schema,
	customerChunkV6Schema,
	customerColumnKeys,
	emptyCustomerColumns,
	type CustomerColumns
} from './customer';
import { emptyTexts, fromV6, packTexts, PackedTextBuilder, unpackTexts, type PackedText } from './packed-text';

/** At most `registryChunkSize` customers, each column packed (`PackedText`): one stored chunk's worth. */
export type PackedCustomerPart = { readonly count: number } & { readonly [key in keyof CustomerColumns]: PackedText };

/** Customers in registration order as packed parts of at most `registryChunkSize` each. */
export interface PackedCustomers {
	readonly count: number;
	readonly parts: readonly PackedCustomerPart[];
}

/** Customers to register: packed parts (what the register job hands over) or plain columns (tests, small callers). */
export type CustomersIn = PackedCustomers | CustomerColumns;

/** True when `customers` are packed parts. */
export function isPacked(customers: CustomersIn): customers is PackedCustomers {
	return 'parts' in customers;
}

/** How many customers `customers` holds. */
export function customerCountOf(customers: CustomersIn | undefined): number {
	if (!customers) return 0;
	return isPacked(customers) ? customers.count : customers.linkageIds.length;
}

/** Plain columns packed in parts of at most `registryChunkSize`. Packed customers are returned as they are. */
export function toPackedCustomers(customers: CustomersIn): PackedCustomers {
	if (isPacked(customers)) return customers;
	const count = customers.linkageIds.length;
	const parts: PackedCustomerPart[] = [];
	for (let from = 0; from < count; from += registryChunkSize) {
		const to = Math.min(count, from + registryChunkSize);
		const part = { count: to - from } as { count: number } & Record<keyof CustomerColumns, PackedText>;
		for (const key of customerColumnKeys) part[key] = packTexts(customers[key], from, to);
		parts.push(part);
	}
	return { count, parts };
}

/** Customers as plain columns (what `toPackedCustomers` packed, value for value); plain columns as they are. */
export function toCustomerColumns(customers: CustomersIn): CustomerColumns {
	if (!isPacked(customers)) return customers;
	const columns = emptyCustomerColumns();
	for (const part of customers.parts) for (const key of customerColumnKeys) columns[key].push(...unpackTexts(part[key]));
	return columns;
}

/** `count` placeholders (empty 連携用ID: never listed), for an unreadable stored chunk; every column shares one empty text. */
export function placeholderPart(count: number): PackedCustomerPart {
	const empty = emptyTexts(count);
	return { count, linkageIds: empty, names: empty, kanas: empty, emails: empty, phones: empty, zips: empty, addresses: empty };
}

/**
 * The customers of a stored chunk as a packed part with its `firstSeq`, whichever shape wrote it:
 * v7 (packed in blocks, taken as it is, an empty column shared again), v6 (absolute ends, put in
 * blocks; the texts kept) or v2–v5 (arrays of strings, packed here); null when it is none of them.
 */
export function readCustomerChunk(stored: unknown): (PackedCustomerPart & { firstSeq: number }) | null {
	const packed = customerChunkSchema.safeParse(stored);
	if (packed.success) {
		const chunk = { ...packed.data } as { -readonly [key in keyof CustomerColumns]: PackedText } & typeof packed.data;
		// A clone read back holds its own zeros: share the one empty column again.
		for (const key of customerColumnKeys) if (chunk[key].text === '') chunk[key] = emptyTexts(chunk.count);
		return chunk;
	}
	const v6 = customerChunkV6Schema.safeParse(stored);
	if (v6.success) {
		const chunk = { ...v6.data } as unknown as { -readonly [key in keyof CustomerColumns]: PackedText } & { count: number; firstSeq: number };
		for (const key of customerColumnKeys) chunk[key] = fromV6(v6.data[key]);
		return chunk;
	}
	const old = customerChunkV5Schema.safeParse(stored);
	if (!old.success || old.data.count > registryChunkSize) return null;
	const part = toPackedCustomers(old.data).parts[0] ?? placeholderPart(0);
	return { ...part, firstSeq: old.data.firstSeq };
}

/**
 * Packs customers as they are read, `registryChunkSize` at a time: each value's code units are
 * copied into its column's builder at once, so no string per customer outlives its row (issue 14).
 */
export class CustomerPacker {
	private readonly columns = customerColumnKeys.map(() => new PackedTextBuilder(registryChunkSize));
	private pending = 0;
	private readonly parts: PackedCustomerPart[] = [];
	private total = 0;

	/** Adds one customer, its values in the columns' order. */
	push(linkageId: string, name: string, kana: string, email: string, phone: string, zip: string, address: string): void {
		const c = this.columns;
		c[0].add(linkageId);
		c[1].add(name);
		c[2].add(kana);
		c[3].add(email);
		c[4].add(phone);
		c[5].add(zip);
		c[6].add(address);
		if (++this.pending === registryChunkSize) this.flush();
	}

	/**
	 * Adds one customer given by bounds: value `k` (the columns' order) is
	 * `texts[k].slice(bounds[2k], bounds[2k + 1])`, copied from where it stands (a line of the file)
	 * with no text cut for it.
	 */
	pushRanges(texts: readonly string[], bounds: Int32Array): void {
		const c = this.columns;
		for (let k = 0; k < c.length; k++) c[k].addRange(texts[k], bounds[2 * k], bounds[2 * k + 1]);
		if (++this.pending === registryChunkSize) this.flush();
	}

	/** Customers pushed so far. */
	get count(): number {
		return this.total + this.pending;
	}

	/** Every customer pushed, packed; the packer is not used afterwards. */
	finish(): PackedCustomers {
		this.flush();
		return { count: this.total, parts: this.parts };
	}

	private flush(): void {
		if (this.pending === 0) return;
		const part = { count: this.pending } as { count: number } & Record<keyof CustomerColumns, PackedText>;
		customerColumnKeys.forEach((key, i) => (part[key] = this.columns[i].build()));
		this.parts.push(part);
		this.total += this.pending;
		this.pending = 0;
	}
}
