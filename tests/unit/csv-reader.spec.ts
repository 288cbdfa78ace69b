import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCsvReader, type CsvRecord } from '$lib/domain';

function read(text: string, chunks: string[] = [text]): CsvRecord[] {
	const reader = createCsvReader();
	const records = chunks.flatMap((chunk) => reader.push(chunk));
	return [...records, ...reader.finish()];
}

const shape = (records: CsvRecord[]) =>
	records.map((r) => (r.malformed ? [r.row, 'malformed', r.malformed.reason, r.malformed.column] : [r.row, ...r.fields]));

describe('RFC 4180 reading', () => {
	it.each([
		['LF', 'a,b\n1,2\n', [[1, 'a', 'b'], [2, '1', '2']]],
		['CRLF', 'a,b\r\n1,2\r\n', [[1, 'a', 'b'], [2, '1', '2']]],
		['lone CR', 'a,b\r1,2\r', [[1, 'a', 'b'], [2, '1', '2']]],
		['last record without line break', 'a,b\n1,2', [[1, 'a', 'b'], [2, '1', '2']]],
		['blank lines counted, not records', 'a\n\n\r\nb\n', [[1, 'a'], [4, 'b']]],
		['spaces kept as data', ' a , b \n', [[1, ' a ', ' b ']]],
		['empty fields', ',,\n"",""\n', [[1, '', '', ''], [2, '', '']]],
		['quoted comma', '"a,b",c\n', [[1, 'a,b', 'c']]],
		['escaped quotes', '"he said ""hi""",x\n', [[1, 'he said "hi"', 'x']]],
		['quoted field spanning lines is one record', '"a\r\nb",c\nd\n', [[1, 'a\r\nb', 'c'], [2, 'd']]],
		['full-width comma and quote are characters', 'ａ，ｂ,＂ｃ＂\n', [[1, 'ａ，ｂ', '＂ｃ＂']]],
		['trailing comma gives an empty last field', 'a,\n', [[1, 'a', '']]],
		['stray quote in an unquoted field', 'ok\nab"c,d\nnext\n', [[1, 'ok'], [2, 'malformed', 'stray-quote', 1], [3, 'next']]],
		['text after a closing quote', '"abc"x,1\nnext\n', [[1, 'malformed', 'text-after-quote', 1], [2, 'next']]],
		['text after a closing quote, second column', 'a,"b"c\n', [[1, 'malformed', 'text-after-quote', 2]]],
		['quote never closed: that line only, reading resumes', 'a,"open\nb,c\nd,e\n', [[1, 'malformed', 'unclosed-quote', 2], [2, 'b', 'c'], [3, 'd', 'e']]],
		['bad close on a later line blames the opening line', '"x\ny"z,1\nq\n', [[1, 'malformed', 'unclosed-quote', 1], [2, 'malformed', 'stray-quote', 1], [3, 'q']]],
		['astral and kana characters', '𠮷野家,ｶﾅ\n', [[1, '𠮷野家', 'ｶﾅ']]]
	] as const)('%s', (_, text, expected) => {
		expect(shape(read(text))).toEqual(expected);
	});

	it('gives a malformed record its raw line and a naive split', () => {
		const [record] = read('ab"c,d\n');
		expect(record).toMatchObject({ row: 1, raw: 'ab"c,d', fields: ['ab"c', 'd'] });
	});

	it('keeps the raw text of a good quoted record', () => {
		expect(read('"a\nb",c\n')[0].raw).toBe('"a\nb",c');
	});

	it.each([
		['between CR and LF', 'a\r\nb\r\n', 2],
		['inside a quote pair', '"x""y",z\n', 3],
		['right after an opening quote', '"x""y",z\n', 1],
		['right before a closing quote', '"xy",z\n', 3],
		['inside a field', 'abc,def\n', 5]
	])('a chunk boundary %s changes nothing', (_, text, cut) => {
		expect(read(text, [text.slice(0, cut), text.slice(cut)])).toEqual(read(text));
	});

	it('splitting the text into chunks anywhere never changes the records', () => {
		const alphabet = fc.constantFrom('a', 'b', ',', '"', '\r', '\n', ' ', 'ｶ', '𠮷', '，');
		fc.assert(
			fc.property(fc.array(alphabet, { maxLength: 60 }), fc.array(fc.nat(60)), (chars, cuts) => {
				const text = chars.join('');
				const points = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
				const chunks = points.map((p, i) => text.slice(i === 0 ? 0 : points[i - 1], p));
				chunks.push(text.slice(points.at(-1) ?? 0));
				expect(read(text, chunks)).toEqual(read(text));
			}),
			{ numRuns: 2000 }
		);
	});

	it('stops at a line longer than the limit instead of buffering it', () => {
		const reader = createCsvReader();
		for (let i = 0; i < 20; i++) reader.push('x'.repeat(100_000));
		expect(reader.tooLongAt).toBe(1);
	});
});
