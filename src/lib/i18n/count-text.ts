import type { Language } from './index';

const localeOf: Record<Language, string> = { ja: 'ja-JP', en: 'en-US' };
const formats = new Map<Language, Intl.NumberFormat>();

/**
 * A number as the app writes it in `language`: digits grouped by three (`Intl.NumberFormat`),
 * 50000 → 「50,000」 / "50,000". The one number format of every count on screen and in texts.
 */
export function countText(language: Language, value: number): string {
	let format = formats.get(language);
	if (!format) formats.set(language, (format = new Intl.NumberFormat(localeOf[language])));
	return format.format(value);
}

/**
 * Parameters of catalogue messages that hold a number which is not an amount: a position (行番号,
 * 列番号, a list item's number), a calendar part or a code. They stay as written (「2026年」,
 * 「12345行目」 as in the problem texts); every other numeric parameter is a count and is grouped.
 */
export const notCountParams: ReadonlySet<string> = new Set(['row', 'column', 'number', 'year', 'month', 'i', 'code']);

/** `params` with each count (a numeric parameter not in `notCountParams`) written by `countText`. */
export function withCountsFormatted(
	language: Language,
	params: Record<string, string | number>
): Record<string, string | number> {
	let out: Record<string, string | number> | null = null;
	for (const name in params) {
		const value = params[name];
		if (typeof value !== 'number' || !Number.isFinite(value) || notCountParams.has(name)) continue;
		out ??= { ...params };
		out[name] = countText(language, value);
	}
	return out ?? params;
}
