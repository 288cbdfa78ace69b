import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	buildLinkageCsv,
	checkCardImportFile,
	convertYamatoReturn,
	customerIdListCsv,
	expiredCardsCsv,
	fileKinds,
	multiCardListCsv,
	parseOldCartCustomers,
	problemsCsv,
	recogniseFileKind,
	recogniseRowKind,
	otherKindAt,
	uploadPlaces,
	wrongKindCode,
	type FileKind,
	type Problem,
	type UploadPlace
} from '$lib/domain';
import { createDemoStore } from '$lib/domain/demo/demo-store';
import { cardImportColumns, customerListColumns, oldCartCustomerColumns, yamatoReturnColumns } from '$lib/domain/headers/columns';
import type { ColumnSpec } from '$lib/domain/headers/match-header';
import { maxColumns } from '$lib/domain/csv/limits';
import { problemText } from '$lib/i18n/problem-text';
import { problemListWordsEn } from '$lib/i18n/problems.en';
import { fixture, sjis, today, utf8 } from './helpers';

/** One real file of each kind: what an operator may pick up by mistake. */
const files: Record<FileKind, Uint8Array> = {
	customers: fixture('oldcart-customers.utf8bom.csv'),
	cards: fixture('yamato-return.card-import.expected.sjis.csv'),
	'yamato-return': fixture('yamato-return.sjis.csv'),
	'customer-list': fixture('store-customer-list.sjis.csv'),
	linkage: fixture('store-customer-list.linkage.expected.sjis.csv'),
	'people-list': problemsCsv(convertYamatoReturn(fixture('yamato-return.sjis.csv'), { today }).report.problems)
};

interface Read {
	problems: Problem[];
	isRefused: boolean;
	/** Whether the report says the file's first record is a header (step d's 「見出し行」). */
	hasHeader: boolean;
	/** Step d's header cells as shown in its column table (the other places show none). */
	headerCells?: string[];
}

/** Each upload place's reader, as its screen calls it, reduced to what the screen shows of a refusal. */
const readers: Record<UploadPlace, (input: Uint8Array) => Read> = {
	customers: (input) => {
		const { report } = parseOldCartCustomers(input);
		return { problems: report.problems, isRefused: report.refused, hasHeader: report.hasHeader };
	},
	cards: (input) => {
		const { report } = checkCardImportFile(input, { today, settings: { service: 'YAMATO', availability: 'visible' } });
		return { problems: report.problems, isRefused: report.refused, hasHeader: report.hasHeader };
	},
	'yamato-return': (input) => {
		const { output, report } = convertYamatoReturn(input, { today });
		return { problems: report.problems, isRefused: output === null, hasHeader: report.hasHeader, headerCells: report.headerCells };
	},
	'customer-list': (input) => {
		const { output, report } = buildLinkageCsv(input);
		return { problems: report.problems, isRefused: output === null, hasHeader: report.hasHeader };
	}
};

/**
 * The codes of `problems` that `pattern` matches. (`not.toContain(expect.stringMatching(…))` cannot
 * fail: on an array, toContain compares by identity and never calls an asymmetric matcher.)
 */
function codesMatching(problems: readonly Problem[], pattern: RegExp): string[] {
	return problems.map((problem) => problem.code).filter((code) => pattern.test(code));
}

/** How each kind is named (the message's first sentence), in both languages. */
const kindNames: Record<FileKind, { ja: string; en: string }> = {
	customers: { ja: 'このファイルは顧客情報（旧カートの顧客）のファイルのようです。', en: 'This file looks like a customer file (the old cart’s customers).' },
	cards: { ja: 'このファイルはクレジットカード情報のファイル（インポート用CSV）のようです。', en: 'This file looks like a credit card file (the import CSV).' },
	'yamato-return': { ja: 'このファイルはヤマト運輸からの返却ファイルのようです。', en: 'This file looks like Yamato’s return file.' },
	'customer-list': { ja: 'このファイルはサブスクストアの顧客一覧のようです。', en: 'This file looks like the store’s customer list.' },
	linkage: { ja: 'で作る連携用CSV（ヤマト運輸に送るファイル）のようです。', en: 'linkage CSV made in' },
	'people-list': { ja: 'このファイルは、このアプリが書き出した確認用の一覧', en: 'This file looks like one of the lists this app writes for people to read' }
};

/** What each place asks for, in its own screen's words (its step, or its kind of registration). */
const placeWords: Record<UploadPlace, { ja: string; en: string }> = {
	customers: { ja: '登録の種類「顧客情報」で取り込むのは、旧カートから書き出した顧客のファイルです。', en: 'The kind of registration “Customer information” takes the customers exported from the old cart.' },
	cards: { ja: '登録の種類「クレジットカード情報」で取り込むのは、【カード情報移行】の d. で作ったインポート用CSV（9列）です。', en: 'The kind of registration “Credit card information” takes the 9-column import CSV' },
	'yamato-return': { ja: 'この d. では、ヤマト運輸から返却されたファイルを指定してください。', en: 'Here in step d, choose the file Yamato returned.' },
	'customer-list': { ja: 'この a・b. では、サブスクストアの顧客一覧（「データダウンロード」で出力したファイル）を指定してください。', en: 'Here in steps a-b, choose the store’s customer list' }
};

/** Words of one place that another place's message must not borrow (operator trial: step d said 「登録の種類を確認してください」). */
const foreignWords: Record<UploadPlace, RegExp> = {
	customers: /この d\. では|この a・b\. では|Here in step/,
	cards: /この d\. では|この a・b\. では|Here in step/,
	'yamato-return': /登録の種類を確認|この a・b\. では|Check the kind of registration|steps a-b, choose/,
	'customer-list': /登録の種類を確認|この d\. では|Check the kind of registration|step d, choose/
};

const kindsAtPlaces = uploadPlaces.flatMap((place) => fileKinds.filter((kind) => kind !== place).map((kind) => ({ kind, place })));

describe('every kind of file dropped on every upload place (issue 13 point 3; operator trial)', () => {
	it.each(kindsAtPlaces)('a $kind file at $place: named rightly, told what this place reads, in both languages', ({ kind, place }) => {
		const read = readers[place](files[kind]);
		const other = otherKindAt(place, kind)!;
		const problem = read.problems.find((p) => p.code === other.code)!;
		expect(problem).toMatchObject({ row: 0, column: 0, severity: other.refuses ? 'error' : 'warning', params: { place } });
		expect(read.isRefused).toBe(other.refuses);
		// A refusal of another kind is the one problem; its first record is that kind's header.
		if (other.refuses) expect(read.problems).toEqual([problem]);
		if (other.refuses) expect(read.hasHeader).toBe(true);
		for (const language of ['ja', 'en'] as const) {
			const text = problemText(problem, language);
			expect(text).toContain(kindNames[kind][language]);
			expect(text).toContain(placeWords[place][language]);
			expect(text).not.toMatch(foreignWords[place]);
		}
	});

	it.each(uploadPlaces)('a %s file read at its own place is not called another kind', (place) => {
		const { problems } = readers[place](files[place]);
		expect(codesMatching(problems, /^looks-like-|^linkage-csv/)).toEqual([]);
	});

	// The demo's three files (「デモデータを作成」), each dropped on every place that is not its own.
	const demo = createDemoStore({ today });
	const demoFiles: [FileKind, Uint8Array][] = [
		['customers', demo.oldCart.bytes],
		['customer-list', demo.customerList.bytes],
		['yamato-return', demo.yamatoReturn.bytes]
	];
	it.each(uploadPlaces.flatMap((place) => demoFiles.filter(([kind]) => kind !== place).map(([kind, bytes]) => ({ kind, place, bytes }))))(
		'the demo\'s $kind file at $place: one problem naming it, in this place\'s words',
		({ kind, place, bytes }) => {
			const read = readers[place](bytes);
			expect(read.isRefused).toBe(true);
			expect(read.problems).toEqual([expect.objectContaining({ row: 0, code: wrongKindCode[kind], params: { place } })]);
			expect(problemText(read.problems[0], 'ja')).toContain(placeWords[place].ja);
		}
	);

	// Every list the app writes for people (its downloads beside the results), in either encoding.
	const returned = convertYamatoReturn(fixture('yamato-return.sjis.csv'), { today }).report;
	const expired = [{ row: 3, customerId: 'US-00010001', expiry: '2401' }];
	const peopleLists: [string, Uint8Array][] = [
		['problems (ja)', problemsCsv(returned.problems, { encoding: 'utf-8-bom' })],
		['problems (en)', problemsCsv(returned.problems, { words: problemListWordsEn })],
		['several cards', multiCardListCsv([{ customerId: 'US-00010000', rows: [2, 5] }])],
		['expired cards', expiredCardsCsv(expired, { encoding: 'utf-8-bom' })],
		['customer IDs', customerIdListCsv(['US-00010000', 'US-00010001'])]
	];
	it.each(uploadPlaces.flatMap((place) => peopleLists.map(([list, bytes]) => ({ list, place, bytes }))))(
		'the $list list at $place: named a list for people, not dozens of row errors',
		({ place, bytes }) => {
			const read = readers[place](bytes);
			expect(read.isRefused).toBe(true);
			expect(read.problems).toEqual([expect.objectContaining({ row: 0, code: 'looks-like-people-list', params: { place } })]);
		}
	);

	// Files without a header: named by the shape of their first row, which is counted as data.
	const withoutHeader = (bytes: Uint8Array) => bytes.subarray(bytes.indexOf(10) + 1);
	const headerless: [FileKind, string, Uint8Array][] = [
		['yamato-return', 'return-noheader-forced-header.csv', fixture('real-world/return-noheader-forced-header.csv')],
		['yamato-return', 'yamato-return.sjis.csv without its header', withoutHeader(files['yamato-return'])],
		['cards', 'the card import file without its header', withoutHeader(files.cards)]
	];
	it.each(uploadPlaces.flatMap((place) => headerless.filter(([kind]) => kind !== place).map(([kind, name, bytes]) => ({ kind, name, place, bytes }))))(
		'$name at $place: named by its rows, in this place\'s words, every row counted',
		({ kind, place, bytes }) => {
			const read = readers[place](bytes);
			expect(read).toMatchObject({ isRefused: true, hasHeader: false });
			expect(read.problems).toEqual([expect.objectContaining({ row: 0, code: wrongKindCode[kind], params: { place } })]);
			expect(problemText(read.problems[0], 'en')).toContain(placeWords[place].en);
		}
	);

	// Rows of the refused file with defects of their own (operator trial: step d refusing
	// oldcart-mixed-encoding.csv also listed its Shift_JIS rows as undecodable): the refusal stays
	// the one problem. Only a full card number is still found (the guard holds at every place,
	// whatever the file), and then, as everywhere, it is the one problem told (SPEC "Refused outright").
	const wide = Array.from({ length: maxColumns + 5 }, (_, at) => `v${at}`).join(',');
	const defects: [string, number[], boolean][] = [
		['bytes that do not decode', [0x43, 0x39, 0x2c, 0xff, 0xfe, 0x80, 0x2c, 0x78], false],
		['a stray quote in a cell', [...new TextEncoder().encode('C9,ab"c,x')], false],
		['an unclosed quote before a line', [...new TextEncoder().encode('C9,"ab\rc,x')], false],
		[`a row of ${maxColumns + 5} cells`, [...new TextEncoder().encode(wide)], false],
		['a full card number', [...new TextEncoder().encode('C9,4111 1111 1111 1111,x')], true]
	];
	// Named by its header, or (without one) by the shape of its first row.
	const refusedFiles = [
		...kindsAtPlaces.filter(({ kind, place }) => otherKindAt(place, kind)!.refuses).map(({ kind, place }) => ({ kind, place, name: `a ${kind} file`, bytes: files[kind] })),
		...uploadPlaces.flatMap((place) => headerless.filter(([kind]) => kind !== place).map(([kind, name, bytes]) => ({ kind, place, name, bytes })))
	];
	it.each(refusedFiles.flatMap((file) => defects.map(([defect, line, isCardNumber]) => ({ ...file, defect, line, isCardNumber }))))(
		'$name at $place with $defect: still the one refusal',
		({ kind, place, bytes, line, isCardNumber }) => {
			const crlf = [0x0d, 0x0a];
			const withDefect = Uint8Array.from([...bytes, ...(bytes.at(-1) === 0x0a ? [] : crlf), ...line, ...crlf, 0x7a, 0x2c, 0x31, ...crlf]);
			const read = readers[place](withDefect);
			const codes = read.problems.map((problem) => problem.code);
			expect(read.isRefused).toBe(true);
			expect(codes).toEqual(isCardNumber ? ['card-number-found'] : [wrongKindCode[kind]]);
		}
	);

	it.each(headerless)('%s file without a header (%s) is still read at its own place', (kind, _name, bytes) => {
		const read = readers[kind as UploadPlace](bytes);
		expect(codesMatching(read.problems, /^looks-like-/)).toEqual([]);
	});

	it('a linkage CSV in steps a・b is read as the list of the customers it links, with the warning', () => {
		const { output, report } = buildLinkageCsv(files.linkage);
		expect(report.problems.map((p) => p.code)).toEqual(['linkage-csv-as-list']);
		expect(output).toEqual(files.linkage);
	});

	it.each(Object.values(wrongKindCode))('%s stored without its place (an older entry) still reads in both languages', (code) => {
		const problem = { row: 0, column: 0, severity: 'error', code, params: {} } as const;
		expect(problemText(problem, 'ja')).toMatch(/のようです。[^{}]+$/);
		expect(problemText(problem, 'en')).toMatch(/^This file looks like [^{}]+\. [^{}]+$/);
	});

	// SPEC "Decoding" and the fixture's README: UTF-8 for 72 KB, then Shift_JIS rows. Dropped on step
	// d, its first record is the customer file's header (「見出し行: あり」, names shown whole), and the
	// refusal is in step d's words.
	it('oldcart-mixed-encoding.csv at step d: its header is a header, and the refusal names the customer file', () => {
		const read = readers['yamato-return'](fixture('real-world/oldcart-mixed-encoding.csv'));
		expect(read).toMatchObject({ isRefused: true, hasHeader: true, headerCells: ['旧カートの顧客番号', '氏名'] });
		// The one problem: its Shift_JIS rows are not listed as undecodable beside it.
		const [refusal] = read.problems;
		expect(read.problems).toEqual([refusal]);
		expect(refusal).toMatchObject({ row: 0, code: 'looks-like-customer-file', params: { place: 'yamato-return' } });
		expect(problemText(refusal, 'ja')).toContain(placeWords['yamato-return'].ja);
	});
});

// The other side of naming a file of another kind: a file of a place's own kind is never refused
// or named as another kind there, whatever names of its columns it uses (every alias its reader
// takes), however they are written (spaces, full width, a note in brackets), in any order, with its
// optional columns or not and columns no kind names beside them. The one exception by design: the
// store's list cut down to its two IDs with the 連携用ID first is what step c writes, and is read
// with the warning that names it.
describe('a file of a place\'s own kind is never refused or named as another kind there', () => {
	const ownColumns: Record<UploadPlace, readonly ColumnSpec[]> = {
		customers: oldCartCustomerColumns,
		cards: cardImportColumns,
		'yamato-return': yamatoReturnColumns,
		// The store's 顧客一覧 carries names and contacts beside its two IDs (so does the app's own download).
		'customer-list': [...customerListColumns, ...oldCartCustomerColumns.filter((spec) => spec.key !== 'linkageId')]
	};
	const writings: ((name: string) => string)[] = [
		(name) => name,
		(name) => ` ${name}\u3000`,
		(name) => name.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
		(name) => `${name}（必須）`
	];
	const unknownColumns = ['メモ', '備考', '登録日時', 'ポイント', '最終注文番号', 'JAN', 'note', 'カード枚数'];
	const ownHeader = (place: UploadPlace): fc.Arbitrary<string[]> =>
		ownColumns[place]
			.map((spec): fc.Arbitrary<string | null> => {
				const cell = fc.tuple(fc.constantFrom(...spec.names), fc.constantFrom(...writings)).map(([name, write]) => write(name));
				return spec.required ? cell.map((name): string | null => name) : fc.option(cell, { nil: null });
			})
			.reduce<fc.Arbitrary<(string | null)[]>>((cells, cell) => fc.tuple(cells, cell).map(([before, next]) => [...before, next]), fc.constant<(string | null)[]>([]))
			.chain((named) => fc.subarray(unknownColumns).map((unknown) => [...named.filter((cell): cell is string => cell !== null), ...unknown]))
			.chain((cells) => fc.shuffledSubarray(cells, { minLength: cells.length, maxLength: cells.length }));

	it.each(uploadPlaces)('%s: any header of its own columns', (place) => {
		fc.assert(
			fc.property(ownHeader(place), (header) => {
				const { problems } = readers[place](utf8(`${header.join(',')}\r\n`));
				expect(codesMatching(problems, /^looks-like-/)).toEqual([]);
				if (codesMatching(problems, /^linkage-csv/).length > 0) expect({ place, columns: header.length }).toEqual({ place: 'customer-list', columns: 2 });
			}),
			{ numRuns: 300 }
		);
	});
});

describe('recogniseRowKind', () => {
	it.each<[string, string[], FileKind | null]>([
		['a return row', ['US-00010000', '111', 'VISA', '2912', 'AbCdEf0123456789'], 'yamato-return'],
		['a return row with repairs to make (alias, short tail, YYYYMM, spaces)', [' US-00010000', '11', 'Visa', '202912', 'AbCdEf0123456789 ', ''], 'yamato-return'],
		['a card import row', ['YAMATO', 'US-00010000', '111', 'VISA', '', '', '0', '2912', 'AbCdEf0123456789'], 'cards'],
		['a return row whose token is no token', ['US-00010000', '111', 'VISA', '2912', 'abcdefgh'], null],
		['a return row with an unknown brand', ['US-00010000', '111', 'NOCARD', '2912', 'AbCdEf0123456789'], null],
		['a customer row', ['C1', '山田 太郎', 'ヤマダ タロウ', 'a@example.jp', '09012345678'], null],
		['a store list row', ['US-00010000', 'C1'], null],
		['six cells', ['US-00010000', '111', 'VISA', '2912', 'AbCdEf0123456789', 'memo'], null],
		['nothing', [], null]
	])('%s', (_name, cells, kind) => {
		expect(recogniseRowKind(cells)).toBe(kind);
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
		['linkage CSV', ['旧カートの顧客番号(連携用ID)', 'サブスクストアの顧客ID'], 'linkage'],
		['linkage CSV, loose names and a trailing empty cell', ['連携用ID', ' サブスクストアの顧客ID ', ''], 'linkage'],
		['store list of the two ID columns, the store\'s own first', ['サブスクストアの顧客ID', '旧カートの顧客番号(連携用ID)'], 'customer-list'],
		['the two ID columns with a name after them', ['旧カートの顧客番号(連携用ID)', 'サブスクストアの顧客ID', '氏名'], 'customer-list'],
		['store customer list, English names', ['customer id', 'linkage id', 'name'], 'customer-list'],
		['old cart customers named by a customer id alone (the old cart\'s own number)', ['customer id', 'name', 'email'], null],
		['old cart customers', ['旧カートの顧客番号', '氏名', '氏名(カナ)', 'メールアドレス', '電話番号'], 'customers'],
		['old cart customers, number only', ['旧カートの顧客番号'], 'customers'],
		['old cart customers, with order number and JAN', ['旧カートの顧客番号', '氏名', '最終注文番号', 'JAN'], 'customers'],
		['old cart customers by the cart\'s own 会員番号 (the demo\'s file)', ['会員番号', '氏名', 'フリガナ', 'メールアドレス', '電話番号', '郵便番号', '住所'], 'customers'],
		['old cart customers by 顧客番号 and an e-mail', ['顧客番号', 'メール'], 'customers'],
		['a 会員番号 alone names too little', ['会員番号', 'ポイント'], null],
		['a store list whose 連携用ID is named 顧客番号', ['サブスクストアの顧客ID', '顧客番号', '氏名'], null],
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
