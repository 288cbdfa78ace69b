import { describe, expect, it } from 'vitest';
import {
	buildLinkageCsv,
	checkCardImportFile,
	convertYamatoReturn,
	fileKinds,
	parseOldCartCustomers,
	recogniseFileKind,
	wrongKindCode,
	type FileKind,
	type Problem
} from '$lib/domain';
import { problemText } from '$lib/i18n/problem-text';
import { fixture, sjis, today, utf8 } from './helpers';

/** One real file of each kind: what an operator may pick up by mistake. */
const files: Record<FileKind, Uint8Array> = {
	customers: fixture('oldcart-customers.utf8bom.csv'),
	cards: fixture('yamato-return.card-import.expected.sjis.csv'),
	'yamato-return': fixture('yamato-return.sjis.csv'),
	'customer-list': fixture('store-customer-list.sjis.csv')
};

/** Each reader, as its screen calls it, reduced to its problems and whether it refused the file. */
const readers: Record<FileKind, (input: Uint8Array) => { problems: Problem[]; isRefused: boolean }> = {
	customers: (input) => {
		const { report } = parseOldCartCustomers(input);
		return { problems: report.problems, isRefused: report.refused };
	},
	cards: (input) => {
		const { report } = checkCardImportFile(input, { today, settings: { service: 'YAMATO', availability: 'visible' } });
		return { problems: report.problems, isRefused: report.refused };
	},
	'yamato-return': (input) => {
		const { output, report } = convertYamatoReturn(input, { today });
		return { problems: report.problems, isRefused: output === null };
	},
	'customer-list': (input) => {
		const { output, report } = buildLinkageCsv(input);
		return { problems: report.problems, isRefused: output === null };
	}
};

const wrongPairs = fileKinds.flatMap((target) =>
	fileKinds.filter((kind) => kind !== target).map((kind) => ({ kind, target }))
);

describe('a file of another kind given to a reader (issue 13 point 3)', () => {
	it.each(wrongPairs)('$kind file read as $target: one file-level problem naming the kind', ({ kind, target }) => {
		const { problems, isRefused } = readers[target](files[kind]);
		expect(isRefused).toBe(true);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ row: 0, column: 0, severity: 'error', code: wrongKindCode[kind] });
	});

	it.each(fileKinds)('a %s file read by its own reader is not called another kind', (kind) => {
		const { problems } = readers[kind](files[kind]);
		expect(problems.map((problem) => problem.code)).not.toContain(expect.stringMatching(/^looks-like-/));
	});

	it.each(Object.values(wrongKindCode))('%s has a message in both languages that says what to check', (code) => {
		const problem = { row: 0, column: 0, severity: 'error', code, params: {} } as const;
		expect(problemText(problem, 'ja')).toMatch(/のようです。.+/);
		expect(problemText(problem, 'en')).toMatch(/^This file looks like .+\. .+/);
	});
});

describe('recogniseFileKind', () => {
	it.each<[string, string[], FileKind | null]>([
		['card import file', ['決済代行会社', '顧客ID', 'カード番号下3桁', 'カードブランド', 'カード名義人', 'SEND ID', '連番物理', '有効期限', 'クロネコwebコレクトカード認証キー'], 'cards'],
		['card import file, English names', ['service', 'customer id', 'last3', 'brand', 'card holder', 'sendid', 'serial', 'expiry', 'token'], 'cards'],
		['Yamato return file', ['サブスクストアの顧客ID', 'カード番号下3桁', 'カードブランド', '有効期限', 'クロネコwebコレクトカード認証キー'], 'yamato-return'],
		['return file in another order, with a memo', ['認証キー', 'ブランド', 'customer id', 'メモ'], 'yamato-return'],
		['return file with a holder name', ['顧客ID', 'カード名義人', '下3桁', 'brand', 'exp', 'token'], 'yamato-return'],
		['full-width and spaced names', ['ｻﾌﾞｽｸｽﾄｱの顧客ID', 'カード番号 下３桁', 'ＣＡＲＤ　ＢＲＡＮＤ'], 'yamato-return'],
		['store customer list', ['サブスクストアの顧客ID', '旧カートの顧客番号(連携用ID)', '氏名', 'メールアドレス', '登録日時'], 'customer-list'],
		['linkage CSV', ['旧カートの顧客番号(連携用ID)', 'サブスクストアの顧客ID'], 'customer-list'],
		['store customer list, English names', ['customer id', 'linkage id', 'name'], 'customer-list'],
		['old cart customers named by a customer id alone (the old cart\'s own number)', ['customer id', 'name', 'email'], null],
		['old cart customers', ['旧カートの顧客番号', '氏名', '氏名(カナ)', 'メールアドレス', '電話番号'], 'customers'],
		['old cart customers, number only', ['旧カートの顧客番号'], 'customers'],
		['old cart customers, with order number and JAN', ['旧カートの顧客番号', '氏名', '最終注文番号', 'JAN'], 'customers'],
		['a card row (no header)', ['YAMATO', 'US-00010000', '111', 'VISA', '', '', '0', '2912', 'AbCdEf0123456789'], null],
		['a return row (no header)', ['US-00010000', '111', 'VISA', '2912', 'AbCdEf0123456789'], null],
		['one card column alone', ['有効期限', 'メモ'], null],
		['an unknown file', ['商品コード', '商品名', '価格'], null],
		['nothing', [], null]
	])('%s', (_name, cells, kind) => {
		expect(recogniseFileKind(cells)).toBe(kind);
	});

	it('a return file without header is still read by step d', () => {
		const { output, report } = convertYamatoReturn(sjis('US-00010000,111,VISA,2912,AbCdEf0123456789\r\n'), { today });
		expect(output).not.toBeNull();
		expect(report.written).toBe(1);
	});

	it('a wrong-kind file is still guarded for card numbers on every row', () => {
		const input = utf8('決済代行会社,顧客ID,カード番号下3桁,カードブランド,カード名義人,SEND ID,連番物理,有効期限,認証キー\r\nYAMATO,US-00010000,111,VISA,,,0,2912,4111111111111111\r\n');
		const { problems } = readers.customers(input);
		expect(problems.map((problem) => problem.code)).toContain('card-number-found');
	});
});
