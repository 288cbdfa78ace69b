import { createCardImportChecker, type FileReport } from '$lib/domain';
import { sha256HexSync } from '$lib/domain/hash/sha256-sync';
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
	const checker = createCardImportChecker({ encoding: job.encoding, settings: job.settings, customerIds });
	const columns = emptyCardColumns();
	const fileCards = new FileCards(index.customerCount, columns.fingerprints);
	const digitTexts = new DigitTexts();
	let skipped = 0;
	const take = (cards: ReturnType<typeof checker.push>) => {
		for (const card of cards) {
			// A checked card names a registered customer, so its ID is store-shaped: no regex, no slice per card.
			const customerSeq = customerKeyOf(card.customerId) - firstCustomerNumber;
			const fingerprint = sha256HexSync(card.token);
			if (index.hasCard(customerSeq, fingerprint) || fileCards.has(customerSeq, fingerprint)) {
				skipped++;
				continue;
			}
			fileCards.add(customerSeq, columns.customerSeqs.length);
			const tokenLast4 = card.token.slice(-4);
			const brand = sharedBrand(card.brand);
			pushCard(columns, { customerSeq, brand, tail: digitTexts.of(card.last3), expiry: digitTexts.of(card.expiry), fingerprint, tokenLast4 });
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
