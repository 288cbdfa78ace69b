import { describe, expect, it } from 'vitest';
import { fieldLabels } from '$lib/domain/problems/field-labels';
import { problemTemplatesJa } from '$lib/domain/problems/messages-ja';
import { rowProblemCodes, type ProblemCode } from '$lib/domain/problems/problem';
import { fieldNames, problemTemplatesEn } from './problems.en';

// STYLE "UI words": an error says what happened, where (行・列) and what to do next; the English
// catalogue mirrors it. Operator trial: 「card-expired」 and the 連携用ID error said what was wrong but
// not what to do. Held for every row problem in both languages, so a new template cannot drop a part.

// Repairs the app made itself: the message says what it did, and nothing is left for the operator.
const repairs = new Set<ProblemCode>(['trimmed-spaces', 'brand-normalized', 'tail-padded', 'expiry-yyyymm', 'expiry-padded']);

// The where: the row, and the column by number or by the name of its value (or, for a row of the
// wrong shape, its count of columns: no one column is at fault).
const namesColumn = (template: string, names: readonly string[]) =>
	['{column}', '{field}', '{columns}'].some((part) => template.includes(part)) || names.some((name) => template.includes(name));

// A next step in Japanese is a request (「…してください」); a repair tells what it did (「…ました」).
const jaNextStep = /ください。/;
const jaRepairDone = /(直し|取り除き|にし)ました。$/;
// A next step in English is a sentence (or the clause after "If …,") in the imperative.
const enNextStep =
	/(?:^|[.:]\s+|,\s+|\bthen\s+)(?:enter|check|tell|leave|use|read|save|export|write|choose|delete|rename|untick|give|remove|change|ask|compare|correct|load|convert|quote)\b/i;
const enRepairDone = /\b(?:was|were) (?:changed|padded|removed)\b/;

const jaNames = Object.values(fieldLabels);
const enNames = [...Object.values(fieldNames), 'last 3 digits'];

describe('every row problem says where it is and what to do next (ja and en)', () => {
	it.each(rowProblemCodes.map((code) => [code]))('%s', (code) => {
		const ja = problemTemplatesJa[code];
		const en = problemTemplatesEn[code];
		expect(ja).toContain('{row}');
		expect(en).toContain('{row}');
		expect(namesColumn(ja, jaNames), ja).toBe(true);
		expect(namesColumn(en, enNames), en).toBe(true);
		if (repairs.has(code)) {
			expect(ja, ja).toMatch(jaRepairDone);
			expect(en, en).toMatch(enRepairDone);
		} else {
			expect(ja, ja).toMatch(jaNextStep);
			expect(en, en).toMatch(enNextStep);
		}
	});

	it.each<[string, string]>([
		['a statement of the rule alone', 'Row {row}: linkage ID "{value}" cannot be used. It starts with a letter or digit.'],
		['a fact alone', 'Row {row}: expiry "{value}" has passed.']
	])('an English message without a next step is caught: %s', (_name, template) => {
		expect(template).not.toMatch(enNextStep);
	});

	it.each<[string, string]>([
		['a fact alone', '{row}行目の有効期限「{value}」は期限が切れています。'],
		['a statement of what is not done', '{row}行目の連携用ID「{value}」は、この行は使いません。']
	])('a Japanese message without a next step is caught: %s', (_name, template) => {
		expect(template).not.toMatch(jaNextStep);
	});
});
