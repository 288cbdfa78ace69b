import { groupedCount, numberText } from '$lib/domain/problems/count-text';
import type { ProblemRecord } from '$lib/domain/records/problem-record';
import { languages, translate, type Language, type MessageKey } from '$lib/i18n';
import { failureText } from '$lib/i18n/failures';
import { dateTimeText } from '$lib/i18n/plural';
import { problemText } from '$lib/i18n/problem-text';

/** Where the language choice is kept in localStorage (a display preference, kept by an erase). */
export const languageStorageKey = 'webcollect-workbench.language';
const storageKey = languageStorageKey;

/** The operator's language, remembered in localStorage; Japanese unless chosen otherwise. */
class LocaleState {
	language = $state<Language>('ja');

	constructor() {
		if (typeof localStorage === 'undefined') return;
		const saved = localStorage.getItem(storageKey);
		if (saved && (languages as readonly string[]).includes(saved)) this.language = saved as Language;
	}

	set(language: Language) {
		this.language = language;
		localStorage.setItem(storageKey, language);
		document.documentElement.lang = language;
	}

	t = (key: MessageKey, params?: Record<string, string | number>): string =>
		translate(this.language, key, params);

	/** Formats a date and time for the current language, in Japan time. */
	dateTime = (value: Date | number): string => dateTimeText(this.language, value);

	/** A problem of a file in the current language. */
	problem = (problem: ProblemRecord): string => problemText(problem, this.language);

	/** Why a job or a save failed (a failure code), in the current language, with what to do next. */
	failure = (code: string): string => failureText(code, this.language);

	/** A count as every screen writes it, the same in both languages (`groupedCount`: 50000 → 50,000). */
	number = (value: number): string => groupedCount(value);

	/**
	 * A row or column number (a position: 行番号, 列番号) as every table cell and message writes it,
	 * never grouped (`numberText`: row 3002 → "3002", as 「3002行目」 / "Row 3002").
	 */
	position = (name: 'row' | 'column', value: number): string => numberText(name, value);
}

export const locale = new LocaleState();
export const t = locale.t;
