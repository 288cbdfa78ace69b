// A slot holds `seq + 1`, so the zero a fresh typed array holds means empty: a table sized for a
// million customers is allocated without being written through (filling 8 MB with a sentinel in one
// stretch was itself a long task), and its pages are touched as the IDs arrive.
const empty = 0;

// FNV-1a over `text` from `from` to `to`: a stored 連携用ID is hashed in its packed column, unsliced.
function hashOf(text: string, from = 0, to = text.length): number {
	let hash = 0x811c9dc5;
	for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return hash >>> 0;
}

/** What the table reads of the customers: their 連携用IDs, compared where they are stored. */
export interface LinkageIdSource {
	/** True when customer `seq`'s 連携用ID equals `text` from `from` to `to`. */
	linkageIdEquals(seq: number, text: string, from: number, to: number): boolean;
}

/**
 * 連携用ID → customer `seq`, as an open-addressing hash table over the 連携用ID column itself: for a
 * million customers it builds about four times faster than a `Map`, in two typed arrays. IDs are
 * hashed and compared as ranges of the packed column (no string per customer).
 */
export class LinkageTable {
	private slots = new Int32Array(1024);
	private hashes = new Int32Array(1024);
	private size = 0;

	/** Over the 連携用IDs of `customers`, read at each call. */
	constructor(private readonly customers: LinkageIdSource) {}

	/** The `seq` of the first customer with this 連携用ID, or null. */
	get(linkageId: string): number | null {
		const hash = hashOf(linkageId) | 0;
		const mask = this.slots.length - 1;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const held = this.slots[slot];
			if (held === empty) return null;
			const seq = held - 1;
			if (this.hashes[seq] === hash && this.customers.linkageIdEquals(seq, linkageId, 0, linkageId.length)) return seq;
		}
	}

	/**
	 * Makes room for `count` more 連携用IDs, up to customer `lastSeq`, at once: a million added one
	 * by one rehashed the table eleven times on the way (about 0.2 s in the browser's worker), and a
	 * load that adds them chunk by chunk doubled it at ~130k, ~260k and ~530k customers (stalls of
	 * 30–150 ms): a load sizes it once for the customers it will read (`RegistryIndex.expectCustomers`).
	 */
	reserve(count: number, lastSeq: number): void {
		let length = this.slots.length;
		while ((this.size + count) * 2 > length) length *= 2;
		if (length > this.slots.length) this.rehash(length);
		if (lastSeq >= this.hashes.length) this.growHashes(lastSeq + 1);
	}

	/**
	 * Adds customer `seq` under its 連携用ID, `text` from `from` to `to` (where the customers hold it),
	 * unless an earlier customer already holds that ID.
	 */
	add(seq: number, text: string, from: number, to: number): void {
		if ((this.size + 1) * 2 > this.slots.length) this.grow();
		if (seq >= this.hashes.length) this.growHashes(seq + 1);
		const hash = hashOf(text, from, to) | 0;
		this.hashes[seq] = hash;
		const mask = this.slots.length - 1;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const held = this.slots[slot];
			if (held === empty) {
				this.slots[slot] = seq + 1;
				this.size++;
				return;
			}
			if (this.hashes[held - 1] === hash && this.customers.linkageIdEquals(held - 1, text, from, to)) return;
		}
	}

	private growHashes(size: number): void {
		const grown = new Int32Array(Math.max(size, this.hashes.length * 2));
		grown.set(this.hashes);
		this.hashes = grown;
	}

	private grow(): void {
		this.rehash(this.slots.length * 2);
	}

	// Rehashing reads the stored hashes, never the strings.
	private rehash(length: number): void {
		const old = this.slots;
		this.slots = new Int32Array(length);
		const mask = this.slots.length - 1;
		for (const held of old) {
			if (held === empty) continue;
			let slot = this.hashes[held - 1] & mask;
			while (this.slots[slot] !== empty) slot = (slot + 1) & mask;
			this.slots[slot] = held;
		}
	}
}
