import { fieldLabels } from '$lib/domain/problems/field-labels';
import { problemTemplatesJa } from '$lib/domain/problems/messages-ja';
import { legacyTextParam, type ProblemRecord } from '$lib/domain/records/problem-record';
import type { Language } from './index';
import { countOf, listText, pluralForm, yearMonthText } from './plural';
import { fieldNames, problemTemplatesEn } from './problems.en';

type Params = Record<string, string | number>;

interface Catalogue {
	templates: Readonly<Record<string, string>>;
	fields: Readonly<Record<string, string>>;
	/** How a list of field names is joined inside the quotes of `{fields}`. */
	fieldJoin: string;
	unknown: string;
}

// One catalogue per language; the Japanese templates are the core's own (its reports carry them).
const catalogues: Record<Language, Catalogue> = {
	ja: { templates: problemTemplatesJa, fields: fieldLabels, fieldJoin: '」と「', unknown: '{row}行目{column}列目の問題（{code}）' },
	en: { templates: problemTemplatesEn, fields: fieldNames, fieldJoin: '", "', unknown: 'Row {row}, column {column}: problem "{code}".' }
};

/** `{name}` and `{name:one|other}` (the word form for the count in `name`, by `Intl.PluralRules`). */
const placeholder = /\{(\w+)(?::([^{}]+))?\}/g;
const unfilled = /\{\w+(?::[^{}]+)?\}/;

function fill(template: string, params: Params, catalogue: Catalogue, language: Language): string {
	return template.replace(placeholder, (whole, name: string, forms: string | undefined) => {
		if (!(name in params)) return whole;
		if (forms !== undefined) return pluralForm(language, countOf(params[name]), forms);
		const value = String(params[name]);
		if (name === 'field') return catalogue.fields[value] ?? value;
		if (name === 'fields') return value.split(',').map((field) => catalogue.fields[field] ?? field).join(catalogue.fieldJoin);
		return value;
	});
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
	const legacy = problem.params[legacyTextParam];
	if (legacy !== undefined) {
		if (language === 'ja') return String(legacy);
		params = { ...params, ...legacyParams(problem.code, String(legacy)) };
	}
	if (language === 'en') params = { ...params, ...englishParams(params) };
	const template = catalogue.templates[problem.code];
	const text = template === undefined ? undefined : fill(template, params, catalogue, language);
	// A placeholder left unfilled (an old entry's text did not read back) falls back to the plain form.
	return text === undefined || unfilled.test(text) ? fill(catalogue.unknown, params, catalogue, language) : text;
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
