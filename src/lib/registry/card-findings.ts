import { expiryMonthOf, expiryText } from '$lib/domain/records/card-bytes';
import type { RegistryIndex } from './registry-index';

/** A customer with several registered cards: its store ID and how many cards it has. */
export interface MultiCardCustomer {
	id: string;
	cards: number;
}

/** An expired registered card: its customer, brand and expiry (YYMM). Never the token, never a number. */
export interface ExpiredCard {
	id: string;
	brand: string;
	expiry: string;
}

/**
 * What the migration report tells the store's support about the registered cards (SPEC §6): the
 * customers with several cards and the expired cards, each counted in full and listed up to a cap.
 */
export interface CardFindings {
	customers: number;
	cards: number;
	multiCardCount: number;
	multiCard: MultiCardCustomer[];
	expiredCount: number;
	expired: ExpiredCard[];
}

/** Customers and cards listed by `cardFindings` per group by default; the rest are counted. */
export const listedFindings = 1000;

/**
 * The registry's customers with more than one card (source: 複数枚のカード, to be told to support
 * before migrating) and its expired cards — a card is valid to the end of its month, compared with
 * `todayMonth` (`tokyoMonthIndex`, Asia/Tokyo; SPEC "Warnings") — in customer order, each list
 * capped at `max` entries. One pass over the customers; no token leaves the registry.
 */
export function cardFindings(index: RegistryIndex, todayMonth: number, max = listedFindings): CardFindings {
	const found: CardFindings = { customers: 0, cards: 0, multiCardCount: 0, multiCard: [], expiredCount: 0, expired: [] };
	for (let seq = 0; seq < index.customerCount; seq++) {
		const customer = index.customerAt(seq);
		if (!customer) continue;
		found.customers++;
		// Walked over the typed columns: no card view (texts, hex fingerprint) per card of a million.
		let cards = 0;
		for (let card = index.firstCardOf(seq); card !== -1; card = index.nextCardOf(card)) {
			cards++;
			const expiry = index.cardExpiryAt(card);
			if (expiryMonthOf(expiry) >= todayMonth) continue;
			if (++found.expiredCount <= max) found.expired.push({ id: customer.id, brand: index.cardBrandAt(card), expiry: expiryText(expiry) });
		}
		found.cards += cards;
		if (cards > 1 && ++found.multiCardCount <= max) found.multiCard.push({ id: customer.id, cards });
	}
	return found;
}
