import { createCardImportChecker, type FileReport } from '$lib/domain';
import { sha256HexOfBytes, sha256HexSync } from '$lib/domain/hash/sha256-sync';
import type { CheckedCard, PlainImportCard } from '$lib/domain/import/card-import-checker';
import { cardBrands, emptyCardColumns, pushCard, type CardBrand } from '$lib/domain/records/card';
import { CustomerIdLookup, customerKeyOf } from '$lib/domain/rules/id-lookup';
import { firstCustomerNumber } from '$lib/domain/records/customer-id';
import { IntList } from '$lib/domain/rules/int-list';
import type { IndexProgress, RegistryIndex } from '$lib/registry/registry-index';
import type { JobPorts } from './ports';
import { runUpload, type UploadReader, type UploadResult } from './run-upload';
import type { UploadJob } from './upload-types';

/**
 * The registered customers' IDs, by key (`US-` and 8 digits is the number `firstCustomerNumber + seq`);
 * `progress(done, of)` every 4096 customers of its three passes (issue 14: a million walked whole
 * held the bar still).
 */
function registeredIds(index: RegistryIndex, progress: IndexProgress): CustomerIdLookup {
	const keys = new IntList();
	const count = index.customerCount;
	for (let seq = 0; seq < count; seq++) {
		if ((seq & 4095) === 0) progress(seq, 3 * count);
		if (index.isCustomer(seq)) keys.push(firstCustomerNumber + seq);
	}
	return CustomerIdLookup.ofKeys(keys, (done, of) => progress(count + (2 * count * done) / Math.max(1, of), 3 * count));
}

/** The brand's own constant: one text for all a file's cards instead of one per card. */
function sharedBrand(brand: CardBrand): CardBrand {
	for (const known of cardBrands) if (known === brand) return known;
	return brand;
}

/**
 * Short texts that repeat across a million cards (card tails `000`–`999`, expiries YYMM), each made
 * once: the columns then hold a shared text per value instead of a fresh one per card.
 */
export class DigitTexts {
	private readonly texts: (string | undefined)[] = [];

	/** The shared text equal to `digits` (only decimal digits, at most 4 of them); `digits` itself otherwise. */
	of(digits: string): string {
		if (digits.length > 4) return digits;
		let key = digits.length;
		for (let i = 0; i < digits.length; i++) {
			const digit = digits.charCodeAt(i) - 48;
			if (digit < 0 || digit > 9) return digits;
			key = key * 10 + digit;
		}
		// The length leads the key: `07` and `007` are different texts.
		return (this.texts[key] ??= digits);
	}

	/** The shared text of the `length` ASCII digits at `bytes[at]` (at most 4): no text made once it is known. */
	ofBytes(bytes: Uint8Array, at: number, length: number): string {
		let key = length;
		for (let i = at; i < at + length; i++) key = key * 10 + bytes[i] - 48;
		return (this.texts[key] ??= asciiText(bytes, at, at + length));
	}
}

/** The text of ASCII bytes[from, to). */
function asciiText(bytes: Uint8Array, from: number, to: number): string {
	let text = '';
	for (let i = from; i < to; i++) text += String.fromCharCode(bytes[i]);
	return text;
}

/** A plain line's token's last 4 characters (all of a shorter token), from its bytes. */
function tokenLast4Of(card: PlainImportCard): string {
	const { bytes, tokenAt, tokenEnd } = card;
	if (tokenEnd - tokenAt < 4) return asciiText(bytes, tokenAt, tokenEnd);
	return String.fromCharCode(bytes[tokenEnd - 4], bytes[tokenEnd - 3], bytes[tokenEnd - 2], bytes[tokenEnd - 1]);
}

/**
 * The cards this file registers, per customer (linked lists over their positions in the columns):
 * a card seen before on the same customer — and only on the same one — is found by comparing the
 * fingerprints of that customer's few cards, with no table of a million fingerprint texts.
 */
export class FileCards {
	private readonly first: Int32Array;
	private readonly next = new IntList();

	/** `customers`: how many customer `seq`s there are (each card's `seq` is below it). */
	constructor(
		customers: number,
		private readonly fingerprints: readonly string[]
	) {
		this.first = new Int32Array(customers).fill(-1);
	}

	/** True when customer `seq` already has a card with this fingerprint in the file. */
	has(seq: number, fingerprint: string): boolean {
		for (let card = this.first[seq]; card !== -1; card = this.next.at(card)) {
			if (this.fingerprints[card] === fingerprint) return true;
		}
		return false;
	}

	/** Records that the card at `card` (its position in the columns, each in turn) is customer `seq`'s. */
	add(seq: number, card: number): void {
		this.next.push(this.first[seq]);
		this.first[seq] = card;
	}
}

/** クレジットカード情報 rows: step d's rules; a card already on its customer (or repeated) is skipped. */
function cardReader(job: UploadJob, index: RegistryIndex, progress: IndexProgress): UploadReader {
	const customerIds = registeredIds(index, progress);
	const checker = createCardImportChecker({ encoding: job.encoding, settings: job.settings, customerIds, plainCards: true });
	const columns = emptyCardColumns();
	const fileCards = new FileCards(index.customerCount, columns.fingerprints);
	const digitTexts = new DigitTexts();
	let skipped = 0;
	const take = (cards: CheckedCard[]) => {
		for (const card of cards) {
			const isPlain = 'bytes' in card;
			// A checked card names a registered customer, so its ID is store-shaped: no regex, no slice per card.
			const customerSeq = (isPlain ? card.customerKey : customerKeyOf(card.customerId)) - firstCustomerNumber;
			const fingerprint = isPlain ? sha256HexOfBytes(card.bytes, card.tokenAt, card.tokenEnd) : sha256HexSync(card.token);
			if (index.hasCard(customerSeq, fingerprint) || fileCards.has(customerSeq, fingerprint)) {
				skipped++;
				continue;
			}
			fileCards.add(customerSeq, columns.customerSeqs.length);
			const brand = sharedBrand(card.brand);
			if (isPlain) {
				const tail = digitTexts.ofBytes(card.bytes, card.tailAt, 3);
				const expiry = digitTexts.ofBytes(card.bytes, card.expiryAt, 4);
				pushCard(columns, { customerSeq, brand, tail, expiry, fingerprint, tokenLast4: tokenLast4Of(card) });
			} else {
				const tokenLast4 = card.token.slice(-4);
				pushCard(columns, { customerSeq, brand, tail: digitTexts.of(card.last3), expiry: digitTexts.of(card.expiry), fingerprint, tokenLast4 });
			}
		}
	};
	return {
		push: (bytes) => take(checker.push(bytes)),
		finish: () => {
			const last = checker.finish();
			if (!last.report.refused) take(last.cards);
			const apply = (progress?: IndexProgress) => index.appendCards(columns, progress);
			const count = columns.customerSeqs.length;
			return { report: last.report as FileReport, skipped, count, columns: { cards: columns }, apply };
		}
	};
}

/**
 * 一括登録 › クレジットカード情報 (SPEC step e): registers the card import file's cards on the
 * registered customers; refused when the settings do not allow an import.
 */
export function importCards(file: Blob, job: UploadJob & { kind: 'cards' }, ports: JobPorts): Promise<UploadResult> {
	return runUpload(file, job, ports, (index, progress) => cardReader(job, index, progress));
}
