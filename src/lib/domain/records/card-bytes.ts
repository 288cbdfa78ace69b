// Registered cards as typed columns (issue 14): a million cards held as five texts and a number each
// were ≈ 170 B a card and 50,000 strings per stored chunk for IndexedDB to clone. Here a card is
// 4 + 1 + 2 + 2 + 32 + 4 = 45 bytes in six typed arrays, and texts are made only for what a page
// shows. The text form (`CardRecord`, `CardTextColumns`) stays the contract of each value: every
// valid text has exactly one byte form and back (property-tested in card-bytes.spec.ts).
import { z } from '../zod';
import { cardBrands, cardChunkSchema, isCardExpiry, isCardTail, isFingerprint, isTokenLast4, type CardBrand, type CardRecord, type CardTextColumns } from './card';

/** Bytes of one card's token fingerprint (a raw SHA-256). */
export const fingerprintSize = 32;
/** Bytes of one card's token tail: its 1–4 printable ASCII characters, then zeros. */
export const last4Size = 4;

/**
 * Cards column by column, in import order, each column exactly one value per card:
 * `customerSeqs` the customer's `seq`; `brands` the index in `cardBrands`; `tails` the 3-digit tail
 * as a number (0–999, `012` is 12); `expiries` YYMM as a number (`0903` is 903); `fingerprints`
 * 32 bytes a card (SHA-256 of the token); `tokenLast4` 4 bytes a card (the token's last 1–4
 * characters, zero-padded after them).
 */
export interface CardColumns {
	customerSeqs: Int32Array;
	brands: Uint8Array;
	tails: Uint16Array;
	expiries: Uint16Array;
	fingerprints: Uint8Array;
	tokenLast4: Uint8Array;
}

/** A stored card chunk as written from v6 on (2026-11-30): typed columns and the upload that registered them. */
export type CardBytesChunk = CardColumns & { id?: number; uploadId: number };

/** How many cards `columns` hold. */
export function cardCountOf(columns: CardColumns): number {
	return columns.customerSeqs.length;
}

/** Columns for `count` cards, zero-filled. */
export function allocCardColumns(count: number): CardColumns {
	return {
		customerSeqs: new Int32Array(count),
		brands: new Uint8Array(count),
		tails: new Uint16Array(count),
		expiries: new Uint16Array(count),
		fingerprints: new Uint8Array(count * fingerprintSize),
		tokenLast4: new Uint8Array(count * last4Size)
	};
}

/** Columns with no cards. */
export function emptyCardColumns(): CardColumns {
	return allocCardColumns(0);
}

/** Cards [from, to) of `columns` as views (no copy): structured clone copies a view's whole buffer, so store `sliceCardColumns`. */
export function viewCardColumns(columns: CardColumns, from: number, to: number): CardColumns {
	return {
		customerSeqs: columns.customerSeqs.subarray(from, to),
		brands: columns.brands.subarray(from, to),
		tails: columns.tails.subarray(from, to),
		expiries: columns.expiries.subarray(from, to),
		fingerprints: columns.fingerprints.subarray(from * fingerprintSize, to * fingerprintSize),
		tokenLast4: columns.tokenLast4.subarray(from * last4Size, to * last4Size)
	};
}

/** Cards [from, to) of `columns` copied into arrays of their own (what a stored chunk clones). */
export function sliceCardColumns(columns: CardColumns, from: number, to: number): CardColumns {
	const into = allocCardColumns(to - from);
	copyCardColumns(columns, from, to, into);
	return into;
}

/** Copies cards [from, to) of `columns` into the start of `into` (which holds at least `to - from` cards). */
export function copyCardColumns(columns: CardColumns, from: number, to: number, into: CardColumns): void {
	const view = viewCardColumns(columns, from, to);
	into.customerSeqs.set(view.customerSeqs);
	into.brands.set(view.brands);
	into.tails.set(view.tails);
	into.expiries.set(view.expiries);
	into.fingerprints.set(view.fingerprints);
	into.tokenLast4.set(view.tokenLast4);
}

/** The index of `brand` in `cardBrands`, or -1. */
export function brandIndexOf(brand: string): number {
	for (let i = 0; i < cardBrands.length; i++) if (cardBrands[i] === brand) return i;
	return -1;
}

/** The brand of card `card`. */
export function brandAt(columns: CardColumns, card: number): CardBrand {
	return cardBrands[columns.brands[card]];
}

const tailTexts = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/** The 3-digit text of a tail number (`12` → `012`). */
export function tailText(tail: number): string {
	return tailTexts[tail];
}

/** The number of a 3-digit tail text, or -1 when it is not one (`isCardTail`). */
export function tailNumberOf(text: string): number {
	return isCardTail(text) ? Number(text) : -1;
}

/** The YYMM text of an expiry number (`903` → `0903`). */
export function expiryText(expiry: number): string {
	return expiry < 1000 ? String(expiry).padStart(4, '0') : String(expiry);
}

/** The number of a YYMM text, or -1 when it is not one (`isCardExpiry`). */
export function expiryNumberOf(text: string): number {
	return isCardExpiry(text) ? Number(text) : -1;
}

/** Months since year 0 of a YYMM expiry number (years 20YY), as `expiryMonthIndex` of its text. */
export function expiryMonthOf(expiry: number): number {
	const year = Math.floor(expiry / 100);
	return (2000 + year) * 12 + (expiry - year * 100) - 1;
}

const hexDigits = '0123456789abcdef';

/** The fingerprint of card `card` as 64 lower-case hex digits (made only for a page that shows it). */
export function fingerprintHex(fingerprints: Uint8Array, card: number): string {
	let hex = '';
	for (let i = card * fingerprintSize, end = i + fingerprintSize; i < end; i++) {
		hex += hexDigits[fingerprints[i] >> 4] + hexDigits[fingerprints[i] & 15];
	}
	return hex;
}

function hexValue(code: number): number {
	if (code >= 48 && code <= 57) return code - 48;
	if (code >= 97 && code <= 102) return code - 87;
	return -1;
}

/** Writes a 64-digit lower-case hex fingerprint as 32 bytes at out[at]; false (nothing certain written) when it is not one. */
export function writeFingerprintHex(hex: string, out: Uint8Array, at: number): boolean {
	if (!isFingerprint(hex)) return false;
	for (let i = 0; i < fingerprintSize; i++) out[at + i] = (hexValue(hex.charCodeAt(2 * i)) << 4) | hexValue(hex.charCodeAt(2 * i + 1));
	return true;
}

/** True when the 32 bytes at a[aAt] equal those at b[bAt]. */
export function sameFingerprint(a: Uint8Array, aAt: number, b: Uint8Array, bAt: number): boolean {
	for (let i = 0; i < fingerprintSize; i++) if (a[aAt + i] !== b[bAt + i]) return false;
	return true;
}

/** The token tail of card `card` as stored (0–4 characters; empty for a short token). */
export function last4Text(tokenLast4: Uint8Array, card: number): string {
	const at = card * last4Size;
	let text = '';
	for (let i = at; i < at + last4Size && tokenLast4[i] !== 0; i++) text += String.fromCharCode(tokenLast4[i]);
	return text;
}

/**
 * A token of this many characters or fewer is masked whole in every view, and the registry keeps
 * none of it (SPEC "Privacy promise": last 4 visible, a token of 8 characters or fewer fully; as
 * `maskToken`).
 */
export const shortTokenLength = 8;

/**
 * The token tail a view may show of a stored tail: as stored when it has 4 characters, else empty
 * (fully masked). Versions before this one kept up to the last 4 of any token, so a stored tail of
 * 1–3 characters is a short token kept whole: never shown.
 */
export function shownTokenTail(stored: string): string {
	return stored.length === last4Size ? stored : '';
}

/**
 * Writes what the registry keeps of a token's tail at out[at] (4 bytes): its last 4 characters for a
 * token longer than `shortTokenLength`, else nothing (zeros; SPEC "Privacy promise"). From the
 * token's text, or from its bytes in a file (bytes[from, to)).
 */
export function writeTokenTail(token: string, out: Uint8Array, at: number): void {
	if (token.length <= shortTokenLength) out.fill(0, at, at + last4Size);
	else writeLast4Text(token.slice(-last4Size), out, at);
}

/** As `writeTokenTail`, for a token read from a file's bytes (bytes[from, to), ASCII). */
export function writeTokenTailBytes(bytes: Uint8Array, from: number, to: number, out: Uint8Array, at: number): void {
	if (to - from <= shortTokenLength) out.fill(0, at, at + last4Size);
	else writeLast4Bytes(bytes, from, to, out, at);
}

/** Writes a stored token tail of 0–4 characters (`isTokenLast4`) as 4 bytes at out[at]; false when it is not valid. */
export function writeLast4Text(text: string, out: Uint8Array, at: number): boolean {
	if (!isTokenLast4(text)) return false;
	for (let i = 0; i < last4Size; i++) out[at + i] = i < text.length ? text.charCodeAt(i) : 0;
	return true;
}

/** Writes the last (up to) 4 bytes of bytes[from, to) — a token read from a file — at out[at], zero-padded. */
export function writeLast4Bytes(bytes: Uint8Array, from: number, to: number, out: Uint8Array, at: number): void {
	const start = Math.max(from, to - last4Size);
	for (let i = 0; i < last4Size; i++) out[at + i] = start + i < to ? bytes[start + i] : 0;
}

/** One card of `columns` in text form (`CardRecord`), e.g. for a test or a v5-shaped comparison. */
export function cardRecordAt(columns: CardColumns, card: number): CardRecord {
	return {
		customerSeq: columns.customerSeqs[card],
		brand: brandAt(columns, card),
		tail: tailText(columns.tails[card]),
		expiry: expiryText(columns.expiries[card]),
		fingerprint: fingerprintHex(columns.fingerprints, card),
		tokenLast4: last4Text(columns.tokenLast4, card)
	};
}

/** `columns` in the text form v5 stored (`CardTextColumns`). */
export function cardTextsOf(columns: CardColumns): CardTextColumns {
	const texts: CardTextColumns = { customerSeqs: [], brands: [], tails: [], expiries: [], fingerprints: [], tokenLast4: [] };
	for (let card = 0; card < cardCountOf(columns); card++) {
		const record = cardRecordAt(columns, card);
		texts.customerSeqs.push(record.customerSeq);
		texts.brands.push(record.brand);
		texts.tails.push(record.tail);
		texts.expiries.push(record.expiry);
		texts.fingerprints.push(record.fingerprint);
		texts.tokenLast4.push(record.tokenLast4);
	}
	return texts;
}

/**
 * Writes one card given as texts at position `card` of `columns`; false when a value breaks its
 * column's pattern (`cardColumnPatterns`), the card then being unusable.
 */
export function writeCardRecord(columns: CardColumns, card: number, record: CardRecord): boolean {
	const brand = brandIndexOf(record.brand);
	const tail = tailNumberOf(record.tail);
	const expiry = expiryNumberOf(record.expiry);
	const seq = record.customerSeq;
	if (brand < 0 || tail < 0 || expiry < 0 || !Number.isSafeInteger(seq) || seq < 0 || seq > 0x7fffffff) return false;
	columns.customerSeqs[card] = seq;
	columns.brands[card] = brand;
	columns.tails[card] = tail;
	columns.expiries[card] = expiry;
	return writeFingerprintHex(record.fingerprint, columns.fingerprints, card * fingerprintSize) && writeLast4Text(record.tokenLast4, columns.tokenLast4, card * last4Size);
}

/** Text columns (as v5 stored them, already valid by `cardColumnsSchema`) as typed columns. */
export function cardColumnsOfTexts(texts: CardTextColumns): CardColumns {
	const count = texts.customerSeqs.length;
	const columns = allocCardColumns(count);
	for (let card = 0; card < count; card++) {
		const record = {
			customerSeq: texts.customerSeqs[card],
			brand: texts.brands[card] as CardBrand,
			tail: texts.tails[card],
			expiry: texts.expiries[card],
			fingerprint: texts.fingerprints[card],
			tokenLast4: texts.tokenLast4[card]
		};
		if (!writeCardRecord(columns, card, record)) throw new Error('text columns must be valid');
	}
	return columns;
}

/** True when the 4 token-tail bytes at `at` are 0–4 printable ASCII characters, then zeros. */
function isLast4At(bytes: Uint8Array, at: number): boolean {
	let ended = false;
	for (let i = at; i < at + last4Size; i++) {
		const code = bytes[i];
		if (code === 0) ended = true;
		else if (ended || code < 0x21 || code > 0x7e) return false;
	}
	return true;
}

/** True when `value` is `CardColumns` of one length whose every value keeps its column's rule. */
export function isCardColumns(value: unknown): value is CardColumns {
	if (typeof value !== 'object' || value === null) return false;
	const c = value as Record<string, unknown>;
	const { customerSeqs, brands, tails, expiries, fingerprints, tokenLast4 } = c;
	if (!(customerSeqs instanceof Int32Array) || !(brands instanceof Uint8Array) || !(tails instanceof Uint16Array)) return false;
	if (!(expiries instanceof Uint16Array) || !(fingerprints instanceof Uint8Array) || !(tokenLast4 instanceof Uint8Array)) return false;
	const count = customerSeqs.length;
	if (brands.length !== count || tails.length !== count || expiries.length !== count) return false;
	if (fingerprints.length !== count * fingerprintSize || tokenLast4.length !== count * last4Size) return false;
	for (let card = 0; card < count; card++) {
		const month = expiries[card] % 100;
		if (customerSeqs[card] < 0 || brands[card] >= cardBrands.length || tails[card] > 999) return false;
		if (expiries[card] > 9912 || month < 1 || month > 12 || !isLast4At(tokenLast4, card * last4Size)) return false;
	}
	return true;
}

/** Stored card chunk from v6 on (2026-11-30): valid typed columns and the upload (`uploadId`) that registered them. */
export const cardBytesChunkSchema = z.custom<CardBytesChunk>((value) => {
	if (!isCardColumns(value)) return false;
	const { id, uploadId } = value as { id?: unknown; uploadId?: unknown };
	const isId = (n: unknown) => Number.isSafeInteger(n) && (n as number) > 0;
	return isId(uploadId) && (id === undefined || isId(id));
}, { error: 'records.error.cardBytes' });

/**
 * The cards of a stored chunk of either shape — typed columns (v6) or texts (v2–v5, never
 * rewritten: an upgrade pass over a million cards took 29–43 s) — or null when it is unreadable.
 */
export function cardColumnsOfStored(stored: unknown): CardColumns | null {
	if (isCardColumns(stored)) {
		const { customerSeqs, brands, tails, expiries, fingerprints, tokenLast4 } = stored;
		return { customerSeqs, brands, tails, expiries, fingerprints, tokenLast4 };
	}
	const texts = cardChunkSchema.safeParse(stored);
	return texts.success ? cardColumnsOfTexts(texts.data) : null;
}
