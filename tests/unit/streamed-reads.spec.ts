import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLinkageCsv, createLinkageBuilder } from '$lib/domain';
import { encodeShiftJis } from '$lib/domain/encoding/encode-text';
import { createRowsCopier, createRowsLocator, extractRows, headerRuleOf, type ExtractOptions, type ExtractResult } from '$lib/domain/failed-rows';

// Step c from a file and the failed-rows download read their file as a stream (issue 14). Whatever
// the stream's slicing — 1 byte, odd sizes, a cut inside a multi-byte character, between CR and LF,
// inside a quoted line break, inside the BOM — and even when the stream reuses its buffer for the
// next slice, they give what the whole-file path gives, byte for byte.

const utf8 = (text: string) => new TextEncoder().encode(text);
const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
const concat = (parts: readonly Uint8Array[]) => {
	const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) (all.set(part, at), (at += part.length));
	return all;
};

/**
 * Feeds `bytes` to `push` in slices of the sizes given, in turn (the last size repeats), each slice
 * copied into one buffer that is overwritten once `push` returns: what a stream reading into one
 * reused buffer does. A consumer keeping a slice without copying it would see the garbage.
 */
function pushSliced(bytes: Uint8Array, sizes: readonly number[], push: (slice: Uint8Array) => void): void {
	const buffer = new Uint8Array(Math.max(1, ...sizes));
	for (let at = 0, k = 0; at < bytes.length; k = Math.min(k + 1, sizes.length - 1)) {
		const slice = buffer.subarray(0, Math.min(sizes[k], bytes.length - at));
		slice.set(bytes.subarray(at, at + slice.length));
		push(slice);
		buffer.fill(0x22);
		at += slice.length;
	}
}

/** Sizes that cut `bytes` in two at `cut` (an empty first slice is no slice). */
const cutAt = (bytes: Uint8Array, cut: number) => (cut === 0 ? [bytes.length || 1] : [cut, Math.max(1, bytes.length - cut)]);

function streamedLinkage(bytes: Uint8Array, sizes: readonly number[], options = {}) {
	const builder = createLinkageBuilder(options);
	pushSliced(bytes, sizes, (slice) => builder.push(slice));
	return builder.finish();
}

function streamedRows(bytes: Uint8Array, sizes: readonly number[], copySizes: readonly number[], rows: number[], options: ExtractOptions): ExtractResult {
	const locator = createRowsLocator(rows, options);
	pushSliced(bytes, sizes, (slice) => locator.push(slice));
	const plan = locator.finish();
	if (!plan.ok) return plan;
	const copier = createRowsCopier(plan);
	pushSliced(bytes, copySizes, (slice) => copier.push(slice));
	return copier.finish();
}

const listHeader = 'サブスクストアの顧客ID,旧カートの顧客番号(連携用ID),氏名';
const returnHeader = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';

// A list holding each thing a cut can fall inside: a BOM, multi-byte names, CRLF, a lone CR, LF, a
// quoted field spanning lines, an escaped quote, a stray quote, blank lines.
const tricky = [
	listHeader,
	'US-00010000,C1,山田太郎',
	'US-00010001,C2,"佐藤\r\n花子"',
	'',
	'US-00010002,C3,"say ""はい"""',
	'US-00010003,C"4,髙橋',
	'US-00010004,C5,①②'
];
const trickyText = tricky.slice(0, 4).join('\r\n') + '\n' + tricky.slice(4).join('\r') + '\r\n';
const trickyFiles: [string, Uint8Array][] = [
	['UTF-8', utf8(trickyText)],
	['UTF-8 with BOM', concat([bom, utf8(trickyText)])],
	['Shift_JIS', encodeShiftJis(trickyText)],
	// Turns into Shift_JIS half-way: the rows after the turn do not decode (undecodable).
	['UTF-8 then Shift_JIS', concat([utf8(tricky.slice(0, 3).join('\r\n') + '\r\n'), encodeShiftJis(tricky.slice(3).join('\r\n') + '\r\n')])]
];
/** Every way of cutting `bytes` in two: each byte boundary, a multi-byte character's inside included. */
const everyCut = (bytes: Uint8Array) => Array.from({ length: bytes.length + 1 }, (_, cut) => cut);

describe('step c read as a stream gives the whole file\'s CSV and report', () => {
	it.each(trickyFiles)('%s, 1 byte at a time', (_name, bytes) => {
		expect(streamedLinkage(bytes, [1])).toEqual(buildLinkageCsv(bytes));
	});

	it.each(trickyFiles)('%s cut in two at every byte', (_name, bytes) => {
		const whole = buildLinkageCsv(bytes);
		for (const cut of everyCut(bytes)) expect(streamedLinkage(bytes, cutAt(bytes, cut)), `cut at ${cut}`).toEqual(whole);
	});

	// The encoding is judged on the 64 KiB from the first non-ASCII byte: a file that turns to
	// Shift_JIS past that window, read in odd-sized slices that straddle the window's end.
	it('a list turning to Shift_JIS past the judging window, in slices of 1, 7, 4093 and 65,537 bytes', () => {
		const name = '山田'.repeat(40);
		const head = utf8([listHeader, ...Array.from({ length: 280 }, (_, i) => `US-${String(10_000 + i).padStart(8, '0')},C${i},${name}`)].join('\r\n') + '\r\n');
		const bytes = concat([head, encodeShiftJis('US-00099999,C9,髙橋\r\nUS-00099998,C8,佐藤\r\n')]);
		expect(head.length).toBeGreaterThan(65_536);
		const whole = buildLinkageCsv(bytes);
		expect(whole.report.problems.some((problem) => problem.code === 'undecodable')).toBe(true);
		for (const size of [1, 7, 4093, 65_537]) expect(streamedLinkage(bytes, [size]), `slices of ${size}`).toEqual(whole);
	});
});

const kinds = ['linkage', 'card-file', 'customers'] as const;

describe('failed rows read as a stream give the whole file\'s rows, byte for byte', () => {
	it.each(trickyFiles.flatMap(([name, bytes]) => kinds.map((kind) => [name, kind, bytes] as const)))('%s as %s, 1 byte at a time', (_name, kind, bytes) => {
		const options: ExtractOptions = { encoding: 'auto', header: headerRuleOf(kind) };
		const whole = extractRows(bytes, [1, 2, 3, 4, 6, 7, 9], options);
		expect(whole.ok).toBe(true);
		expect(streamedRows(bytes, [1], [1], [1, 2, 3, 4, 6, 7, 9], options)).toEqual(whole);
	});

	it.each(trickyFiles)('%s cut in two at every byte', (_name, bytes) => {
		const options: ExtractOptions = { encoding: 'auto', header: headerRuleOf('linkage') };
		const rows = [3, 5, 6];
		const whole = extractRows(bytes, rows, options);
		for (const cut of everyCut(bytes)) {
			expect(streamedRows(bytes, cutAt(bytes, cut), cutAt(bytes, bytes.length - cut), rows, options), `cut at ${cut}`).toEqual(whole);
		}
	});
});

// Files of every shape the readers meet, in any encoding (or one turning half-way), sliced anyhow.
const cell = fc.constantFrom('US-00010000', 'C1', '山田太郎', '"佐藤\r\n花子"', '"a\nb"', '"x""y"', '', ' C2 ', 'A"x', '"open', '①髙', 'Visa', 'AbCdEf0123456789xyZ1');
const row = fc.oneof({ weight: 5, arbitrary: fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(',')) }, { weight: 1, arbitrary: fc.constant('') });
const lineEnd = fc.constantFrom('\r\n', '\n', '\r');
const fileOf = fc
	.record({
		header: fc.constantFrom(listHeader, returnHeader, 'US-00010000,C1', ''),
		rows: fc.array(fc.tuple(row, lineEnd, fc.boolean()), { maxLength: 12 }),
		encoding: fc.constantFrom('utf-8', 'shift_jis', 'mixed'),
		hasBom: fc.boolean(),
		isLastLineOpen: fc.boolean()
	})
	.map(({ header, rows, encoding, hasBom, isLastLineOpen }) => {
		const parts: Uint8Array[] = [hasBom ? bom : new Uint8Array(0), utf8(header + '\r\n')];
		rows.forEach(([text, end, isShiftJis], i) => {
			const line = text + (isLastLineOpen && i === rows.length - 1 ? '' : end);
			parts.push(encoding === 'shift_jis' || (encoding === 'mixed' && isShiftJis) ? encodeShiftJis(line) : utf8(line));
		});
		return concat(parts);
	});
const sizes = fc.array(fc.integer({ min: 1, max: 23 }), { minLength: 1, maxLength: 6 });

describe('streamed reads equal whole-file reads for any file and any slicing (property)', () => {
	it('step c', () => {
		fc.assert(
			fc.property(fileOf, sizes, fc.constantFrom('auto', 'utf-8', 'shift_jis') as fc.Arbitrary<'auto' | 'utf-8' | 'shift_jis'>, (bytes, cuts, encoding) => {
				expect(streamedLinkage(bytes, cuts, { encoding })).toEqual(buildLinkageCsv(bytes, { encoding }));
			}),
			{ numRuns: 150 }
		);
	});

	it('failed rows', () => {
		const encodings = fc.constantFrom('auto', 'utf-8', 'utf-8-bom', 'shift_jis') as fc.Arbitrary<ExtractOptions['encoding']>;
		fc.assert(
			fc.property(fileOf, sizes, sizes, fc.constantFrom(...kinds), encodings, fc.uniqueArray(fc.integer({ min: 1, max: 15 }), { maxLength: 6 }), (bytes, cuts, copyCuts, kind, encoding, rows) => {
				const options: ExtractOptions = { encoding, header: headerRuleOf(kind) };
				expect(streamedRows(bytes, cuts, copyCuts, rows, options)).toEqual(extractRows(bytes, rows, options));
			}),
			{ numRuns: 150 }
		);
	});
});

/** The whole-file slicing of line spans the copier replaced: the bytes from each span's first line to its last. */
function referenceSpans(bytes: Uint8Array, start: number, spans: readonly { first: number; last: number }[]): Uint8Array {
	const parts: Uint8Array[] = [];
	let line = 0;
	let lineStart = start;
	let next = 0;
	let spanStart = -1;
	for (let i = start; i <= bytes.length && next < spans.length; i++) {
		const byte = i < bytes.length ? bytes[i] : -1;
		if (byte !== 10 && byte !== 13 && byte !== -1) continue;
		if (line === spans[next].first) spanStart = lineStart;
		if (line === spans[next].last) {
			parts.push(bytes.subarray(spanStart, i), Uint8Array.of(13, 10));
			next++;
		}
		if (byte === 13 && bytes[i + 1] === 10) i++;
		line++;
		lineStart = i + 1;
	}
	return concat(parts);
}

describe('the span copier gives each span\'s bytes as a whole-file slicing does (property)', () => {
	// Lines of CR, LF and CR LF ends in any mix; spans of one or more lines, in order, apart.
	const bytes = fc.array(fc.constantFrom(10, 13, 0x41, 0xe3, 0x81), { maxLength: 40 }).map((list) => Uint8Array.from(list));
	const spans = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })), { maxLength: 8 }).map((gaps) => {
		let line = 0;
		return gaps.map(([gap, extra]) => {
			const span = { first: line + gap, last: line + gap + extra };
			line = span.last + 1;
			return span;
		});
	});
	it('for any bytes, spans, BOM skip and slicing', () => {
		fc.assert(
			fc.property(bytes, spans, fc.constantFrom(0, 3), sizes, (input, list, skip, cuts) => {
				const located = list.map((span, i) => ({ ...span, row: i + 1, isUndecodable: false }));
				const plan = { ok: true as const, encoding: skip === 3 ? ('utf-8-bom' as const) : ('utf-8' as const), header: null, located, wanted: new Set(located.map((span) => span.row)) };
				const copier = createRowsCopier(plan);
				pushSliced(input, cuts, (slice) => copier.push(slice));
				const result = copier.finish();
				const expected = concat([skip === 3 ? bom : new Uint8Array(0), referenceSpans(input, skip, list)]);
				expect(result.ok && [...result.output]).toEqual([...expected]);
			}),
			{ numRuns: 1000 }
		);
	});
});
