import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemText } from '$lib/i18n/problem-text';
import { problemTemplatesEn } from '$lib/i18n/problems.en';
import { groupedCount, isCountParam, numberText } from './count-text';
import { formatProblemMessage, problemTemplatesJa } from './messages-ja';
import { fileProblemCodes, rowProblemCodes, type ProblemCode, type ProblemParams } from './problem';
import { ProblemList } from './problem-list';
import { toProblemRecord } from '../records/problem-record';

// The app printed counts two ways: problem texts by a regular expression over whole-number text,
// catalogue messages and screens by Intl.NumberFormat (ja-JP, en-US). A property over numbers
// found where they disagreed (negative, fractional and ≥ 1e21 numbers); the one rule keeps what
// both printed for every count the app has, and decides the rest in the table below.
describe('groupedCount: the one way a count is written, in both languages', () => {
	const formats = [new Intl.NumberFormat('ja-JP'), new Intl.NumberFormat('en-US')];

	it('writes every whole number as Intl.NumberFormat writes it in ja-JP and en-US', () => {
		fc.assert(
			fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1_000_000, max: 1_000_000 })), (value) => {
				for (const format of formats) expect(groupedCount(value)).toBe(format.format(value));
			}),
			{ numRuns: 5000 }
		);
	});

	it('never changes a number: without its commas it is the number as JavaScript writes it, grouped by three', () => {
		fc.assert(
			fc.property(fc.double(), (value) => {
				const text = groupedCount(value);
				expect(text.replaceAll(',', '')).toBe(String(value));
				if (/^-?\d+(\.\d+)?$/.test(String(value))) expect(text).toMatch(/^-?\d{1,3}(,\d{3})*(\.\d+)?$/);
				else expect(text).toBe(String(value));
			}),
			{ numRuns: 5000 }
		);
	});

	// Where the two ways disagreed: Intl rounded a fraction to 3 digits and wrote ∞ and "-0"; the
	// regular expression did not group a negative number. No count is any of these; a number shown
	// is never changed, and digits are grouped wherever they are plain.
	it.each<[number, string]>([
		[0, '0'],
		[999, '999'],
		[1000, '1,000'],
		[100001, '100,001'],
		[1234567890, '1,234,567,890'],
		[-1234, '-1,234'],
		[1234.5, '1,234.5'],
		[0.12345, '0.12345'],
		[-0, '0'],
		[1e21, '1e+21'],
		[Number.NaN, 'NaN'],
		[Number.POSITIVE_INFINITY, 'Infinity']
	])('%s → %s', (value, expected) => expect(groupedCount(value)).toBe(expected));
});

// Which params are counts: one rule (`isCountParam`) for problem texts (the core's Japanese and
// problemText's both languages) and catalogue messages. A problem's numbers were grouped only for
// the cap's note; the counts of columns, characters, cards and BOMs were not ("1000列", "1048576文字").
describe('isCountParam: a number is a count unless it names a position, a calendar part or a code', () => {
	const codes = [...fileProblemCodes, ...rowProblemCodes];
	// (`rows`, a row list, is text: problem-text.spec holds that, and a number stored for one row.)
	const names = ['row', 'column', 'first', 'count', 'limit', 'cells', 'columns', 'registered', 'value', 'fixed', 'example', 'encoding'];
	// Each param a different number of 5 digits or more (as a number or as text), the row and column 12345 and 6789.
	const numbers = fc.uniqueArray(fc.integer({ min: 100_000, max: 10_000_000 }), { minLength: names.length, maxLength: names.length });
	const params = fc
		.tuple(fc.subarray(names, { minLength: 1 }), numbers, fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }), fc.option(fc.record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }) })))
		.map(([chosen, values, asText, date]) => ({ ...Object.fromEntries(chosen.map((name, i) => [name, asText[i] ? String(values[i]) : values[i]])), ...date }));

	it('every text of every problem groups exactly its numeric params but positions and calendar parts', () => {
		fc.assert(
			fc.property(fc.constantFrom(...codes), params, (code, given) => {
				// Every other param of the template as text, so that no text falls back to its plain form.
				const others = Object.fromEntries([...problemTemplatesJa[code].matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, 'x']));
				const all = { ...others, year: 2025, month: 12, ...given };
				const record = { row: 12345, column: 6789, severity: 'error' as const, code, params: all };
				const texts = [formatProblemMessage(code, { row: 12345, column: 6789, ...all }), problemText(record, 'ja'), problemText(record, 'en')];
				for (const [name, value] of Object.entries(given)) {
					if (!problemTemplatesJa[code].includes(`{${name}}`)) continue;
					const plain = String(value);
					const shown = isCountParam(name, value) ? groupedCount(value) : plain;
					expect(isCountParam(name, value)).toBe(typeof value === 'number' && !['row', 'column', 'first', 'year', 'month'].includes(name));
					const showing = problemTemplatesEn[code].includes(`{${name}}`) ? texts : texts.slice(0, 2);
					for (const text of showing) expect(text).toContain(shown);
					if (shown !== plain) for (const text of showing) expect(text).not.toMatch(new RegExp(`(?<![\\d,])${plain}(?![\\d,])`));
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it.each<[string, ProblemCode, ProblemParams, string, string]>([
		['too many columns', 'too-many-columns', { count: 1_000_000, limit: 1000 }, '12345行目の列が多すぎます（1,000,000列。読み込めるのは1,000列までです）', '(1,000,000; at most 1,000 can be read)'],
		['a line too long', 'line-too-long', { limit: 1 << 20 }, '（1,048,576文字を超えています）', '(over 1,048,576 characters)'],
		['cells missing', 'missing-cells', { cells: 1000, columns: 1001 }, '1,001列のうち1,000列しかありません', '1,000 of 1,001'],
		['a duplicate header keeps its column number', 'duplicate-header', { column: 1234, value: 'x', first: 1001 }, '見出し行の1234列目「x」は1001列目と同じ', 'column 1001'],
		['an expired card keeps its year', 'card-expired', { value: '2512', year: 2025, month: 12 }, '（2025年12月）', 'December 2025']
	])('%s', (_, code, params, ja, en) => {
		const record = { row: 12345, column: 1234, severity: 'error' as const, code, params };
		expect(formatProblemMessage(code, { row: 12345, column: 1234, ...params })).toContain(ja);
		expect(problemText(record, 'ja')).toContain(ja);
		expect(problemText(record, 'en')).toContain(en);
	});
});

// The cap's note says how many were left out and how many are listed: counts, so grouped, in both languages.
describe('the cap note with thousands separators', () => {
	const list = new ProblemList(100_000);
	for (let row = 2; row < 200_003; row++) list.add('tail-padded', row, 2, { value: '11', fixed: '011' });
	const [note] = list.sorted();

	it.each([
		['ja core', () => note.message, 'ほかに100,001件の問題があります。一覧にあるのは最初の100,000件です。'],
		['ja', () => problemText(toProblemRecord(note), 'ja'), 'ほかに100,001件の問題があります。一覧にあるのは最初の100,000件です。'],
		['en', () => problemText(toProblemRecord(note), 'en'), '100,001 more problems were found. The list shows the first 100,000.']
	])('%s', (_, text, expected) => expect(text()).toBe(expected));

	it('groups only the counts: row and column numbers of other messages stay as they are', () => {
		expect(formatProblemMessage('tail-padded', { row: 12345, column: 2, field: 'last3', value: '11', fixed: '011' })).toContain('12345');
		expect(note.params).toMatchObject({ count: 100_001, limit: 100_000 });
	});
});

// A row number was written two ways: 一括登録's failed-row and warning tables showed 行 「3,002」
// while the message beside it said 「3002行目」 / "Row 3002" and steps c/d showed 3002. One rule
// (`numberText`, on screens `locale.position`) for a position in a message and in a table cell.
describe('numberText: a row or column number is a position, never grouped, in a cell as in its message', () => {
	it('writes a position as the problem text does, and a count grouped', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 }), (row, column) => {
				const record = { row, column, severity: 'error' as const, code: 'card-number-found' as const, params: {} };
				expect(numberText('row', row)).toBe(String(row));
				expect(numberText('column', column)).toBe(String(column));
				expect(formatProblemMessage('card-number-found', { row, column })).toContain(`${numberText('row', row)}行目${numberText('column', column)}列目`);
				expect(problemText(record, 'en')).toContain(`Row ${numberText('row', row)}, column ${numberText('column', column)}`);
				expect(numberText('count', row)).toBe(groupedCount(row));
			})
		);
		expect(numberText('row', 3002)).toBe('3002');
		expect(numberText('rows', 3002)).toBe('3,002');
	});

	const svelteFiles = (dir: string): string[] =>
		readdirSync(dir).flatMap((name) => {
			const path = join(dir, name);
			return statSync(path).isDirectory() ? svelteFiles(path) : path.endsWith('.svelte') ? [path] : [];
		});

	it('every table cell showing a row or column number writes it by locale.position', () => {
		const offending: string[] = [];
		let cells = 0;
		for (const file of [...svelteFiles('src/lib/components'), ...svelteFiles('src/routes')]) {
			const text = readFileSync(file, 'utf8');
			for (const [, body] of text.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)) {
				// Shown text only: not an attribute's value (`value={choice.column}`) nor a block's key.
				for (const [expression] of body.matchAll(/(?<!=)\{(?![#:/])[^{}]*\b\w+\.(?:row|column)\b[^{}]*\}/g)) {
					cells++;
					if (!/locale\.position\('(?:row|column)', \w+\.(?:row|column)\)/.test(expression)) offending.push(`${file}: ${expression}`);
				}
			}
			for (const [call] of text.matchAll(/locale\.number\([^()]*\b(?:row|column)\)/g)) offending.push(`${file}: ${call}`);
		}
		// The failed-row and warning tables (history, 一括登録) and the problems of steps c/d at least.
		expect(cells).toBeGreaterThanOrEqual(4);
		expect(offending).toEqual([]);
	});
});
