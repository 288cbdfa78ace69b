import type { Language } from './index';

const localeOf: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };
const pluralRules = new Map<Language, Intl.PluralRules>();
const listFormats = new Map<Language, Intl.ListFormat>();

/** The CLDR plural category of `count` in `language` (`Intl.PluralRules`): 'one', 'other', … */
export function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
	let rules = pluralRules.get(language);
	if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(localeOf[language])));
	return rules.select(count);
}

/**
 * Picks the form of a word for `count` from `forms` written `one|other` (bare forms follow the
 * order one, other) or `one=row|other=rows` (by CLDR category); the last form is the fallback.
 * Catalogue templates use it as `{count:row|rows}`.
 */
export function pluralForm(language: Language, count: number, forms: string): string {
	const parts = forms.split('|');
	const category = pluralCategory(language, count);
	const named = parts.find((part) => part.startsWith(`${category}=`));
	if (named) return named.slice(category.length + 1);
	if (parts.some((part) => part.includes('='))) return parts[parts.length - 1].replace(/^\w+=/, '');
	return category === 'one' ? parts[0] : parts[parts.length - 1];
}

/** `items` as one phrase of `language` (`Intl.ListFormat`): 「3、4」, "3 and 4"; "and more" when cut. */
export function listText(language: Language, items: readonly string[], isCut = false): string {
	let format = listFormats.get(language);
	if (!format) listFormats.set(language, (format = new Intl.ListFormat(localeOf[language], { type: 'conjunction' })));
	if (!isCut) return format.format(items);
	return language === 'ja' ? `${items.join('、')}ほか` : `${items.join(', ')} and more`;
}

/**
 * A month of a year as words of `language`: 「2026年1月」, "January 2026". A pair that names no calendar month
 * (a month outside 1–12, a year outside 1–9999, not whole numbers: a stored entry from elsewhere) is written
 * as its numbers, 「2029年13月」 / "2029-13", never rolled into another month and never an error.
 */
export function yearMonthText(language: Language, year: number, month: number): string {
	const isMonth = Number.isInteger(year) && year >= 1 && year <= 9999 && Number.isInteger(month) && month >= 1 && month <= 12;
	if (!isMonth) return language === 'ja' ? `${year}年${month}月` : `${year}-${month}`;
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, 1);
	return new Intl.DateTimeFormat(localeOf[language], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * A moment (ms since the epoch) as date and time in `language`, Japan time (Asia/Tokyo, as every
 * screen shows times): 「2026/12/01 12:08:15」, "1 Dec 2026, 12:08:15". One format for the screens
 * and for texts made to be sent (the report's message to support).
 */
export function dateTimeText(language: Language, value: Date | number): string {
	return new Intl.DateTimeFormat(localeOf[language], { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Tokyo' }).format(value);
}

/** The number a parameter holds, whether given as 3, '3' or a formatted '1,234'. */
export function countOf(value: string | number): number {
	return typeof value === 'number' ? value : Number(value.replace(/[^\d.-]/g, ''));
}
