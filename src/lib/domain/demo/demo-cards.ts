import type { CardBrand } from '../rules/brand';
import type { SeededRandom } from './seeded-random';

/** One row of the demo return file, as Yamato would send it (values may be broken on purpose). */
export interface DemoCardRow {
	customerId: string;
	last3: string;
	brand: string;
	expiry: string;
	token: string;
}

/** The problems planted in the demo return file, one or two rows each. */
export type DemoFlaw =
	| 'brand-alias'
	| 'short-tail'
	| 'yyyymm-expiry'
	| 'expired-card'
	| 'two-cards'
	| 'unknown-customer'
	| 'bad-token'
	| 'bad-month';

/** The demo's flaws in the order the home page lists them, each with the rows it spoils. */
export const demoFlaws: readonly { flaw: DemoFlaw; rows: number }[] = [
	{ flaw: 'brand-alias', rows: 2 },
	{ flaw: 'short-tail', rows: 2 },
	{ flaw: 'yyyymm-expiry', rows: 1 },
	{ flaw: 'expired-card', rows: 1 },
	{ flaw: 'two-cards', rows: 2 },
	{ flaw: 'unknown-customer', rows: 1 },
	{ flaw: 'bad-token', rows: 1 },
	{ flaw: 'bad-month', rows: 1 }
];

// Roughly the brands' shares in Japan.
const brandWeights: readonly CardBrand[] = [
	...Array<CardBrand>(6).fill('VISA'),
	...Array<CardBrand>(4).fill('MASTER'),
	...Array<CardBrand>(4).fill('JCB'),
	'AMEX',
	'DINERS'
];
const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const alphanumerics = `${letters}${'0123456789'.repeat(3)}`;

/**
 * An opaque 20-character token like Yamato's カード認証キー. Every fourth character is a letter, so
 * no run of digits is long enough to look like a card number.
 */
function token(random: SeededRandom): string {
	let value = '';
	for (let i = 0; i < 20; i++) value += random.pick(i % 4 === 0 ? letters : alphanumerics);
	return value;
}

/** YYMM of a month `offset` months from `monthIndex` (months since year 0). */
function yymm(monthIndex: number, offset: number): string {
	const target = monthIndex + offset;
	const year = Math.floor(target / 12) % 100;
	return `${String(year).padStart(2, '0')}${String((target % 12) + 1).padStart(2, '0')}`;
}

/** A clean card of a customer: valid for one to five more years. */
export function demoCard(random: SeededRandom, customerId: string, todayMonth: number): DemoCardRow {
	return {
		customerId,
		last3: String(random.int(0, 999)).padStart(3, '0'),
		brand: random.pick(brandWeights),
		expiry: yymm(todayMonth, random.int(13, 60)),
		token: token(random)
	};
}

/** Spoils a clean card the way `flaw` describes (two-cards and unknown-customer add rows instead). */
export function spoil(card: DemoCardRow, flaw: DemoFlaw, random: SeededRandom, todayMonth: number, nth: number): void {
	switch (flaw) {
		case 'brand-alias':
			card.brand = nth === 0 ? 'Visa' : 'MasterCard';
			break;
		case 'short-tail':
			// What a spreadsheet makes of 042 or 007.
			card.last3 = String(nth === 0 ? random.int(10, 99) : random.int(1, 9));
			break;
		case 'yyyymm-expiry':
			card.expiry = `20${card.expiry}`;
			break;
		case 'expired-card':
			card.expiry = yymm(todayMonth, -random.int(2, 14));
			break;
		case 'bad-token':
			// A full-width letter, as an IME leaves it (a space would be `space-inside-value`).
			card.token = `${card.token.slice(0, 8)}Ｋ${card.token.slice(8)}`;
			break;
		case 'bad-month':
			card.expiry = `${card.expiry.slice(0, 2)}13`;
			break;
	}
}
