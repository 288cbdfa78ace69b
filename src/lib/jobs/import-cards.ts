import { createCardImportChecker, type FileReport } from '$lib/domain';
import { digitsIn } from '$lib/domain/convert/plain-bytes';
import { sha256OfBytesInto, sha256SyncInto } from '$lib/domain/hash/sha256-sync';
import type { CheckedCard } from '$lib/domain/import/card-import-checker';
import {
	brandIndexOf,
	expiryNumberOf,
	fingerprintSize,
	last4Size,
	sameFingerprint,
	tailNumberOf,
	writeTokenTail,
	writeTokenTailBytes
} from '$lib/domain/records/card-bytes';
import { CardBlocksBuilder, fingerprintAt, type CardBlocks } from '$lib/domain/records/card-column-builder';
import { CardLinks } from '$lib/registry/card-links';
import { CustomerIdLookup, customerKeyOf } from '$lib/domain/rules/id-lookup';
import { firstCustomerNumber } from '$lib/domain/records/customer-id';
import type { IndexProgress, RegistryIndex } from '$lib/registry/registry-index';
import type { JobPorts } from './ports';
import { runUpload, type UploadReader, type UploadResult } from './run-upload';
import type { UploadJob } from './upload-types';

/**
 * The registered customers' IDs, by key (`US-` and 8 digits is the number `firstCustomerNumber + seq`):
 * a bit per `seq`, with no list of the keys; `progress(done, of)` every 4096 customers (issue 14: a
 * million walked whole held the bar still).
 */
function registeredIds(index: RegistryIndex, progress: IndexProgress): CustomerIdLookup {
	return CustomerIdLookup.ofKeyRange({ first: firstCustomerNumber, count: index.customerCount, isKey: (seq) => index.isCustomer(seq) }, progress);
}

/**
 * The cards this file registers, per customer (`CardLinks` over their positions in the columns):
 * a card seen before on the same customer — and only on the same one — is found by comparing the
 * fingerprint bytes of that customer's few cards, with no table of a million fingerprints. On a
 * registry with no card yet, the registry takes these links as its own once the cards are stored
 * (issue 14: built again there, 12 MB for a million cards beside these, at the import's peak).
 */
export class FileCards {
	/** Each card's customer list, by position in the columns (the order written, which is the file's). */
	readonly links = new CardLinks();

	/** `customers`: how many customer `seq`s there are (each card's `seq` is below it); `cards`: the columns being filled. */
	constructor(
		customers: number,
		private readonly cards: CardBlocksBuilder
	) {
		this.links.reserve(customers, 0);
	}

	/** True when customer `seq` already has a card in the file whose fingerprint is the 32 bytes at `fingerprints[at]`. */
	has(seq: number, fingerprints: Uint8Array, at: number): boolean {
		const { links } = this;
		for (let card = links.firstOf(seq); card !== -1; card = links.nextOf(card)) {
			if (sameFingerprint(this.cards.blockOf(card).fingerprints, fingerprintAt(card), fingerprints, at)) return true;
		}
		return false;
	}

	/** Records that the card at `card` (its position in the columns, each in turn) is customer `seq`'s. */
	add(seq: number, card: number): void {
		this.links.link(seq, card);
	}
}

/**
 * Writes one checked card into the typed columns (issue 14): the fingerprint is hashed straight into
 * its place in the column — the next free card's, in the block `room` gives — and kept only when
 * the card is new to its customer (neither registered nor earlier in the file); no text is made per
 * card, and nothing of `card` is kept (a plain card's object is reused for the next line). Returns the
 * writer, which says whether it skipped the card.
 */
export function cardSink(index: RegistryIndex, cards: CardBlocksBuilder, fileCards: FileCards): (card: CheckedCard) => boolean {
	return (card: CheckedCard): boolean => {
		const { customerSeqs, brands, tails, expiries, fingerprints, tokenLast4 } = cards.room();
		const isPlain = 'bytes' in card;
		// A checked card names a registered customer, so its ID is store-shaped: no regex, no slice per card.
		const customerSeq = (isPlain ? card.customerKey : customerKeyOf(card.customerId)) - firstCustomerNumber;
		const at = cards.offset;
		const fingerprintFrom = at * fingerprintSize;
		if (isPlain) sha256OfBytesInto(card.bytes, card.tokenAt, card.tokenEnd, fingerprints, fingerprintFrom);
		else sha256SyncInto(card.token, fingerprints, fingerprintFrom);
		if (index.hasCard(customerSeq, fingerprints, fingerprintFrom) || fileCards.has(customerSeq, fingerprints, fingerprintFrom)) return true;
		fileCards.add(customerSeq, cards.count);
		customerSeqs[at] = customerSeq;
		brands[at] = brandIndexOf(card.brand);
		if (isPlain) {
			tails[at] = digitsIn(card.bytes, card.tailAt, 3);
			expiries[at] = digitsIn(card.bytes, card.expiryAt, 4);
			writeTokenTailBytes(card.bytes, card.tokenAt, card.tokenEnd, tokenLast4, at * last4Size);
		} else {
			tails[at] = tailNumberOf(card.last3);
			expiries[at] = expiryNumberOf(card.expiry);
			writeTokenTail(card.token, tokenLast4, at * last4Size);
		}
		cards.count++;
		return false;
	};
}

/** `cardSink` over a batch of checked cards; returns how many it skipped. */
export function cardWriter(index: RegistryIndex, cards: CardBlocksBuilder, fileCards: FileCards): (checked: CheckedCard[]) => number {
	const write = cardSink(index, cards, fileCards);
	return (checked: CheckedCard[]): number => {
		let skipped = 0;
		for (const card of checked) if (write(card)) skipped++;
		return skipped;
	};
}

/**
 * Adds the stored cards to the registry. Made here, not inside the reader, so that it holds only the
 * index and the columns: a closure there would keep the reader's whole scope (the checker, the
 * customer lookup, the file's own cards) alive through the store and the index.
 */
function appending(index: RegistryIndex, columns: CardBlocks, links: CardLinks): (progress?: IndexProgress) => void {
	return (progress) => index.appendCards(columns, progress, links);
}

/**
 * クレジットカード情報 rows of a file: step d's rules; a card already on its customer (or repeated) is
 * skipped. The columns fill blocks of one stored chunk's size (issue 14: columns sized by a forecast
 * from the file's size and grown when it fell short, then copied again per chunk to store, held up to
 * twice a million cards' worth at the import's peak); each full block is stored and registered as it is.
 */
function cardReader(job: UploadJob, index: RegistryIndex, progress: IndexProgress): UploadReader {
	const customerIds = registeredIds(index, progress);
	const cards = new CardBlocksBuilder();
	const fileCards = new FileCards(index.customerCount, cards);
	const write = cardSink(index, cards, fileCards);
	let skipped = 0;
	// Each card written as the checker passes it, while its line's bytes are current: no object and no
	// array per card (a refused file's cards are dropped by the upload, which registers none then).
	const onCard = (card: CheckedCard): boolean => {
		const isSkipped = write(card);
		if (isSkipped) skipped++;
		return isSkipped;
	};
	// The cards a customer has already count towards 複数カード with the file's new ones.
	const registeredCards = index.cardCount > 0 ? (key: number) => index.cardCountOf(key - firstCustomerNumber) : undefined;
	const checker = createCardImportChecker({ encoding: job.encoding, settings: job.settings, customerIds, plainCards: true, onCard, registeredCards });
	return {
		push: (bytes) => {
			checker.push(bytes);
		},
		finish: () => {
			const last = checker.finish();
			const columns = cards.blocks();
			return { report: last.report as FileReport, skipped, count: cards.count, columns: { cards: columns }, apply: appending(index, columns, fileCards.links) };
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
