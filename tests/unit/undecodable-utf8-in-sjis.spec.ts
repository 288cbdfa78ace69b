import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createByteDecoder, createOldCartCustomerParser, parseOldCartCustomers, type EncodingChoice } from '$lib/domain';
import { isUtf8JapaneseRow, sjis, splitAt, utf8 } from './helpers';

// SPEC "Rules and what bad input gets": a row that does not decode in the file's encoding is
// `undecodable`, nothing garbled is stored. A UTF-8 row in a Shift_JIS file often decodes there
// without error, as mojibake (「鈴木 一」 reads 「驤ｴ譛ｨ 荳」): it is undecodable all the same.

const header = sjis('旧カートの顧客番号,氏名\r\n');
const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts));
const sjisText = (bytes: Uint8Array) => new TextDecoder('shift_jis', { ignoreBOM: true }).decode(bytes);

/** A Shift_JIS customer file: two Shift_JIS rows, then `bytes` as row 4, then one more Shift_JIS row. */
function fileWith(bytes: Uint8Array): Uint8Array {
	return concat([header, sjis('C1,山田 太郎\r\nC2,佐藤 花子\r\nC3,'), bytes, sjis('\r\nC4,高橋 一郎\r\n')]);
}

// Names, addresses and mixed ASCII, as a Japanese shop's rows hold them.
const texts = [
	'鈴木 一',
	'山田 太郎',
	'髙橋 花子',
	'𠮷田 一',
	'渡邊 惠子',
	'ｽｽﾞｷ ｲﾁﾛｳ',
	'東京都千代田区丸の内1-1-1',
	'大阪府大阪市北区梅田3丁目',
	'Aマンション101号',
	'ABC株式会社 営業部',
	'〜ワンダー〜',
	'—ダッシュ',
	'Café 東京'
];

describe('a UTF-8 row in a Shift_JIS file', () => {
	it.each(texts)('「%s」 is undecodable on its row, in its column, and not registered', (text) => {
		const { customers, report } = parseOldCartCustomers(fileWith(utf8(text)));
		expect(report.encoding).toBe('shift_jis');
		const undecodable = report.problems.filter((p) => p.code === 'undecodable');
		expect(undecodable.map((p) => [p.row, p.column, p.severity])).toEqual([[4, 2, 'error']]);
		expect(undecodable[0].message).toContain('4行目2列目');
		expect(report.failedRows).toEqual([4]);
		expect(customers.map((c) => [c.row, c.name])).toEqual([
			[2, '山田 太郎'],
			[3, '佐藤 花子'],
			[5, '高橋 一郎']
		]);
	});

	it.each(texts)('「%s」 in Shift_JIS is read as it is', (text) => {
		const { customers, report } = parseOldCartCustomers(fileWith(sjis(text.replace('𠮷', '吉').replace('—', '―').replace('é', 'e'))));
		expect(report.problems.filter((p) => p.code === 'undecodable')).toEqual([]);
		expect(customers).toHaveLength(4);
	});

	it('holds the operator’s case: a UTF-8 row that decodes as Shift_JIS without error is not stored', () => {
		// 「鈴木 一」 reads 「驤ｴ譛ｨ 荳」 and a U+0080, which browsers decode without error (Node's
		// decoder refuses 0x80); 「ABC株式会社 営業部」 decodes without error everywhere.
		expect(sjisText(utf8('鈴木 一')).startsWith('驤ｴ譛ｨ 荳')).toBe(true);
		const bytes = utf8('ABC株式会社 営業部');
		expect(new TextDecoder('shift_jis', { fatal: true }).decode(bytes)).toBe('ABC譬ｪ蠑丈ｼ夂､ｾ 蝟ｶ讌ｭ驛ｨ');
		const { customers, report } = parseOldCartCustomers(fileWith(bytes));
		expect(report.failedRows).toEqual([4]);
		expect(JSON.stringify(customers)).not.toContain('譬ｪ');
	});
});

// Real names (JIS X 0208 level-1 and level-2 kanji, IBM extensions, kana).
const surnames = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '渡邊', '渡邉', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '林', '斎藤', '齋藤', '齊藤', '清水', '山崎', '山﨑', '森', '阿部', '池田', '橋本', '石川', '前田', '藤田', '小川', '岡田', '長谷川', '村上', '近藤', '坂本', '遠藤', '青木', '髙橋', '澤田', '濱田', '廣瀬', '嶋田', '櫻井', '淵上', '邊見', '槇', '檜山', '鷲尾', '麹谷', '蛯原', '薗田', '祁答院', 'スズキ', 'ｽｽﾞｷ'];
const givenNames = ['太郎', '一', '花子', '翔太', '大輔', '陽菜', '結衣', '蓮', '湊', '凛', '颯', '惠子', '瑠璃', '琥珀', '睦', '聡', '隆', '隆之介', '龍之介', '雫', '茉莉', '彌生', '榮一', '禮子', '淳', '悠真', '葵', '樹', '瀧', '萌', 'ゆい', 'さくら', 'ケン', 'ﾀﾛｳ', '由美', '健太', '美咲', '直樹'];
const names = surnames.flatMap((surname) => givenNames.map((given) => `${surname} ${given}`));
const addresses = ['東京都千代田区丸の内1-1-1', '北海道札幌市中央区北1条西2丁目', '沖縄県那覇市泉崎1-2-2', '京都府京都市左京区吉田本町', '福岡県北九州市小倉北区城内1-1', '大阪府堺市堺区南瓦町3-1'];

// Japanese text drawn from JIS X 0208: every kanji (levels 1 and 2) and every full-width kana.
const japaneseChars: string[] = (() => {
	const chars: string[] = [];
	for (let lead = 0x82; lead <= 0xea; lead++) {
		if (lead > 0x9f && lead < 0xe0) continue;
		for (let trail = 0x40; trail <= 0xfc; trail++) {
			if (trail === 0x7f) continue;
			const char = sjisText(Uint8Array.of(lead, trail));
			const code = char.charCodeAt(0);
			const isKana = (code >= 0x3041 && code <= 0x3093) || (code >= 0x30a1 && code <= 0x30f6);
			if (char.length === 1 && (isKana || (lead >= 0x88 && code >= 0x4e00 && code <= 0x9fff))) chars.push(char);
		}
	}
	return chars;
})();
const japaneseArb = fc.string({ unit: fc.constantFrom(...japaneseChars), minLength: 1, maxLength: 8 });

describe('Shift_JIS files with UTF-8 rows mixed in (property)', () => {
	const lineArb = fc.oneof(
		fc.record({ isUtf8: fc.constant(false), text: fc.constantFrom(...names, ...addresses) }),
		fc.record({ isUtf8: fc.constant(true), text: fc.oneof(fc.constantFrom(...names, ...addresses), japaneseArb) }),
		fc.record({
			isUtf8: fc.constant(true),
			text: fc.tuple(fc.stringMatching(/^[A-Za-z0-9 -]{0,4}$/), japaneseArb).map(([a, b]) => a + b)
		})
	);

	it('in any chunking: every UTF-8 row is undecodable with its row, no Shift_JIS row is, nothing garbled is kept', () => {
		fc.assert(
			fc.property(
				fc.array(lineArb, { minLength: 1, maxLength: 12 }),
				fc.constantFrom<EncodingChoice>('auto', 'shift_jis'),
				fc.array(fc.nat(), { maxLength: 6 }),
				(lines, encoding, cuts) => {
					// Detected (auto), the file is Shift_JIS when its Shift_JIS lines (the header, row 2 and
					// the generated ones) are at least as many as its UTF-8 lines, as in the operator's file.
					const utf8Lines = lines.filter((line) => line.isUtf8).length;
					if (encoding === 'auto') fc.pre(utf8Lines < lines.length - utf8Lines + 2);
					const rows = lines.map(({ isUtf8, text }, i) => concat([ascii(`C${i},`), isUtf8 ? utf8(text) : sjis(text)]));
					const input = concat([header, sjis('C,山田 太郎\r\n'), ...rows.flatMap((row) => [row, ascii('\r\n')])]);
					const parser = createOldCartCustomerParser({ encoding });
					const customers = splitAt(input, cuts).flatMap((part) => parser.push(part));
					const { customers: last, report } = parser.finish();
					const all = [...customers, ...last];
					expect(report.encoding).toBe('shift_jis');
					// Some UTF-8 rows do not decode as Shift_JIS at all; all of them are undecodable.
					const expected = lines.flatMap(({ isUtf8 }, i) => (isUtf8 ? [i + 3] : []));
					const undecodable = report.problems.filter((p) => p.code === 'undecodable');
					expect(undecodable.map((p) => [p.row, p.column])).toEqual(expected.map((row) => [row, 2]));
					expect(all.map((c) => c.row)).toEqual([2, ...lines.flatMap(({ isUtf8 }, i) => (isUtf8 ? [] : [i + 3]))]);
					lines.forEach(({ isUtf8, text }, i) => {
						if (!isUtf8) expect(all.find((c) => c.row === i + 3)?.name).toBe(text);
					});
				}
			),
			{ numRuns: 200 }
		);
	});

	it('detected: a file is read in the encoding of most of its lines, the other rows are undecodable, whichever comes first', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ isUtf8: fc.boolean(), text: fc.constantFrom(...names, ...addresses) }), { minLength: 1, maxLength: 12 }),
				fc.array(fc.nat(), { maxLength: 6 }),
				(lines, cuts) => {
					const utf8Lines = lines.filter((line) => line.isUtf8).length;
					const isUtf8File = utf8Lines >= lines.length - utf8Lines;
					// An ASCII first line (row 1, read as the header row): only the rows decide the encoding.
					const input = concat([ascii(',\r\n'), ...lines.flatMap(({ isUtf8, text }, i) => [ascii(`C${i},`), isUtf8 ? utf8(text) : sjis(text), ascii('\r\n')])]);
					const parser = createOldCartCustomerParser({ encoding: 'auto', hasHeader: true } as never);
					splitAt(input, cuts).forEach((part) => parser.push(part));
					const { report } = parser.finish();
					expect(report.encoding).toBe(isUtf8File ? 'utf-8' : 'shift_jis');
					const other = lines.flatMap(({ isUtf8 }, i) => (isUtf8 !== isUtf8File ? [i + 2] : []));
					expect(report.problems.filter((p) => p.code === 'undecodable').map((p) => p.row)).toEqual(other);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('never finds an undecodable row in a pure Shift_JIS file of Japanese names and addresses, in any chunking', () => {
		const lines = [...names, ...addresses].map((text, i) => concat([ascii(`C${i},`), sjis(text), ascii('\r\n')]));
		const input = concat([header, ...lines]);
		fc.assert(
			fc.property(fc.array(fc.nat({ max: input.length }), { maxLength: 20 }), (cuts) => {
				const decoder = createByteDecoder('auto');
				let text = '';
				for (const part of splitAt(input, cuts)) text += decoder.push(part);
				text += decoder.finish();
				expect(decoder.encoding).toBe('shift_jis');
				expect(decoder.undecodable.peek()).toBe(-1);
				expect(text).toBe(sjisText(input));
			}),
			{ numRuns: 30 }
		);
		const { customers, report } = parseOldCartCustomers(input);
		expect(report.problems.filter((p) => p.code === 'undecodable')).toEqual([]);
		expect(customers).toHaveLength(names.length + addresses.length);
	});

	it('takes every UTF-8 line of JIS X 0208 text that decodes as Shift_JIS for a UTF-8 row (the test’s own reading agrees)', () => {
		fc.assert(
			fc.property(japaneseArb, fc.stringMatching(/^[A-Za-z0-9,]{0,3}$/), (text, tail) => {
				const line = concat([ascii('C1,'), utf8(text), ascii(tail)]);
				expect(isUtf8JapaneseRow(line)).toBe(true);
				const decoder = createByteDecoder('shift_jis');
				decoder.push(concat([line, ascii('\n')]));
				decoder.finish();
				expect(decoder.undecodable.peek()).toBe(3);
			}),
			{ numRuns: 2000 }
		);
	});
});
