import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildLinkageCsv, convertYamatoReturn } from '$lib/domain';
import { Recognised, shownCustomerId } from '$lib/domain/problems/display-value';
import { today, utf8 } from './helpers';

// SPEC "Privacy promise": a customer ID matching a shop's own (permissive) pattern is not thereby
// safe to show. Only the default shape or a short, unmixed ID is quoted whole; any other is masked.
describe('shownCustomerId', () => {
	it.each<[string, string, string]>([
		['default shape', 'US-00010000', 'US-00010000'],
		['short digits', '1234567', '1234567'],
		['short letters', 'ABCDEFG', 'ABCDEFG'],
		['token-shaped, permissive pattern', 'Zq7Secret9Tok3nVal', '****…nVal'],
		['long digits', '123456789012', '****…9012'],
		['short letter–digit mix', 'A1b2', '****'],
		['US- and 9 digits', 'US-000100001', '****…0001']
	])('%s: %s → %s', (_, id, shown) => {
		const value = shownCustomerId(id);
		expect(value instanceof Recognised ? value.text : value).toBe(shown);
	});
});

const permissive = /^[A-Za-z0-9-]+$/;
const token = fc
	.array(fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'), { minLength: 6, maxLength: 14 })
	.chain((letters) =>
		fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 10 }).map((digits) => {
			const mixed: string[] = [];
			for (let i = 0; i < Math.max(letters.length, digits.length); i++) mixed.push(letters[i] ?? '', digits[i] ?? '');
			return mixed.join('');
		})
	);
const retH = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';

describe('a token-shaped customer ID under a permissive pattern is masked in every problem that quotes an ID', () => {
	it('unknown customer and several cards (return file), duplicate ID (customer list)', () => {
		fc.assert(
			fc.property(token, (id) => {
				const returned = `${retH}\r\n${id},111,VISA,2912,AbCdEf0123456789xyZ1\r\n${id},222,VISA,2912,QwErTy9876543210abC2\r\n`;
				const converted = convertYamatoReturn(utf8(returned, true), {
					today,
					customerIdPattern: permissive,
					customerIds: new Set(['US-00010000'])
				});
				const codes = converted.report.problems.map((p) => p.code);
				expect(codes).toContain('unknown-customer');
				expect(JSON.stringify(converted.report.problems)).not.toContain(id);
				const tallied = convertYamatoReturn(utf8(returned, true), { today, customerIdPattern: permissive });
				expect(tallied.report.problems.map((p) => p.code)).toContain('multiple-cards');
				expect(JSON.stringify(tallied.report.problems)).not.toContain(id);

				const list = `サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)\r\n${id},C1\r\n${id},C2\r\n`;
				const linked = buildLinkageCsv(utf8(list, true), { customerIdPattern: permissive });
				expect(linked.report.problems.map((p) => p.code)).toContain('duplicate-customer-id');
				expect(JSON.stringify(linked.report.problems)).not.toContain(id);
			}),
			{ numRuns: 60 }
		);
	});
});
