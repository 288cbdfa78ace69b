import { describe, expect, it } from 'vitest';
import { ProblemList, formatProblemMessage, rowProblemCodes, fileProblemCodes, type ProblemCode } from '$lib/domain';
import { fromLegacyFailure, toProblemRecord } from '$lib/domain/records/problem-record';
import { problemTemplatesJa } from '$lib/domain/problems/messages-ja';
import { problemText } from './problem-text';
import { yearMonthText } from './plural';

const allCodes: ProblemCode[] = [...fileProblemCodes, ...rowProblemCodes];
const sample = { field: 'expiry', fields: 'customerId,token', value: '2913', fixed: '2912', month: 13, order: 'YYMM', example: '2912', expected: 'YAMATO', format: '^US-\\d{8}$', rows: '2、5', count: 2, registered: 1, limit: 10, first: 1, year: 2029, encoding: 'UTF-32', cells: 3, columns: 5 };

describe('problemText', () => {
	it.each(allCodes)('%s: Japanese is the core\'s own message; English fills every parameter', (code) => {
		const list = new ProblemList();
		list.add(code, 3, 4, sample);
		const [problem] = list.sorted();
		const record = toProblemRecord(problem);
		expect(problemText(record, 'ja')).toBe(problem.message);
		const english = problemText(record, 'en');
		expect(english).not.toMatch(/\{\w+\}/);
		expect(english).not.toMatch(/[ぁ-んァ-ン一-龯]/);
	});

	// A row list (`rows`) is text; an entry of 一括登録 › 顧客情報 stored a lone earlier row as a number,
	// and its English fell back to 'problem "duplicate-linkage-id"' (no rowCount for the plural).
	it.each(allCodes.filter((code) => problemTemplatesJa[code].includes('{rows}')))('%s with its row list stored as one number reads that row', (code) => {
		const record = { row: 12346, column: 1, severity: 'error' as const, code, params: { ...sample, rows: 12345 } };
		expect(problemText(record, 'ja')).toMatch(/[（は]12345行目）/);
		expect(problemText(record, 'en')).toMatch(/\brow 12345\b/);
	});

	it.each<[string, { row: number; column: number; code: string; message: string }, string, string]>([
		[
			'a message that still follows its template is rebuilt in English',
			{ row: 3, column: 4, code: 'bad-month', message: formatProblemMessage('bad-month', { row: 3, value: '2813', month: 13, order: 'YYMM', example: '2912' }) },
			'3行目の有効期限「2813」は月が13です。YYMM形式（例：2912）で入力してください。',
			'Row 3: expiry "2813" has month 13. Enter it as YYMM (e.g. 2912).'
		],
		[
			'a field name is read back to its key',
			{ row: 5, column: 1, code: 'missing-value', message: '5行目の連携用IDが空です。連携用IDを入力してください。' },
			'5行目の連携用IDが空です。連携用IDを入力してください。',
			'Row 5: the linkage ID is empty. Enter the linkage ID.'
		],
		[
			'a text that no longer follows its template falls back to the plain form',
			{ row: 7, column: 2, code: 'bad-token', message: '7行目の認証キーがおかしいです。' },
			'7行目の認証キーがおかしいです。',
			'Row 7, column 2: problem "bad-token".'
		],
		[
			'an unknown code shows plainly in both languages',
			{ row: 2, column: 1, code: 'retired-rule', message: '2行目の古い問題です。' },
			'2行目の古い問題です。',
			'Row 2, column 1: problem "retired-rule".'
		]
	])('an entry stored as Japanese text: %s', (_name, failure, japanese, english) => {
		const record = fromLegacyFailure(failure);
		expect(problemText(record, 'ja')).toBe(japanese);
		expect(problemText(record, 'en')).toBe(english);
	});

	it('renders an unknown code of a new entry from its row and column', () => {
		const record = { row: 4, column: 2, severity: 'error' as const, code: 'from-the-future', params: {} };
		expect(problemText(record, 'ja')).toBe('4行目2列目の問題（from-the-future）');
		expect(problemText(record, 'en')).toBe('Row 4, column 2: problem "from-the-future".');
	});
});

describe('problemText: stored params are looked up in the catalogue\'s own words only', () => {
	it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('place, field, fields and spaces named %s print no function', (key) => {
		const records = [
			{ code: 'looks-like-linkage-csv', params: { place: key } },
			{ code: 'missing-value', params: { field: key } },
			{ code: 'missing-columns', params: { fields: `${key},token` } },
			{ code: 'trimmed-spaces', params: { field: 'token', spaces: key } }
		];
		for (const language of ['ja', 'en'] as const) {
			for (const { code, params } of records) {
				const text = problemText({ row: 2, column: 1, code, severity: 'error', message: '', params } as never, language);
				expect(text).not.toMatch(/function|\[native code\]|\[object Object\]/);
			}
		}
	});
});

describe('yearMonthText', () => {
	it.each<[number, number, string, string]>([
		[2026, 1, '2026年1月', 'January 2026'],
		[2029, 12, '2029年12月', 'December 2029'],
		[50, 6, '50年6月', 'June 50'],
		[2029, 13, '2029年13月', '2029-13'],
		[2029, 0, '2029年0月', '2029-0'],
		[300000, 1, '300000年1月', '300000-1'],
		[2029, 1.5, '2029年1.5月', '2029-1.5'],
		[Number.NaN, 1, 'NaN年1月', 'NaN-1']
	])('%s, %s: 「%s」 / "%s", never another month and never an error', (year, month, ja, en) => {
		expect(yearMonthText('ja', year, month)).toBe(ja);
		expect(yearMonthText('en', year, month)).toBe(en);
	});

	it('a stored card-expired entry with any year and month renders in English without throwing', () => {
		for (const [year, month] of [[300000, 1], [2029, 13], [-1, 2]]) {
			const text = problemText({ row: 2, column: 4, code: 'card-expired', severity: 'warning', message: '', params: { value: '2913', year, month } } as never, 'en');
			expect(text).toContain(`(${year}-${month})`);
		}
	});
});

describe('problemText: English words follow the count (Intl.PluralRules, Intl.ListFormat)', () => {
	const record = (code: ProblemCode, params: Record<string, string | number>) => ({ row: 3, column: 2, severity: 'error' as const, code, params });

	it.each<[string, ProblemCode, Record<string, string | number>, string]>([
		['one other row', 'duplicate-customer-id', { value: 'US-1', rows: '5' }, 'is also on row 5.'],
		['two other rows', 'duplicate-customer-id', { value: 'US-1', rows: '5、9' }, 'is also on rows 5 and 9.'],
		['three other rows', 'duplicate-linkage-id', { value: 'A1', rows: '5、9、12' }, 'is also on rows 5, 9 and 12.'],
		['a cut list', 'duplicate-linkage-id', { value: 'A1', rows: '5、9ほか' }, 'is also on rows 5, 9 and more.'],
		['two cards', 'multiple-cards', { value: 'US-1', count: 2, rows: '3、4' }, 'has 2 cards (rows 3 and 4).'],
		['one registered, one in the file', 'multiple-cards-registered', { value: 'US-1', count: 2, registered: 1, rows: '3' }, 'has 2 cards: 1 already registered, the one in this file (row 3).'],
		['one registered, two in the file', 'multiple-cards-registered', { value: 'US-1', count: 3, registered: 1, rows: '3、4' }, 'has 3 cards: 1 already registered, the others in this file (rows 3 and 4).'],
		['one more problem', 'too-many-problems', { count: 1, limit: 10 }, '1 more problem was found.'],
		['1,234 more problems', 'too-many-problems', { count: '1,234', limit: 10 }, '1,234 more problems were found.'],
		['an expiry month', 'card-expired', { value: '2601', year: 2026, month: 1 }, 'expiry "2601" (January 2026) has passed.']
	])('%s', (_name, code, params, expected) => {
		const english = problemText(record(code, params), 'en');
		expect(english).toContain(expected);
		expect(english).not.toMatch(/\{\w+(:[^{}]+)?\}/);
		expect(problemText(record(code, params), 'ja')).not.toMatch(/\{\w+(:[^{}]+)?\}/);
	});
});
