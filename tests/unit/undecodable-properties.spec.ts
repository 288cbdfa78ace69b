import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	buildLinkageCsv,
	createByteDecoder,
	createCardImportChecker,
	createOldCartCustomerParser,
	createYamatoReturnConverter,
	type EncodingChoice
} from '$lib/domain';
import { sniffNonText } from '$lib/domain/encoding/sniff-binary';
import { isUtf8JapaneseRow, sjis, today, pieces } from './helpers';

// SPEC "Rules and what bad input gets": a record holding bytes invalid in the file's encoding is
// an `undecodable` error on its row, and so is a UTF-8 row of Japanese text in a Shift_JIS file
// (its bytes often decode there, as mojibake); every other row reads as its bytes decode; no
// U+FFFD that the file did not hold reaches any output.

type Cell = { kind: 'utf8' | 'sjis'; name: string } | { kind: 'junk'; name: string; junk: number[] };

const utf8Names = ['山田 太郎', '𠮷田 一', '髙橋 花子', 'ｶﾀｶﾅ', 'Smith', '表示\uFFFD', '—ダッシュ'];
const sjisNames = ['山田 太郎', '髙橋 花子', 'ｶﾀｶﾅ', '表示', '①番', 'ソース'];
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
	fc.record({ kind: fc.constant('utf8' as const), name: fc.constantFrom(...utf8Names) }),
	fc.record({ kind: fc.constant('sjis' as const), name: fc.constantFrom(...sjisNames) }),
	fc.record({
		kind: fc.constant('junk' as const),
		name: fc.constantFrom('a', '', '名'),
		junk: fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 3 })
	})
);

function cellBytes(cell: Cell): Uint8Array {
	if (cell.kind === 'sjis') return sjis(cell.name);
	const name = new TextEncoder().encode(cell.name);
	return cell.kind === 'junk' ? Uint8Array.from([...name, ...cell.junk]) : name;
}

const ascii = (text: string) => new TextEncoder().encode(text);

interface Kind {
	name: string;
	header: string | null;
	/** The row's cells before the name (the name is the last cell, at column `nameColumn`). */
	prefix(i: number): string;
	nameColumn: number;
	run(input: Uint8Array, encoding: EncodingChoice, cuts: number[]): Result;
}

interface Result {
	encoding: string;
	problems: { row: number; column: number; code: string; message: string }[];
	failedRows: number[];
	/** Rows that passed, with the name as read when the kind keeps it. */
	passed: Map<number, string | null>;
	output: string;
}

const token = (i: number) => `tok${i}Abc12345`;

const kinds: Kind[] = [
	{
		name: 'Yamato return file',
		header: 'customer id,last3,brand,expiry,token,name',
		prefix: (i) => `US-${10000000 + i},123,VISA,2912,${token(i)},`,
		nameColumn: 6,
		run(input, encoding, cuts) {
			const converter = createYamatoReturnConverter({ encoding, today, outputEncoding: 'utf-8-bom' });
			const out: Uint8Array[] = [];
			for (const part of pieces(input, cuts)) out.push(converter.push(part));
			const { output, report } = converter.finish();
			out.push(output ?? new Uint8Array());
			const text = Buffer.concat(out).toString('utf8');
			const passed = new Map<number, string | null>();
			for (const line of text.split('\r\n')) {
				const match = /^YAMATO,US-(\d+),/.exec(line);
				if (match) passed.set(Number(match[1]) - 10000000 + 2, null);
			}
			return { ...report, passed, output: text };
		}
	},
	{
		name: 'store customer list',
		header: 'customer id,linkage id,name',
		prefix: (i) => `US-${10000000 + i},L${i},`,
		nameColumn: 3,
		run(input, encoding) {
			const { output, report } = buildLinkageCsv(input, { encoding, outputEncoding: 'utf-8-bom' });
			const text = Buffer.from(output ?? new Uint8Array()).toString('utf8');
			const passed = new Map<number, string | null>();
			for (const line of text.split('\r\n')) {
				const match = /^L(\d+),/.exec(line);
				if (match) passed.set(Number(match[1]) + 2, null);
			}
			return { ...report, passed, output: text };
		}
	},
	{
		name: 'old-cart customer file',
		header: 'Customer Number,Name',
		prefix: (i) => `C${i},`,
		nameColumn: 2,
		run(input, encoding, cuts) {
			const parser = createOldCartCustomerParser({ encoding });
			const customers = pieces(input, cuts).flatMap((part) => parser.push(part));
			const { customers: last, report } = parser.finish();
			const all = [...customers, ...last];
			const passed = new Map(all.map((c) => [c.row, c.name] as [number, string | null]));
			return { ...report, passed, output: JSON.stringify(all) };
		}
	},
	{
		name: 'card import file',
		header: null,
		prefix: (i) => `YAMATO,US-${10000000 + i},123,VISA,,,0,2912,${token(i)},`,
		nameColumn: 10,
		run(input, encoding, cuts) {
			const checker = createCardImportChecker({ encoding, today });
			const cards = pieces(input, cuts).flatMap((part) => checker.push(part));
			const { cards: last, report } = checker.finish();
			const all = [...cards, ...last];
			const passed = new Map(all.map((c) => [c.row, null] as [number, string | null]));
			return { ...report, passed, output: JSON.stringify(all) };
		}
	}
];

/** The row's text in the file's encoding, or null when SPEC's decoding rule takes it for undecodable. */
function fatalDecodes(bytes: Uint8Array, encoding: string): string | null {
	if (encoding === 'shift_jis' && isUtf8JapaneseRow(bytes)) return null;
	try {
		return new TextDecoder(encoding === 'shift_jis' ? 'shift_jis' : 'utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return null;
	}
}

const countReplacements = (text: string) => text.split('\uFFFD').length - 1;

describe.each(kinds)('undecodable rows: $name', (kind) => {
	it('reports every row holding invalid bytes, passes every other row as decoded, adds no U+FFFD', () => {
		fc.assert(
			fc.property(
				fc.array(cellArb, { minLength: 1, maxLength: 12 }),
				fc.constantFrom<EncodingChoice>('auto', 'utf-8', 'shift_jis'),
				fc.array(fc.nat(), { maxLength: 6 }),
				fc.boolean(),
				(cells, encoding, cuts, endsWithBreak) => {
					const first = kind.header === null ? 1 : 2;
					const rows = cells.map((cell, i) => Uint8Array.from([...ascii(kind.prefix(i)), ...cellBytes(cell)]));
					const lines = [...(kind.header === null ? [] : [ascii(kind.header)]), ...rows];
					const parts = lines.flatMap((line, i) => (i < lines.length - 1 || endsWithBreak ? [line, ascii('\r\n')] : [line]));
					const result = kind.run(Uint8Array.from(Buffer.concat(parts)), encoding, cuts);

					const undecodable = result.problems.filter((p) => p.code === 'undecodable');
					// Without a header, a first record that does not decode cannot be told from one: all refused.
					const isRefused = kind.header === null && fatalDecodes(rows[0], result.encoding) === null;
					const expectedBad: number[] = [];
					let literal = 0;
					rows.forEach((bytes, i) => {
						const row = first + i;
						const text = fatalDecodes(bytes, result.encoding);
						if (text === null) {
							expectedBad.push(row);
							return;
						}
						expect(result.passed.has(row)).toBe(!isRefused);
						const name = result.passed.get(row);
						if (name !== null && name !== undefined) {
							expect(name).toBe(text.slice(text.lastIndexOf(',') + 1).trim());
							literal += countReplacements(name);
						}
					});
					expect(undecodable.map((p) => p.row)).toEqual(expectedBad);
					for (const problem of undecodable) expect(problem.column).toBe(kind.nameColumn);
					for (const row of expectedBad) {
						expect(result.passed.has(row)).toBe(false);
						expect(result.failedRows).toContain(row);
					}
					if (isRefused) expect(result.passed.size).toBe(0);
					expect(countReplacements(result.output)).toBe(literal);
					expect(countReplacements(JSON.stringify(result.problems))).toBe(0);
				}
			),
			{ numRuns: 150 }
		);
	});
});

describe('the byte decoder on mixed bytes', () => {
	const lineArb = fc.oneof(
		fc.constantFrom(...utf8Names).map((name) => ascii(name)),
		fc.constantFrom(...sjisNames).map((name) => sjis(name)),
		fc.uint8Array({ minLength: 0, maxLength: 6 }).map((bytes) => bytes.map((b) => (b < 0x20 ? 0x81 + b : b)))
	);

	it('gives the lenient decoder’s text in any chunking, and marks exactly the lines that do not decode or are UTF-8 rows in Shift_JIS', () => {
		fc.assert(
			fc.property(
				fc.array(lineArb, { minLength: 1, maxLength: 10 }),
				fc.constantFrom<'utf-8' | 'shift_jis'>('utf-8', 'shift_jis'),
				fc.array(fc.nat(), { maxLength: 8 }),
				(lines, encoding, cuts) => {
					const input = Uint8Array.from(Buffer.concat(lines.flatMap((line) => [line, ascii('\n')])));
					const decoder = createByteDecoder(encoding);
					let text = '';
					for (const part of pieces(input, cuts)) text += decoder.push(part);
					text += decoder.finish();
					// Random bytes may open the file as another kind of file (FE FF: UTF-16, a PNG or ZIP
					// signature): it is refused whole, with no text and no line marked.
					const refusal = sniffNonText(input);
					expect(decoder.refusal).toBe(refusal);
					if (refusal !== null) {
						expect(text).toBe('');
						return;
					}
					expect(text).toBe(new TextDecoder(encoding, { ignoreBOM: true }).decode(input));
					const expected: number[] = [];
					let offset = 0;
					for (const line of lines) {
						const lineText = new TextDecoder(encoding, { ignoreBOM: true }).decode(line);
						if (fatalDecodes(line, encoding) === null) expected.push(offset);
						offset += lineText.length + 1;
					}
					const marked: number[] = [];
					let starts = 0;
					for (const line of lines) {
						const lineText = new TextDecoder(encoding, { ignoreBOM: true }).decode(line);
						const at = decoder.undecodable.takeWithin(starts, starts + lineText.length + 1);
						if (at >= 0) marked.push(starts);
						// Invalid bytes show as U+FFFD; a UTF-8 row is marked at its first non-ASCII byte.
						if (at >= 0 && encoding === 'shift_jis' && isUtf8JapaneseRow(line)) expect(at).toBe(starts + line.findIndex((b) => b >= 0x80));
						else if (at >= 0) expect(text.charCodeAt(at)).toBe(0xfffd);
						starts += lineText.length + 1;
					}
					expect(marked).toEqual(expected);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('takes a literal U+FFFD (EF BF BD) in UTF-8 for text, not for an error', () => {
		const decoder = createByteDecoder('utf-8');
		const text = decoder.push(Uint8Array.from([0x61, 0xef, 0xbf, 0xbd, 0x0a, 0xe3, 0x81, 0xef, 0xbf, 0xbd, 0x0a])) + decoder.finish();
		expect(text).toBe('a\uFFFD\n\uFFFD\uFFFD\n');
		expect(decoder.undecodable.takeWithin(0, 3)).toBe(-1);
		expect(decoder.undecodable.takeWithin(3, 6)).toBe(3);
	});

	it('finds no valid Shift_JIS pair that decodes to U+FFFD (so every one there is an error)', () => {
		const decoder = new TextDecoder('shift_jis', { fatal: true });
		for (let lead = 0x81; lead <= 0xfc; lead++) {
			for (let trail = 0x40; trail <= 0xfc; trail++) {
				let text: string;
				try {
					text = decoder.decode(Uint8Array.of(lead, trail));
				} catch {
					continue;
				}
				expect(text).not.toContain('\uFFFD');
			}
		}
	});
});

describe('the byte decoder on a file that opens as another kind of file', () => {
	// Found by the property above: a line of random bytes opening the file with FE FF.
	it.each([
		['FE FF (UTF-16 BE)', [0xfe, 0xff, 0x41, 0x0a], 'utf-16-file'],
		['FF FE (UTF-16 LE)', [0xff, 0xfe, 0x0a], 'utf-16-file'],
		['a PNG signature', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x41], 'png-file'],
		['a ZIP signature', [0x50, 0x4b, 0x03, 0x04, 0x41, 0x0a], 'zip-file']
	] as const)('%s is refused whole in either encoding and any chunking', (_what, bytes, code) => {
		for (const encoding of ['utf-8', 'shift_jis'] as const) {
			for (let cut = 0; cut <= bytes.length; cut++) {
				const input = Uint8Array.from(bytes);
				const decoder = createByteDecoder(encoding);
				const text = decoder.push(input.subarray(0, cut)) + decoder.push(input.subarray(cut)) + decoder.finish();
				expect(decoder.refusal).toBe(code);
				expect(text).toBe('');
			}
		}
	});
});
