import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { notCountParams } from '$lib/domain/problems/count-text';
import { translate, type Language, type MessageKey } from './index';

const paramsOf = (template: string): string[] => [...new Set([...template.matchAll(/\{(\w+)(?::[^{}]+)?\}/g)].map((m) => m[1]))];

// Every catalogue message that takes a count, in both languages.
const countTemplates: [Language, MessageKey, string[]][] = (['ja', 'en'] as const).flatMap((language) =>
	Object.entries(language === 'ja' ? ja : en)
		.map(([key, template]): [Language, MessageKey, string[]] => [language, key as MessageKey, paramsOf(template).filter((name) => !notCountParams.has(name))])
		.filter(([, , names]) => names.length > 0)
);

describe('counts in catalogue messages', () => {
	it('finds the messages that take a count', () => {
		expect(countTemplates.length).toBeGreaterThan(50);
		expect(countTemplates.map(([, key]) => key)).toEqual(expect.arrayContaining(['bell.reportConversion', 'report.cards.summary', 'migration.customersLoaded', 'migration.multiCardNote']));
	});

	it.each(countTemplates)('%s %s writes each count grouped by three', (language, key, names) => {
		const text = translate(language, key, Object.fromEntries(names.map((name) => [name, 50000])));
		expect(text).toContain('50,000');
		expect(text).not.toMatch(/(?<![\d,])50000/);
	});

	it.each([
		['ja', 'report.cards.summary', { customers: 50000, cards: 51000, date: 'x' }, '顧客 50,000人、カード 51,000枚'],
		['en', 'bell.reportConversion', { rows: 50000, registered: 50000, errors: 0, warnings: 0 }, 'Read 50,000 rows · written 50,000'],
		['en', 'bell.reportConversion', { rows: 1, registered: 1, errors: 0, warnings: 1 }, 'Read 1 row · written 1'],
		['en', 'migration.multiCardNote', { count: 1000 }, '1,000 customers have several cards'],
		['ja', 'migration.customersLoaded', { total: 50000, linked: 50000 }, '顧客 50,000件を読み込みました（連携用CSVに書き出す顧客 50,000件）'],
		['ja', 'mapping.column', { column: 12345, name: 'x' }, '列12345'],
		['ja', 'report.files.item', { number: 1234, kind: 'x' }, '1234. x'],
		['ja', 'upload.size', { size: '123456' }, '123456 バイト']
	] as const)('%s %s reads %j as %s', (language, key, params, expected) => {
		expect(translate(language, key as MessageKey, params)).toContain(expected);
	});
});
