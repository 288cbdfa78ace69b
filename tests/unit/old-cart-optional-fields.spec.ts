import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseOldCartCustomers } from '$lib/domain';
import { optionalFieldFault } from '$lib/domain/import/old-cart-customers';
import { oldCartCustomerColumns } from '$lib/domain/headers/columns';
import { emailPattern, isEmailLike, isPhoneLike, isPostalCodeLike, isTokenShaped, phonePattern } from '$lib/domain/rules/contact-values';
import { leaks, runAll } from './job-leaks';
import { utf8 } from './helpers';

// SPEC "Privacy promise": a token in the wrong column is still a token. The optional fields of
// 一括登録 › 顧客情報 are checked for their shape, so a token in a shifted or header-less row is an
// error of its cell and the row is not registered (nor shown in the customer list download).

describe('shapes of the optional values', () => {
	it.each<[string, (v: string) => boolean, string, boolean]>([
		['phone', isPhoneLike, '03-1234-5678', true],
		['phone', isPhoneLike, '０３－１２３４－５６７８', true],
		['phone', isPhoneLike, '(03) 1234 5678', true],
		['phone', isPhoneLike, '+81-3-1234-5678', true],
		['phone', isPhoneLike, '090ー1234ー5678', true],
		['phone', isPhoneLike, 'Zq7Secret9Tok3nVal', false],
		['phone', isPhoneLike, '03-1234-567x', false],
		['phone', isPhoneLike, '---', false],
		['postal', isPostalCodeLike, '100-0001', true],
		['postal', isPostalCodeLike, '〒１００－０００１', true],
		['postal', isPostalCodeLike, '1000001', true],
		['postal', isPostalCodeLike, 'AbCd1234EfGh', false],
		['postal', isPostalCodeLike, '東京都', false],
		['e-mail', isEmailLike, 'taro@example.jp', true],
		['e-mail', isEmailLike, 'taro＠example.jp', true],
		['e-mail', isEmailLike, 'Zq7Secret9Tok3nVal', false],
		['e-mail', isEmailLike, 'taro@example', false],
		['e-mail', isEmailLike, 'ta ro@example.jp', false],
		['token', isTokenShaped, 'Zq7Secret9Tok3nVal', true],
		['token', isTokenShaped, 'Ｚｑ７Ｓｅｃｒｅｔ９Ｔｏｋ３ｎ', true],
		['token', isTokenShaped, 'AbCdEf0123456789xyZ1', true],
		['token', isTokenShaped, '東京都港区1-2-3ABCビル12F', false],
		['token', isTokenShaped, 'Minato 1-2-3 Tokyo', false],
		['token', isTokenShaped, 'YamadaTaro', false],
		['token', isTokenShaped, 'Taro2', false]
	])('%s: %s → %s', (_, check, value, ok) => {
		expect(check(value)).toBe(ok);
	});
});

// The phone and e-mail checks walk the value instead of testing the patterns that define them:
// the same answer for any value, made of the characters the patterns name and any other.
describe('the walked checks answer as the patterns', () => {
	const marks = [...'0123456789０１２３４５６７８９+＋(（)）-‐‑‒–—−－ーｰ@＠.．,"aZあ漢\t \u00a0\u200b\u3000\ufeff\ud83d'];
	const value = fc.oneof(
		fc.string({ unit: fc.constantFrom(...marks), maxLength: 12 }),
		fc.string({ unit: 'binary', maxLength: 12 }),
		fc.tuple(fc.string({ maxLength: 5 }), fc.constantFrom('@', '＠'), fc.string({ maxLength: 5 }), fc.constantFrom('.', '．'), fc.string({ maxLength: 4 })).map((parts) => parts.join(''))
	);
	it.each<[string, (v: string) => boolean, RegExp]>([
		['phone', isPhoneLike, phonePattern],
		['e-mail', isEmailLike, emailPattern]
	])('%s', (_, check, pattern) => {
		fc.assert(
			fc.property(value, (v) => {
				expect(check(v)).toBe(pattern.test(v));
			}),
			{ numRuns: 3000 }
		);
	});
	it.each(['a@b.c', '@b.c', 'a@.c', 'a@b.', 'a@b..c', 'a.b@c', 'a@@b.c', 'a@b.c.', 'a@b．ｃ', '+81 3', '3+', '+', '(03)', '03-+1', '０３ー１２', '1\u200b2'])('%j', (v) => {
		expect(isEmailLike(v)).toBe(emailPattern.test(v));
		expect(isPhoneLike(v)).toBe(phonePattern.test(v));
	});
});

const header = '旧カートの顧客番号,氏名,氏名(カナ),メールアドレス,電話番号,郵便番号,住所';
const good = ['Z1', '山田 太郎', 'ヤマダ タロウ', 'taro@example.jp', '03-1234-5678', '100-0001', '東京都千代田区1-1'];
const codeOf: Record<number, string> = { 1: 'looks-like-token', 2: 'looks-like-token', 3: 'bad-email', 4: 'bad-phone', 5: 'bad-postal-code', 6: 'looks-like-token' };

describe('a bad optional value is an error of its cell; the row is not registered', () => {
	it.each(Object.entries(codeOf))('column %s → %s', (index, code) => {
		const row = [...good];
		row[Number(index)] = 'Zq7Secret9Tok3nVal';
		const { customers, report } = parseOldCartCustomers(utf8(`${header}\r\n${good.join(',')}\r\n${row.join(',').replace('Z1,', 'Z2,')}\r\n`));
		expect(customers.map((c) => c.linkageId)).toEqual(['Z1']);
		expect(report.problems.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
			{ row: 3, column: Number(index) + 1, code }
		]);
		expect(JSON.stringify(report)).not.toContain('Zq7Secret9Tok3nVal');
	});

	it('a row bad in every optional column has its problems in column order, and a good row every field', () => {
		const bad = ['Z2', ...good.slice(1).map(() => 'Zq7Secret9Tok3nVal')];
		const { customers, report } = parseOldCartCustomers(utf8(`${header}\r\n${good.join(',')}\r\n${bad.join(',')}\r\n`));
		expect(report.problems.map(({ column, code }) => [column, code])).toEqual(Object.entries(codeOf).map(([index, code]) => [Number(index) + 1, code]));
		const keys = oldCartCustomerColumns.map((column) => column.key);
		expect(customers).toEqual([{ row: 2, ...Object.fromEntries(keys.map((key, i) => [key, good[i]])) }]);
	});

	it('the fixtures of good customers stay clean', () => {
		for (const key of ['name', 'kana', 'email', 'phone', 'zip', 'address'] as const) {
			expect(optionalFieldFault(key, '')).toBeNull();
		}
		const { customers, report } = parseOldCartCustomers(utf8(`${header}\r\n${good.join(',')}\r\n`));
		expect(report.problems).toEqual([]);
		expect(customers).toHaveLength(1);
	});
});

const token = fc
	.tuple(
		fc.array(fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'), { minLength: 6, maxLength: 16 }),
		fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 12 }),
		fc.boolean()
	)
	.map(([letters, digits, wide]) => {
		const mixed: string[] = [];
		for (let i = 0; i < Math.max(letters.length, digits.length); i++) mixed.push(letters[i] ?? '', digits[i] ?? '');
		const value = mixed.join('');
		return wide ? value.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : value;
	});

describe('property: a token-shaped value in any optional column is not registered and not in the customer list', () => {
	it('through the customer registration job and the customer-list download', async () => {
		await fc.assert(
			fc.asyncProperty(token, fc.integer({ min: 1, max: 6 }), fc.boolean(), async (tok, column, shifted) => {
				const row = [...good];
				row[0] = 'Z2';
				row[column] = tok;
				if (shifted) row.splice(column - 1, 1);
				const texts = await runAll('oldcart', `${header}\r\n${good.join(',')}\r\n${row.join(',')}\r\n`);
				expect(leaks(texts, [tok])).toEqual([]);
			}),
			{ numRuns: 40 }
		);
	});
});
