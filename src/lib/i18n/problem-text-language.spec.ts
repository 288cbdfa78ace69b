import { describe, expect, it } from 'vitest';
import { ProblemList, formatProblemMessage, rowProblemCodes, fileProblemCodes, type ProblemCode } from '$lib/domain';
import { fieldLabels } from '$lib/domain/problems/field-labels';
import { quoteCell } from '$lib/domain/problems/display-value';
import { defaultCustomerIdPattern } from '$lib/domain/rules/patterns';
import { fromLegacyFailure, toProblemRecord, type ProblemRecord } from '$lib/domain/records/problem-record';
import { problemText } from './problem-text';
import { uploadPlaces } from '$lib/domain/headers/file-kind';
import { unencodableChars } from '$lib/domain/encoding/unencodable';
import { problemListWordsJa } from '$lib/domain/report/people-lists';
import { problemListWordsEn, spaceKindNamesEn } from './problems.en';

// A Japanese character: kana, kanji, CJK punctuation (「」、。) and full-width forms (（）：).
const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

const allCodes: ProblemCode[] = [...fileProblemCodes, ...rowProblemCodes];
const fieldKeys = Object.keys(fieldLabels);
/** What the operator typed: cell values, a header cell, a repaired value, the shop's own ID format. */
const typedValue = '山田「太郎」ー１２';
const typedFixed = 'ビザ';
const ownFormat = '^会員\\d{6}$';

/** Params as the core fills them: code-made ones as its rules make them, the typed ones in Japanese. */
const paramsOf = (field: string, format: string): Record<string, string | number> => ({
	field,
	fields: fieldKeys.join(','),
	value: typedValue,
	fixed: typedFixed,
	month: 13,
	registered: 1,
	order: 'YYMM',
	example: '2912',
	expected: 'YAMATO',
	format,
	rows: '2、5、9ほか',
	count: '1,234',
	limit: 100000,
	first: 1,
	year: 2029,
	encoding: 'Shift_JIS',
	cells: 3,
	columns: 5
});

/**
 * What English text keeps once every text the operator typed is taken out: each must stand inside
 * double quotes there (`"山田…"`), the only place a Japanese character may appear.
 */
function withoutTypedText(english: string): string {
	let rest = english;
	// A long typed value is stored masked (its last 4 characters kept): that form is what is quoted.
	for (const typed of [typedValue, quoteCell(typedValue), typedFixed, ownFormat]) {
		const bare = rest.split(`"${typed}"`).join('""');
		expect(bare, `typed text ${typed} outside quotes in: ${english}`).not.toContain(typed);
		rest = bare;
	}
	return rest;
}

function expectEnglishOnly(record: ProblemRecord): void {
	const english = problemText(record, 'en');
	const rest = withoutTypedText(english);
	expect(rest, english).not.toMatch(/\{\w+(:[^{}]+)?\}/);
	expect(rest, english).not.toMatch(japanese);
}

const cases = allCodes.flatMap((code) =>
	fieldKeys.flatMap((field) => [defaultCustomerIdPattern.source, ownFormat].map((format) => [code, field, format] as const))
);

describe('English problem text holds no Japanese but what the operator typed, quoted', () => {
	it.each(allCodes)('%s, every field and both ID formats, as stored now (code + params)', (code) => {
		for (const [, field, format] of cases.filter(([c]) => c === code)) {
			const list = new ProblemList();
			list.add(code, 3, 4, paramsOf(field, format));
			const record = toProblemRecord(list.sorted()[0]);
			expectEnglishOnly(record);
			// Its own English message, not the plain form for what cannot be rendered.
			expect(problemText(record, 'en')).not.toContain(`problem "${code}"`);
			expect(problemText(record, 'ja')).toBe(list.sorted()[0].message);
		}
	});

	it.each(allCodes)('%s, every field and both ID formats, stored as Japanese text (history schema 2)', (code) => {
		for (const [, field, format] of cases.filter(([c]) => c === code)) {
			const message = formatProblemMessage(code, { row: 3, column: 4, ...paramsOf(field, format) });
			const record = fromLegacyFailure({ row: 3, column: 4, code, message });
			expectEnglishOnly(record);
			expect(problemText(record, 'ja')).toBe(message);
		}
	});
});

describe('bad-customer-id stored with the Japanese `expected` words of older versions', () => {
	const stored = (expected: string): ProblemRecord => ({
		row: 3,
		column: 2,
		severity: 'error',
		code: 'bad-customer-id',
		params: { value: typedValue, expected }
	});

	it.each<[string, string, string, string]>([
		['the default pattern', '「US-」と8桁の数字（例：US-00010000）', defaultCustomerIdPattern.source, 'Enter it as "US-" and 8 digits (e.g. US-00010000).'],
		['a shop pattern', `決められた形式（${ownFormat}）`, ownFormat, `Enter it as the shop's own format "${ownFormat}".`]
	])('%s renders in English from the pattern, and in Japanese as before', (_, expected, format, english) => {
		const record = stored(expected);
		expect(problemText(record, 'en')).toBe(`Row 3: customer ID "${typedValue}" is not valid. ${english}`);
		expectEnglishOnly(record);
		expect(problemText(record, 'ja')).toBe(formatProblemMessage('bad-customer-id', { row: 3, value: typedValue, format }));
		expect(problemText(record, 'ja')).toContain(expected);
	});
});

// The problem lists beside step c and step d (and 顧客一覧's lists) are written in Shift_JIS unless
// the operator chooses UTF-8 (SPEC "File formats"). Operator trial: in English every refusal's list
// could not be written at all — its own words held "–" (steps a–b) and "›" (Customers › Bulk
// registration), which CP932 has no code for — and the app blamed the operator's file. The kind:
// every text of the app that goes into such a file, in either language — each problem's text (every
// code, field, ID format, place, kind of space), the list's header and words — is writable in
// Shift_JIS once what the operator typed is taken out; only the operator's own values may need UTF-8.
describe('the app\'s own words in a problem list are writable in Shift_JIS', () => {
	const places = [undefined, ...uploadPlaces];
	const spaceKinds = Object.keys(spaceKindNamesEn);
	it.each(allCodes)('%s, every field, ID format, place and kind of space, in both languages', (code) => {
		for (const [, field, format] of cases.filter(([c]) => c === code)) {
			for (const place of places) {
				for (const kinds of spaceKinds) {
					const list = new ProblemList();
					// What the operator typed, here in ASCII: all else is the app's.
					list.add(code, 3, 4, { ...paramsOf(field, format), value: 'AbC-0123', fixed: 'VISA', kinds, ...(place ? { place } : {}) });
					const record = toProblemRecord(list.sorted()[0]);
					for (const language of ['ja', 'en'] as const) {
						const text = problemText(record, language);
						expect(unencodableChars(text), text).toBe('');
					}
				}
			}
		}
	});

	it.each([
		['ja', problemListWordsJa],
		['en', problemListWordsEn]
	] as const)('%s: the list\'s header and words', (_, words) => {
		expect(unencodableChars([...words.header, words.wholeFile, words.error, words.warning].join(''))).toBe('');
	});
});
