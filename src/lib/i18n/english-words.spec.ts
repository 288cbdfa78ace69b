import { describe, expect, it } from 'vitest';
import { en } from './en';
import { failureCodes, failureText } from './failures';
import { fieldNames, problemListWordsEn, problemTemplatesEn } from './problems.en';

/**
 * The English UI speaks English only: no full-width punctuation (：（）「」、。 and the rest of
 * U+3000–U+303F, U+FF00–U+FFEF) and no Japanese script in any English template. Decision: there are
 * no exceptions. Button names are quoted by their English label ("Upload data"), and Japanese that
 * the operator must recognise (a column name of the source file, a value) arrives as a parameter
 * from the data, never from the catalogue.
 */
const japanese = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/u;

const englishTexts: [string, string][] = [
	...Object.entries(en).map(([key, text]): [string, string] => [`en ${key}`, text]),
	...Object.entries(problemTemplatesEn).map(([code, text]): [string, string] => [`problem ${code}`, text]),
	...Object.entries(fieldNames).map(([field, text]): [string, string] => [`field ${field}`, text]),
	...problemListWordsEn.header.map((text, i): [string, string] => [`problem list header ${i}`, text]),
	['problem list wholeFile', problemListWordsEn.wholeFile],
	['problem list error', problemListWordsEn.error],
	['problem list warning', problemListWordsEn.warning],
	...failureCodes.map((code): [string, string] => [`failure ${code}`, failureText(code, 'en')])
];

describe('English catalogues', () => {
	it('cover every catalogue (the table is not empty)', () => {
		expect(englishTexts.length).toBeGreaterThan(300);
	});

	it.each(englishTexts)('%s holds no full-width punctuation or Japanese', (_where, text) => {
		expect(text.match(japanese)?.[0] ?? null).toBeNull();
	});
});

// Operator trial: "1 cells hold characters…". A count before a noun takes the noun's form for that
// count ("{count} {count:cell|cells}"), also with a word or two between ("{size} registered customers"). The nouns are those the catalogues count
// somewhere with a plural form (rows, customers, cells, bytes…): none may follow a bare count.
describe('English counts take the plural form of their noun', () => {
	const pluralForms = /\{\w+:[^{}|]+\|([^{}]+)\}/g;
	const nouns = new Set(englishTexts.flatMap(([, text]) => [...text.matchAll(pluralForms)].map((m) => m[1].split(' ')[0])));
	const qualifiers = new Set(['more', 'registered', 'other', 'new', 'unread', 'failed', 'stored', 'history', 'customer', 'card', 'import']);
	it('knows the counted nouns (the table is not empty)', () => {
		expect([...nouns]).toEqual(expect.arrayContaining(['rows', 'customers', 'cells', 'bytes', 'errors']));
	});
	it.each(englishTexts)('%s', (_where, text) => {
		// The noun right after the count, or after words that qualify it ("{size} registered customers",
		// "{count} more rows", "{total} history entries").
		const counted = (words: string[]) => words.find((word) => !qualifiers.has(word));
		const bare = [...text.matchAll(/\{\w+\}((?: [a-z]+\b){1,3})/g)].filter((m) => nouns.has(counted(m[1].trim().split(' ')) ?? '')).map((m) => m[0]);
		expect(bare).toEqual([]);
	});
});

// Operator trial: "Customers > bulk registration (card information)" beside "Customers > Bulk
// registration … “Credit card information”". A menu path names each screen and section as its own
// heading does, in every English text.
describe('English menu paths name screens as their headings do', () => {
	const sections = new Set([`${en['nav.customers']} > ${en['bulk.title']}`]);
	it.each(englishTexts.filter(([, text]) => text.includes(' > ')))('%s', (_where, text) => {
		const paths = [...text.matchAll(/\b([A-Z][a-z]+) > ([A-Za-z]+(?: [a-z]+)?)/g)].map((m) => `${m[1]} > ${m[2]}`);
		expect(paths.filter((path) => !sections.has(path))).toEqual([]);
	});
});
