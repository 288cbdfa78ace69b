import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createYamatoReturnConverter, joinBytes } from '$lib/domain';
import type { YamatoReturnOptions } from '$lib/domain/convert/yamato-return-converter';
import { createTableSource, type PlainLineSink } from '$lib/domain/csv/table-source';
import { yamatoReturnColumns } from '$lib/domain/headers/columns';
import { ProblemList } from '$lib/domain/problems/problem-list';
import { bytesText, pieces, returnHeader, sjis, today, utf8 } from './helpers';
import { mostly, plainToken } from './plain-arbitraries';

// Step d reads a plain line straight from its bytes (no decoding, no string) once the encoding is
// settled, which takes the first 64 KiB: every file of the property starts with a blank line of
// that many spaces, so the rows that follow meet the byte path, in any chunking.
const paddingRows = 1300;
const blank = ' '.repeat(70_000);
const padding = Array.from({ length: paddingRows }, (_, i) => `US-${String(10000 + i).padStart(8, '0')},${String(i % 1000).padStart(3, '0')},VISA,2912,Tok${String(i).padStart(27, 'x')}`);

const token = plainToken(
	[
		'"', ',', ' ', '\t', 'ａ', '日', '\x7f', '\x1a', '\r', '4111111111111111', '4111-1111-1111-1111', '4111.1111.1111.1111', '4111/1111/1111/1111', '4111 1111 1111 1111', '1234567890123', '378282246310005', '12345678-12345', '0000000000000000000000', '123456789012'
	],
	40
);

// Rows around the plain shape: each cell right or off in a way one rule or the reader sees.
const row = fc.oneof(
	{ weight: 8, arbitrary: fc
		.record({
			id: mostly(fc.constantFrom('US-00010000', 'US-00010001', 'US-00099999', 'US-00010031'), fc.constantFrom('US-0001000', 'us-00010000', ' US-00010002', 'US-0001000５', '"US-00010003"', 'US-00010004 ', 'US-4111111111111111')),
			tail: mostly(fc.constantFrom('111', '000', '999'), fc.constantFrom('11', '1111', 'a11', '"111"', '', '１１１')),
			brand: mostly(fc.constantFrom('VISA', 'MASTER', 'JCB', 'AMEX', 'DINERS'), fc.constantFrom('Visa', 'VISA ', 'VIS', 'ビザ', '"JCB"', 'VISA,MASTER', 'MASTEX', 'DINERZ')),
			expiry: mostly(fc.constantFrom('2912', '2611', '2701', '0012'), fc.constantFrom('2610', '1225', '0130', '2913', '202912', '912', '29/12', '２９１２', '2900')),
			token,
			extra: mostly(fc.constant(''), fc.constantFrom(',memo', ',', ',"x,y"', ',"a\r\nb"'))
		})
		.map((r) => `${r.id},${r.tail},${r.brand},${r.expiry},${r.token}${r.extra}`) },
	{ weight: 1, arbitrary: fc.constantFrom('', ' ', ',,,,', '"US-00010000,111",VISA,2912,tok', 'US-00010005,111,VISA,2912,"tok\nUS-00010006,111,VISA,2912,abc"', '\ufeffUS-00010007,111,VISA,2912,abc', 'US-00010008,111,VISA,2912') }
);

const ending = fc.constantFrom('\r\n', '\n', '\r');

const file = fc.record({
	hasHeader: fc.boolean(),
	isUtf8: fc.boolean(),
	// Now and then a row in the other encoding: it does not decode, the rows around it still do.
	foreign: fc.array(fc.boolean(), { maxLength: 60 }),
	// Past 32 rows: after rows it does not take, the byte path lets up to the next 32 go the general way.
	rows: fc.array(fc.tuple(row, ending), { minLength: 1, maxLength: 60 }),
	paddingEnding: ending,
	tailEnding: fc.constantFrom('', '\r\n', '\n', '\r')
});

const encode = (text: string, isUtf8: boolean) => (isUtf8 ? utf8(text) : sjis(text));

// The 70 KB head takes one of twelve shapes: each encoded once, not once a run.
const heads = new Map<string, Uint8Array>();
function headOf(hasHeader: boolean, isUtf8: boolean, ending: string): Uint8Array {
	const key = `${hasHeader} ${isUtf8} ${JSON.stringify(ending)}`;
	let bytes = heads.get(key);
	if (!bytes) {
		bytes = encode([...(hasHeader ? [returnHeader] : []), blank, ...padding.slice(0, 40)].join(ending) + ending, isUtf8);
		heads.set(key, bytes);
	}
	return bytes;
}

function bytesOf(f: typeof file extends fc.Arbitrary<infer T> ? T : never): Uint8Array {
	const parts: Uint8Array[] = [];
	parts.push(headOf(f.hasHeader, f.isUtf8, f.paddingEnding));
	f.rows.forEach(([text, end], i) => {
		const isForeign = f.foreign[i] === true && /[^\x00-\x7f]/.test(text);
		const isLast = i === f.rows.length - 1;
		parts.push(encode(text + (isLast ? f.tailEnding : end), isForeign ? !f.isUtf8 : f.isUtf8));
	});
	return joinBytes(parts);
}

const options = fc.record({
	header: fc.boolean(),
	outputEncoding: fc.constantFrom('shift_jis' as const, 'utf-8-bom' as const),
	service: fc.constantFrom('YAMATO', 'ヤマト'),
	hasList: fc.boolean()
});

function convert(input: Uint8Array, cuts: number[], opts: YamatoReturnOptions, usePlainLineShortcut: boolean) {
	const converter = createYamatoReturnConverter({ ...opts, today, usePlainLineShortcut });
	const parts = pieces(input, cuts).map((part) => converter.push(part));
	const last = converter.finish();
	return { output: last.output === null ? null : joinBytes([...parts, last.output]), report: last.report };
}

describe('the byte path of step d', () => {
	it('gives the same bytes and problems as the general path, for any rows in any chunking, returned or streamed', () => {
		fc.assert(
			// A cut among the rows after the blank line ends the detection of the encoding: the next
			// pieces meet the byte path. The other cuts fall anywhere.
			fc.property(file, options, fc.nat(2_500), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (f, o, settled, others, streams) => {
				const input = bytesOf(f);
				const cuts = [blank.length + 100 + settled, ...others];
				const customerIds = o.hasList ? new Set(['US-00010000', 'US-00010001', 'US-00010002', ...padding.slice(0, 30).map((line) => line.slice(0, 11))]) : undefined;
				const opts: YamatoReturnOptions = { header: o.header, outputEncoding: o.outputEncoding, service: o.service, customerIds };
				const general = convert(input, [], opts, false);
				// The byte path's output returned whole, or handed to a callback from one reused buffer
				// (the same bytes once copied): each run draws one of the two.
				const copies: Uint8Array[] = [];
				const fast = convert(input, cuts, streams ? { ...opts, onOutput: (view) => copies.push(view.slice()) } : opts, true);
				expect(fast.report).toEqual(general.report);
				expect(bytesText(streams ? (fast.output === null ? null : joinBytes(copies)) : fast.output)).toBe(bytesText(general.output));
			}),
			{ numRuns: 200 }
		);
	}, 120_000);
});

describe('step d output handed to a callback', () => {
	it('is the returned output, piece by piece, also past one piece of the reused buffer', () => {
		const rows = Array.from({ length: 170_000 }, (_, i) => padding[i % paddingRows].replace(/^US-\d{8}/, `US-${String(10000 + i).padStart(8, '0')}`));
		const input = joinBytes([sjis(returnHeader + '\r\n'), utf8(rows.join('\r\n') + '\r\n')]);
		const cuts = Array.from({ length: 40 }, (_, i) => i * 300_001);
		const returned = convert(input, cuts, {}, true);
		const pieces: Uint8Array[] = [];
		const streamed = convert(input, cuts, { onOutput: (view) => pieces.push(view.slice()) }, true);
		expect(pieces.length).toBeGreaterThan(1);
		expect(streamed.report).toEqual(returned.report);
		// Compared with Buffer.equals: a deep comparison of ten million bytes one by one takes minutes.
		expect(returned.output!.length).toBeGreaterThan(9 << 20);
		expect(Buffer.from(joinBytes(pieces)).equals(Buffer.from(returned.output!))).toBe(true);
	});
});

describe('plain lines of the table source', () => {
	// A sink that takes every line but those holding `off` (none when not given), and counts how often
	// it is asked about those: with no `off`, the source alone keeps from it what it must never get.
	const picky = (off?: string) => {
		const taken: { row: number; line: string }[] = [];
		let askedOff = 0;
		let last = '';
		const sink: PlainLineSink = {
			cells: yamatoReturnColumns.length,
			read: (bytes, start, limit) => {
				let end = start;
				while (end < limit && bytes[end] !== 10 && bytes[end] !== 13) end++;
				if (end === limit) return -1;
				last = new TextDecoder().decode(bytes.subarray(start, end));
				if (off === undefined || !last.includes(off)) return end;
				askedOff++;
				return -1;
			},
			write: (row) => taken.push({ row, line: last })
		};
		return { sink, taken, askedOff: () => askedOff };
	};
	const greedy = () => picky();
	const read = (input: Uint8Array, cuts: number[], sink?: PlainLineSink) => {
		const data: { row: number; line: string }[] = [];
		const problems = new ProblemList();
		const source = createTableSource({ columns: yamatoReturnColumns, header: 'detect', problems, plainLines: sink }, (row, fields, raw) => data.push({ row, line: fields ? fields.join('|') : raw }));
		for (const part of pieces(input, cuts)) source.push(part);
		source.finish();
		return { data, problems: problems.sorted(), state: source.state };
	};

	it('offers the rows after the encoding is settled, numbered as the reader numbers them', () => {
		const text = [returnHeader, ...padding].join('\r\n') + '\r\n';
		const input = sjis(text);
		const { sink, taken } = greedy();
		const { data } = read(input, [70_000, 70_001, 100_000], sink);
		const all = read(input, [70_000]).data;
		expect(taken.length).toBeGreaterThan(50);
		expect([...data, ...taken].sort((a, b) => a.row - b.row)).toEqual(all);
	});

	// The header, a blank line that settles the encoding, `rows` (padding[i] is row i + 3). Read in two
	// pushes: the first ends some 15 rows after the blank line, read the general way (the first data
	// row fixes the cells a row must have); from the second on, rows meet the byte path.
	const withBlank = (rows: string[]) => sjis([returnHeader, blank, ...rows].join('\r\n') + '\r\n');
	const cuts = [blank.length + 1000];
	const afterFirstPush = 20 + 3;

	it.each([
		['every 5th', 5],
		['every 2nd', 2],
		['every 40th', 40]
	])('offers each line after one it did not take when such lines stand apart (%s line off)', (_, every) => {
		// A row the rules must read (a warning here and there) costs the plain rows after it nothing.
		const rows = padding.map((line, i) => (i % every === 0 ? line.replace('VISA', 'Visa') : line));
		const { sink, taken } = picky('Visa');
		const { data } = read(withBlank(rows), cuts, sink);
		const later = data.filter((d) => d.row >= afterFirstPush);
		expect(taken.length).toBeGreaterThan(rows.length / 3);
		expect(later.length).toBeGreaterThan(0);
		expect(later.every((d) => d.line.includes('Visa'))).toBe(true);
		expect(data.length + taken.length).toBe(rows.length);
	});

	it('asks about fewer and fewer lines in a run of lines it does not take, then about each again', () => {
		// 1,000 rows off among 1,300: asked about a few at the run's start, then 1 in 33, not about each.
		const rows = padding.map((line, i) => (i >= 200 && i < 1200 ? line.replace('VISA', 'Visa') : line));
		const { sink, taken, askedOff } = picky('Visa');
		const { data } = read(withBlank(rows), cuts, sink);
		expect(askedOff()).toBeGreaterThan(1000 / 33);
		expect(askedOff()).toBeLessThan(1000 / 33 + 10);
		// Every plain row from the second push to the run, and all but the few passed unasked at its end after it.
		const firstTaken = Math.min(...taken.map((t) => t.row));
		expect(firstTaken).toBeLessThanOrEqual(afterFirstPush);
		expect(taken.filter((t) => t.row < 200 + 3).length).toBe(200 + 3 - firstTaken);
		expect(taken.filter((t) => t.row >= 1200 + 3).length).toBeGreaterThanOrEqual(100 - 32);
		expect(data.length + taken.length).toBe(rows.length);
	});

	it.each([
		['a card number in a cell', 'US-00010001,111,VISA,2912,x4111111111111111'],
		['a card number grouped with hyphens', 'US-00010001,111,VISA,2912,4111-1111-1111-1111'],
		['a run of 13 digits', 'US-00010001,111,VISA,2912,a1234567890123']
	])('never offers a line the card-number guard must look into: %s', (_, line) => {
		const text = [returnHeader, ...padding, line, padding[0]].join('\r\n') + '\r\n';
		const { sink, taken } = greedy();
		const { problems } = read(sjis(text), [66_000, 70_000], sink);
		expect(taken.some((t) => t.line === line)).toBe(false);
		expect(taken.length).toBeGreaterThan(0);
		if (line !== 'US-00010001,111,VISA,2912,a1234567890123') expect(problems.map((p) => p.code)).toContain('card-number-found');
	});
});
