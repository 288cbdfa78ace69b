import { en } from './en';
import { ja, type MessageKey } from './ja';

export type { MessageKey };
export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];

const catalogues: Record<Language, Record<MessageKey, string>> = { ja, en };

/** True when `key` names a message of the catalogue (for keys that arrive as data, e.g. from zod). */
export function isMessageKey(key: string): key is MessageKey {
	return key in ja;
}

/** The message `key` in `language`, with `{name}` parameters filled in. */
export function translate(
	language: Language,
	key: MessageKey,
	params: Record<string, string | number> = {}
): string {
	const template = catalogues[language][key];
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}
