import { cardBrands } from './card';
import { allocCardColumns, fingerprintSize, last4Size, type CardColumns } from './card-bytes';

/**
 * Test helper: writes card number `n` at `card` of `columns`, every value derived from its number, so
 * a card read back out of place or from another card's bytes shows.
 */
export function writeNumberedCard(columns: CardColumns, card: number, n: number): void {
	columns.customerSeqs[card] = n;
	columns.brands[card] = n % cardBrands.length;
	columns.tails[card] = n % 1000;
	columns.expiries[card] = 2601 + (n % 12);
	for (let b = 0; b < fingerprintSize; b++) columns.fingerprints[card * fingerprintSize + b] = (n >>> (8 * (b % 3))) + b;
	for (let b = 0; b < last4Size; b++) columns.tokenLast4[card * last4Size + b] = 0x41 + ((n + b) % 26);
}

/** Test helper: `count` cards numbered from `first` (`writeNumberedCard`), in arrays of their own. */
export function numberedCards(first: number, count: number): CardColumns {
	const cards = allocCardColumns(count);
	for (let i = 0; i < count; i++) writeNumberedCard(cards, i, first + i);
	return cards;
}
