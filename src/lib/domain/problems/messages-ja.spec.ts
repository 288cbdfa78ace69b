import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notCountParams } from './count-text';
import { fieldLabel } from './field-labels';
import { customerIdFormatJa, formatProblemMessage, placeTextJa, problemTemplatesJa, spacesTextJa } from './messages-ja';
import { fileProblemCodes, rowProblemCodes, type ProblemCode, type ProblemParams } from './problem';
import { defaultCustomerIdPattern } from '../rules/patterns';

// The message as one regular-expression replace over the template makes it: what the messages
// said before each template was split once at its parameters.
function byReplace(code: ProblemCode, params: ProblemParams): string {
	return problemTemplatesJa[code].replace(/\{(\w+)\}/g, (whole, name: string) => {
		if (name === 'field') return fieldLabel(String(params.field));
		if (name === 'spaces') return spacesTextJa(String(params.spaces ?? ''));
		if (name === 'place') return placeTextJa[String(params.place)] ?? '';
		if (name === 'format' && name in params) return customerIdFormatJa(String(params.format));
		if (name === 'fields') return String(params.fields).split(',').map(fieldLabel).join('」と「');
		if (typeof params[name] === 'number' && !notCountParams.has(name)) return threeByThree(String(params[name]));
		return name in params ? String(params[name]) : whole;
	});
}

// A count's digits in groups of three from the right (count-text.ts groups them with one replace).
function threeByThree(text: string): string {
	if (!/^\d+$/.test(text)) return text;
	const groups: string[] = [];
	for (let end = text.length; end > 0; end -= 3) groups.unshift(text.slice(Math.max(0, end - 3), end));
	return groups.join(',');
}

const codes = [...fileProblemCodes, ...rowProblemCodes];
const names = ['row', 'column', 'value', 'fixed', 'field', 'fields', 'format', 'count', 'limit', 'year', 'month', 'rows', 'order', 'example', 'encoding', 'cells', 'columns', 'first', 'spaces', 'place'];
const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 100_000 }), fc.nat().map(String), fc.constantFrom('token', 'expiry,token', defaultCustomerIdPattern.source, '{value}', '$&', '$1', 'no-break', 'space,no-break,zero-width', 'tab,unknown', 'customers', 'yamato-return', 'customer-list'));

describe('formatProblemMessage', () => {
	it('fills every template as a replace of its {name} parameters does, with any parameters present or not', () => {
		fc.assert(
			fc.property(fc.constantFrom(...codes), fc.dictionary(fc.constantFrom(...names), value), (code, params) => {
				expect(formatProblemMessage(code, params)).toBe(byReplace(code, params));
			}),
			{ numRuns: 3000 }
		);
	});
});
