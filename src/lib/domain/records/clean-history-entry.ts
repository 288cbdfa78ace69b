import { containsCardNumber, checkFileName, digitValue, indexOfLongDigitRun, isCardNumberSeparator } from '../guard/card-number';
import { quoteCell } from '../problems/display-value';
import { legacyTextParam } from './legacy-text';

// Entries stored by earlier versions (history schema v2, pre-rendered Japanese messages kept as a
// legacy parameter since v3) may hold what SPEC's privacy promise forbids: full tokens quoted in
// messages, card numbers from tail columns, file names holding a card number. This cleans an entry
// as it is read, so no such text is shown, exported or written back (SPEC "Privacy promise":
// "History keeps counts, hashes and masked problems — never a token").

/** What a history entry shows instead of a file name that held a card number (both languages). */
export const withheldFileName = '（カード番号を含むファイル名のため表示しません / file name withheld: it held a card number）';

/** Quoted values of a message: 「…」, "…", “…” and ＂…＂. */
const quoted = /「([^「」]*)」|"([^"]*)"|“([^“”]*)”|＂([^＂]*)＂/g;

/** `text` with every digit of every run of 13 or more digits (single separators between) as `*`. */
function maskLongDigitRuns(text: string): string {
	let out = '';
	let done = 0;
	let start = indexOfLongDigitRun(text, 0);
	while (start >= 0) {
		let end = start;
		while (end < text.length && (digitValue(text.charCodeAt(end)) >= 0 || isCardNumberSeparator(text.charCodeAt(end)))) end++;
		out += text.slice(done, start);
		for (let i = start; i < end; i++) out += digitValue(text.charCodeAt(i)) >= 0 ? '*' : text[i];
		done = end;
		start = indexOfLongDigitRun(text, end);
	}
	return out + text.slice(done);
}

/**
 * A stored message (or any stored text) made safe to show: every quoted value (「…」, "…") goes
 * through `quoteCell` (masked unless short and not token-shaped), and when a card number is still
 * found, every long digit run is starred. Pure; the same text when there is nothing to clean.
 */
export function cleanStoredText(text: string, quoteValues = true): string {
	let clean = quoteValues
		? text.replace(quoted, (whole, a?: string, b?: string, c?: string, d?: string) => {
				const value = a ?? b ?? c ?? d ?? '';
				const shown = quoteCell(value);
				return shown === value ? whole : whole.replace(value, shown);
			})
		: text;
	if (containsCardNumber(clean)) clean = maskLongDigitRuns(clean);
	return clean;
}

function cleanParams(params: unknown, legacyKey: string): unknown {
	if (typeof params !== 'object' || params === null || Array.isArray(params)) return params;
	let changed = false;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(params)) {
		// The legacy text is free Japanese text with values quoted in it; other params were masked
		// when stored, and only a card number (which no mask of old removed) is looked for.
		const clean = typeof value === 'string' ? cleanStoredText(value, key === legacyKey) : value;
		if (clean !== value) changed = true;
		out[key] = clean;
	}
	return changed ? out : params;
}

function cleanProblems(list: unknown, legacyKey: string, messageKey?: string): unknown {
	if (!Array.isArray(list)) return list;
	let changed = false;
	const out = list.map((item) => {
		if (typeof item !== 'object' || item === null) return item;
		const problem = item as Record<string, unknown>;
		const params = cleanParams(problem.params, legacyKey);
		const message = messageKey && typeof problem[messageKey] === 'string' ? cleanStoredText(problem[messageKey] as string) : problem[messageKey ?? ''];
		if (params === problem.params && (messageKey === undefined || message === problem[messageKey])) return item;
		changed = true;
		return messageKey === undefined ? { ...problem, params } : { ...problem, params, [messageKey]: message };
	});
	return changed ? out : list;
}

/**
 * A stored history entry (any schema version, as read from the database) cleaned for reading:
 * problems' legacy texts and params (and a v2 entry's `failures` messages) through
 * `cleanStoredText`, and a `fileName` that `checkFileName` refuses replaced by `withheldFileName`.
 * Pure: returns the same object when nothing needed cleaning, else a cleaned copy.
 */
export function cleanHistoryEntry<T>(stored: T, legacyKey: string = legacyTextParam): T {
	if (typeof stored !== 'object' || stored === null) return stored;
	const entry = stored as Record<string, unknown>;
	const fileName =
		typeof entry.fileName === 'string' && checkFileName(entry.fileName) !== null ? withheldFileName : entry.fileName;
	const problems = cleanProblems(entry.problems, legacyKey);
	const failures = cleanProblems(entry.failures, legacyKey, 'message');
	if (fileName === entry.fileName && problems === entry.problems && failures === entry.failures) return stored;
	const out: Record<string, unknown> = { ...entry };
	if (fileName !== entry.fileName) out.fileName = fileName;
	if ('problems' in entry) out.problems = problems;
	if ('failures' in entry) out.failures = failures;
	return out as T;
}
