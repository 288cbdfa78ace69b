import { en } from './en';
import { ja, type MessageKey } from './ja';
import { groupedCount, isCountParam } from '$lib/domain/problems/count-text';
import { countOf, pluralForm } from './plural';

export type { MessageKey };
export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];

const catalogues: Record<Language, Record<MessageKey, string>> = { ja, en };

/** True when `key` names a message of the catalogue (for keys that arrive as data, e.g. from zod). */
export function isMessageKey(key: string): key is MessageKey {
	return key in ja;
}

/**
 * The message `key` in `language`, with `{name}` parameters filled in. `{name:one|other}` picks
 * the word form for the count in `name` by `Intl.PluralRules` ("{rows} {rows:row|rows}"). Counts
 * (numeric parameters but positions, calendar parts and codes: `isCountParam`, the rule problem
 * texts follow too) are written by `groupedCount`: 50000 → 50,000 in both languages.
 */
export function translate(
	language: Language,
	key: MessageKey,
	params: Record<string, string | number> = {}
): string {
	return fillTemplate(language, catalogues[language][key], withCountsGrouped(params));
}

/** `params` with each count (`isCountParam`) written by `groupedCount`; `params` itself when it holds none. */
function withCountsGrouped(params: Record<string, string | number>): Record<string, string | number> {
	let out: Record<string, string | number> | null = null;
	for (const name in params) {
		const value = params[name];
		if (!isCountParam(name, value)) continue;
		out ??= { ...params };
		out[name] = groupedCount(value);
	}
	return out ?? params;
}

/** Fills `{name}` and `{name:one|other}` in any template of `language` (catalogues, problem texts). */
export function fillTemplate(language: Language, template: string, params: Record<string, string | number>): string {
	return template.replace(/\{(\w+)(?::([^{}]+))?\}/g, (whole, name: string, forms: string | undefined) => {
		if (!(name in params)) return whole;
		return forms === undefined ? String(params[name]) : pluralForm(language, countOf(params[name]), forms);
	});
}
