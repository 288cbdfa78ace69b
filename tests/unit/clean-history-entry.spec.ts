import { describe, expect, it } from 'vitest';
import { containsCardNumber, separatorClasses } from '$lib/domain';
import { cleanHistoryEntry, cleanStoredText, withheldFileName } from '$lib/domain/records/clean-history-entry';
import { upgradeHistoryEntryV3 } from '$lib/domain/records/history-entry';
import { legacyTextParam } from '$lib/domain/records/legacy-text';
import { problemText } from '$lib/i18n/problem-text';

// Entries stored by earlier versions (schema v2: Japanese messages; v3: those kept as a legacy
// parameter) are cleaned on read: no full token, no card number, no card-number file name.

const TOKEN = 'AbCdEf0123456789xyZ1';
const PAN = '4111111111111111';

/** The first and last BMP character of each separator class of the guard. */
const classSamples: [string, string][] = [];
for (const [kind, pattern] of Object.entries(separatorClasses)) {
	const chars: string[] = [];
	for (let code = 0; code < 0x10000; code++) {
		if (code >= 0xd800 && code <= 0xdfff) continue;
		const char = String.fromCharCode(code);
		if (pattern.test(char)) chars.push(char);
	}
	classSamples.push([`${kind} first`, chars[0]], [`${kind} last`, chars[chars.length - 1]]);
}
const grouped = (sep: string) => [PAN.slice(0, 4), PAN.slice(4, 8), PAN.slice(8, 12), PAN.slice(12)].join(sep);

const v2 = (message: string, fileName = 'yamato-return.csv') => ({
	id: 1,
	kind: 'cards',
	fileName,
	size: 10,
	sha256: '',
	encoding: 'utf-8',
	startedAt: 1,
	status: 'errors',
	rows: 2,
	succeeded: 1,
	failed: 1,
	failures: [{ row: 2, column: 9, code: 'bad-token', message }]
});

function everyText(entry: Record<string, unknown>): string {
	const problems = (entry.problems as { row: number; column: number; severity: 'error'; code: string; params: Record<string, string> }[]) ?? [];
	return JSON.stringify(entry) + problems.map((p) => problemText(p as never, 'ja') + problemText(p as never, 'en')).join('\n');
}

describe('old entries are cleaned on read', () => {
	const messages: [string, string][] = [
		['a full token in 「」', `2行目の認証キー「${TOKEN}」は使えません。`],
		['a full token in ""', `2行目の認証キー"${TOKEN}"は使えません。`],
		['a PAN in a tail column', `2行目のカード番号下3桁「${PAN}」は3桁の数字ではありません。`],
		['a bare PAN, unquoted', `2行目の備考に ${PAN} があります。`],
		...classSamples.map(([name, sep]): [string, string] => [`a PAN split by ${name} U+${sep.charCodeAt(0).toString(16)}`, `2行目のメモ ${grouped(sep)} です`])
	];
	it.each(messages)('v2 entry, %s: upgraded and read, nothing leaks', (_, message) => {
		const upgraded = cleanHistoryEntry(upgradeHistoryEntryV3(v2(message)));
		const text = everyText(upgraded);
		expect(text).not.toContain(TOKEN);
		expect(containsCardNumber(text)).toBe(false);
		expect(text.replace(/\D/g, '')).not.toContain(PAN);
		// The v2 entry itself, not upgraded yet, is cleaned as well.
		expect(JSON.stringify(cleanHistoryEntry(v2(message)))).not.toContain(TOKEN);
	});

	it.each(messages)('v3 entry with a legacy text, %s', (_, message) => {
		const entry = { ...v2(message), failures: undefined, problems: [{ row: 2, column: 9, severity: 'error', code: 'bad-token', params: { [legacyTextParam]: message } }] };
		delete entry.failures;
		const text = everyText(cleanHistoryEntry(entry));
		expect(text).not.toContain(TOKEN);
		expect(containsCardNumber(text)).toBe(false);
	});

	it.each([...classSamples.map(([name, sep]): [string, string] => [name, `カード${grouped(sep)}.csv`]), ['plain', `${PAN}.csv`]])(
		'a file name holding a PAN (%s) is withheld',
		(_, fileName) => {
			const cleaned = cleanHistoryEntry(v2('2行目の認証キーが空です。', fileName));
			expect(cleaned.fileName).toBe(withheldFileName);
			expect(containsCardNumber(JSON.stringify(cleaned))).toBe(false);
		}
	);

	it.each<[string, string]>([
		['short values stay', '2行目のカードブランド「ABC」を直しました。'],
		['no quotes, no digits', '認証キーが空です。'],
		['a row number and an expiry', '12行目の有効期限「2912」は切れています。']
	])('%s: the text is kept as it was', (_, message) => {
		expect(cleanStoredText(message)).toBe(message);
		const entry = v2(message);
		expect(cleanHistoryEntry(entry)).toBe(entry);
	});

	it('a masked value stays masked the same (cleaning twice changes nothing)', () => {
		const once = cleanStoredText(`2行目の認証キー「${TOKEN}」は使えません。`);
		expect(once).toContain('****…xyZ1');
		expect(cleanStoredText(once)).toBe(once);
	});
});
