import { fieldLabels } from '$lib/domain/problems/field-labels';
import { groupedCount, isCountParam } from '$lib/domain/problems/count-text';
import { customerIdFormatJa, placeTextJa, problemTemplatesJa, spaceKindLabelsJa } from '$lib/domain/problems/messages-ja';
import { defaultCustomerIdPattern } from '$lib/domain/rules/patterns';
import { legacyTextParam } from '$lib/domain/records/legacy-text';
import type { ProblemRecord } from '$lib/domain/records/problem-record';
import type { Language } from './index';
import { countOf, listText, pluralForm, yearMonthText } from './plural';
import { customerIdFormatEn, fieldNames, placeTextEn, problemTemplatesEn, spaceKindNamesEn } from './problems.en';

type Params = Record<string, string | number>;

interface Catalogue {
	templates: Readonly<Record<string, string>>;
	fields: Readonly<Record<string, string>>;
	/** How a list of field names is joined inside the quotes of `{fields}`. */
	fieldJoin: string;
	/** A customer ID's `format` param (a pattern's source) in words. */
	format: (format: string) => string;
	unknown: string;
	/** Names of the kinds of space (`spaces` param), and the word for spaces of no known kind. */
	spaces: Readonly<Record<string, string>>;
	anySpace: string;
	/** What each upload place reads (`place` param of a file of another kind); none for older entries. */
	places: Readonly<Record<string, string>>;
}

// One catalogue per language; the Japanese templates are the core's own (its reports carry them).
const catalogues: Record<Language, Catalogue> = {
	ja: { templates: problemTemplatesJa, fields: fieldLabels, fieldJoin: '」と「', format: customerIdFormatJa, unknown: '{row}行目{column}列目の問題（{code}）', spaces: spaceKindLabelsJa, anySpace: '空白', places: placeTextJa },
	en: { templates: problemTemplatesEn, fields: fieldNames, fieldJoin: '", "', format: customerIdFormatEn, unknown: 'Row {row}, column {column}: problem "{code}".', spaces: spaceKindNamesEn, anySpace: 'spaces', places: placeTextEn }
};

/** `{name}` and `{name:one|other}` (the word form for the count in `name`, by `Intl.PluralRules`). */
const placeholder = /\{(\w+)(?::([^{}]+))?\}/g;

/**
 * The template with its placeholders filled, or null when a parameter it names is missing (an old
 * entry's text did not read back). Decided on the template, not the text: a filled value may hold
 * braces of its own (a shop's ID pattern `^C\d{7}$`).
 */
function fill(template: string, params: Params, catalogue: Catalogue, language: Language): string | null {
	let isComplete = true;
	const text = template.replace(placeholder, (whole, name: string, forms: string | undefined) => {
		// An entry stored before trimming named the kinds of space says "spaces".
		if (name === 'spaces') return spacesText(String(params.spaces ?? ''), catalogue, language);
		// An entry stored before problems named the place a file was dropped on says no more than its kind.
		if (name === 'place') return wordOf(catalogue.places, String(params.place)) ?? '';
		if (!(name in params)) {
			isComplete = false;
			return whole;
		}
		if (forms !== undefined) return pluralForm(language, countOf(params[name]), forms);
		const given = params[name];
		if (isCountParam(name, given)) return groupedCount(given);
		const value = String(given);
		if (name === 'field') return wordOf(catalogue.fields, value) ?? value;
		if (name === 'format') return catalogue.format(value);
		if (name === 'fields') return value.split(',').map((field) => wordOf(catalogue.fields, field) ?? field).join(catalogue.fieldJoin);
		return value;
	});
	return isComplete ? text : null;
}

/**
 * The word a catalogue table gives `key`, only from the table's own entries: a stored param such as
 * `place: 'constructor'` (never written by the app) must not reach Object.prototype and print a function.
 */
function wordOf(table: Readonly<Record<string, string>>, key: string): string | undefined {
	return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The `spaces` param (kinds of space, comma-joined) in words of the language. */
function spacesText(kinds: string, catalogue: Catalogue, language: Language): string {
	if (kinds === '') return catalogue.anySpace;
	const names = kinds.split(',').map((kind) => wordOf(catalogue.spaces, kind) ?? catalogue.spaces.other);
	return language === 'ja' ? names.join('・') : listText(language, names);
}

const fieldKeyOf = new Map(Object.entries(fieldLabels).map(([key, label]) => [label, key]));

/**
 * The parameters of a Japanese message stored before problems were kept as codes, read back with
 * the code's Japanese template; null when the text does not follow it (the template changed since).
 */
function legacyParams(code: string, text: string): Params | null {
	const template = problemTemplatesJa[code as keyof typeof problemTemplatesJa];
	if (!template) return null;
	const names: string[] = [];
	const pattern = template
		.split(/(\{\w+\})/)
		.map((part) => {
			const name = /^\{(\w+)\}$/.exec(part)?.[1];
			if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			if (names.includes(name)) return `\\k<${name}>`;
			names.push(name);
			return `(?<${name}>.*?)`;
		})
		.join('');
	const groups = new RegExp(`^${pattern}$`, 's').exec(text)?.groups;
	if (!groups) return null;
	const params: Params = { ...groups };
	if (typeof params.field === 'string') params.field = fieldKeyOf.get(params.field) ?? params.field;
	if (typeof params.fields === 'string') {
		params.fields = params.fields.split('」と「').map((label) => fieldKeyOf.get(label) ?? label).join(',');
	}
	return params;
}

/**
 * A problem of a file in `language`: its code's template filled with its (already masked)
 * parameters. An entry stored before problems were kept as codes shows its Japanese text as it
 * was, and in English the same message rebuilt from that text (the code's template otherwise).
 */
export function problemText(problem: ProblemRecord, language: Language): string {
	const catalogue = catalogues[language];
	let params: Params = { row: problem.row, column: problem.column, code: problem.code, ...problem.params };
	// A row list is text (「3、4」); 一括登録 › 顧客情報 stored a lone earlier row as a number.
	if (typeof params.rows === 'number') params.rows = String(params.rows);
	const legacy = problem.params[legacyTextParam];
	if (legacy !== undefined) {
		if (language === 'ja') return String(legacy);
		params = { ...params, ...legacyParams(problem.code, String(legacy)) };
	}
	const format = legacyFormat(params);
	if (format !== undefined) params = { ...params, format };
	if (language === 'en') params = { ...params, ...englishParams(params) };
	const template = catalogue.templates[problem.code];
	const text = template === undefined ? null : fill(template, params, catalogue, language);
	// A placeholder left unfilled (an old entry's text did not read back) falls back to the plain form.
	return text ?? fill(catalogue.unknown, params, catalogue, language) ?? `${problem.row}:${problem.column} ${problem.code}`;
}

const legacyDefaultFormat = '「US-」と8桁の数字（例：US-00010000）';
const legacyOwnFormat = /^決められた形式（(.*)）$/s;

/**
 * The `format` of a `bad-customer-id` kept before it was language-neutral: then `expected` (or the
 * text read back into `format`) held the Japanese words 「US-」と8桁の数字（例：US-00010000） or
 * 決められた形式（source）. Undefined when there is nothing to read back.
 */
function legacyFormat(params: Params): string | undefined {
	const words = params.format ?? params.expected;
	if (params.code !== 'bad-customer-id' || typeof words !== 'string') return undefined;
	if (words === legacyDefaultFormat) return defaultCustomerIdPattern.source;
	const own = legacyOwnFormat.exec(words);
	if (own) return own[1];
	return params.format === undefined ? undefined : words;
}

/**
 * The core's parameters in English words: its row lists 「3、4」 (「…ほか」 when cut) become
 * "3 and 4" with `rowCount` for the plural, and a `year`/`month` pair becomes `yearMonth`
 * ("January 2026").
 */
function englishParams(params: Params): Params {
	const extra: Params = {};
	if (typeof params.rows === 'string') {
		const isCut = params.rows.endsWith('ほか');
		const items = (isCut ? params.rows.slice(0, -2) : params.rows).split('、').filter((item) => item !== '');
		extra.rows = listText('en', items, isCut);
		extra.rowCount = isCut ? items.length + 1 : items.length;
	}
	if (params.year !== undefined && params.month !== undefined) {
		extra.yearMonth = yearMonthText('en', Number(params.year), Number(params.month));
	}
	return extra;
}
