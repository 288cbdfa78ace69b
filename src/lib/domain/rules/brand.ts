/** The card brands the card import file accepts. */
export const cardBrands = ['VISA', 'MASTER', 'JCB', 'AMEX', 'DINERS'] as const;
export type CardBrand = (typeof cardBrands)[number];

const aliases: Record<string, CardBrand> = {
	VISA: 'VISA',
	ビザ: 'VISA',
	MASTER: 'MASTER',
	MASTERCARD: 'MASTER',
	マスター: 'MASTER',
	マスターカード: 'MASTER',
	JCB: 'JCB',
	AMEX: 'AMEX',
	AMERICANEXPRESS: 'AMEX',
	アメックス: 'AMEX',
	アメリカンエキスプレス: 'AMEX',
	DINERS: 'DINERS',
	DINERSCLUB: 'DINERS',
	DINERSCLUBINTERNATIONAL: 'DINERS',
	ダイナース: 'DINERS',
	ダイナースクラブ: 'DINERS'
};

const filler = /[\s_\-.・]/g;
const canonical: ReadonlySet<string> = new Set(cardBrands);

/** The brand a value names (any case or width, spacing ignored, common aliases), or null. */
export function normalizeBrand(value: string): CardBrand | null {
	if (canonical.has(value)) return value as CardBrand;
	const key = value.normalize('NFKC').toUpperCase().replace(filler, '');
	return aliases[key] ?? null;
}
