import type { CustomerColumns, CustomerRecord } from '$lib/domain/records/customer';
import type { PackedCustomerPart } from '$lib/domain/records/packed-customers';
import { packedAt, packedEnd, packedStart } from '$lib/domain/records/packed-text';

/** A customer column's name (`linkageIds`, `names`, …). */
export type CustomerColumnKey = keyof CustomerColumns;

/**
 * The registry's customers in `seq` order as the packed parts they were registered or stored in
 * (shared, never copied or changed): a customer's value is a range of its part's column text. A
 * `seq` is found by a binary search over the parts' first `seq`s (some hundred parts per million).
 */
export class CustomerStore {
	private readonly parts: PackedCustomerPart[] = [];
	private firsts = new Int32Array(64);
	private total = 0;
	// The part of the last lookup: pages and scans ask for neighbours.
	private last = 0;

	/** Customers held (placeholders included). */
	get count(): number {
		return this.total;
	}

	/** How many parts the store holds. */
	get partCount(): number {
		return this.parts.length;
	}

	/** Part `p` (0 ≤ p < partCount), as appended. */
	part(p: number): PackedCustomerPart {
		return this.parts[p];
	}

	/** The `seq` of part `p`'s first customer. */
	firstSeqOf(p: number): number {
		return this.firsts[p];
	}

	/** Appends a part; its customers get the next `seq`s. */
	append(part: PackedCustomerPart): void {
		if (part.count === 0) return;
		if (this.parts.length === this.firsts.length) {
			const grown = new Int32Array(this.firsts.length * 2);
			grown.set(this.firsts);
			this.firsts = grown;
		}
		this.firsts[this.parts.length] = this.total;
		this.parts.push(part);
		this.total += part.count;
	}

	/** The index of the part holding `seq` (0 ≤ seq < count). */
	partOf(seq: number): number {
		const firsts = this.firsts;
		const last = this.last;
		if (firsts[last] <= seq && (last + 1 === this.parts.length || firsts[last + 1] > seq)) return last;
		let low = 0;
		let high = this.parts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (firsts[mid] <= seq) low = mid;
			else high = mid - 1;
		}
		return (this.last = low);
	}

	/** The value of column `key` of customer `seq` ('' beyond the end). */
	value(key: CustomerColumnKey, seq: number): string {
		if (seq < 0 || seq >= this.total) return '';
		const p = this.partOf(seq);
		return packedAt(this.parts[p][key], seq - this.firsts[p]);
	}

	/** True when customer `seq` has a 連携用ID (is not a placeholder): its length, no slice. */
	isListed(seq: number): boolean {
		if (seq < 0 || seq >= this.total) return false;
		const p = this.partOf(seq);
		const at = seq - this.firsts[p];
		const column = this.parts[p].linkageIds;
		return packedEnd(column, at) > packedStart(column, at);
	}

	/** Every listed customer's `seq` (a 連携用ID not empty) from `from` on, ascending: one pass over each part's ends. */
	listedSeqs(from = 0): number[] {
		const seqs: number[] = [];
		for (let p = 0; p < this.parts.length; p++) {
			const column = this.parts[p].linkageIds;
			const first = this.firsts[p];
			// A shared empty column (placeholders): no one listed.
			if (column.text === '' || first + column.ends.length <= from) continue;
			let start = 0;
			for (let at = 0; at < column.ends.length; at++) {
				const end = packedEnd(column, at);
				if (end > start && first + at >= from) seqs.push(first + at);
				start = end;
			}
		}
		return seqs;
	}

	/** Customer `seq`'s fields (no check that it is listed). */
	record(seq: number): CustomerRecord {
		const p = this.partOf(seq);
		const part = this.parts[p];
		const at = seq - this.firsts[p];
		return {
			linkageId: packedAt(part.linkageIds, at),
			name: packedAt(part.names, at),
			kana: packedAt(part.kanas, at),
			email: packedAt(part.emails, at),
			phone: packedAt(part.phones, at),
			zip: packedAt(part.zips, at),
			address: packedAt(part.addresses, at)
		};
	}

	/** True when customer `seq`'s 連携用ID equals `text` from `from` to `to`, compared in place. */
	linkageIdEquals(seq: number, text: string, from: number, to: number): boolean {
		const p = this.partOf(seq);
		const column = this.parts[p].linkageIds;
		const at = seq - this.firsts[p];
		const start = packedStart(column, at);
		if (packedEnd(column, at) - start !== to - from) return false;
		const held = column.text;
		for (let k = 0; k < to - from; k++) if (held.charCodeAt(start + k) !== text.charCodeAt(from + k)) return false;
		return true;
	}

	/**
	 * Calls `each(seq, text, from, to)` for the 連携用ID of every customer `from`–`to` (exclusive):
	 * the range of its part's text, no string per customer.
	 */
	eachLinkageId(from: number, to: number, each: (seq: number, text: string, start: number, end: number) => void): void {
		for (let seq = from; seq < to; ) {
			const p = this.partOf(seq);
			const first = this.firsts[p];
			const column = this.parts[p].linkageIds;
			const text = column.text;
			const end = Math.min(to, first + this.parts[p].count);
			let start = packedStart(column, seq - first);
			for (; seq < end; seq++) {
				const valueEnd = packedEnd(column, seq - first);
				each(seq, text, start, valueEnd);
				start = valueEnd;
			}
		}
	}
}
