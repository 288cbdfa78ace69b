import { describe, expect, it } from 'vitest';
import { encodeOutput, type OutputEncoding } from '../encoding/encode-text';
import { buildLinkageCsv, buildLinkageCsvFromRecords, linkageHeader, type LinkagePhase } from './build-linkage-csv';

// Every seventh customer has no 連携用ID (a warning, not written), so written rows and list rows differ.
const records = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ customerId: `US-${String(10000 + i).padStart(8, '0')}`, linkageId: i % 7 === 3 ? '' : `C${i + 1}` }));

/** The CSV as one text encoded at once: what the parts written a few rows at a time must equal. */
function wholeText(count: number, header: boolean, encoding: OutputEncoding): Uint8Array {
	let text = header ? `${linkageHeader.join(',')}\r\n` : '';
	for (const { customerId, linkageId } of records(count)) if (linkageId !== '') text += `${linkageId},${customerId}\r\n`;
	return text === '' ? new Uint8Array(0) : encodeOutput(text, encoding);
}

// The CSV is encoded in parts (65,536 rows unless `partRows` says otherwise): around a part's end the
// bytes must stay those of the whole. A part of 1–8 rows puts the same boundaries on small lists: for
// each part size, every list of 0 to 40 customers, so the rows written reach one part short of a
// part's end, its end, one past it, and several parts (40 customers write 34 rows).
describe('the linkage CSV written in parts has the bytes of the whole text', () => {
	const written = (count: number) => count - Math.floor((count + 3) / 7);
	const counts = Array.from({ length: 41 }, (_, count) => count);
	const cases = [1, 2, 3, 8].flatMap((partRows) =>
		(['shift_jis', 'utf-8-bom'] as const).flatMap((encoding) => [true, false].map((header) => [partRows, encoding, header] as const))
	);
	it.each(cases)('parts of %i rows, %s, header %s, 0 to 40 customers', (partRows, encoding, header) => {
		expect(written(counts.at(-1)!)).toBeGreaterThan(4 * partRows);
		for (const count of counts) {
			const { output, report } = buildLinkageCsvFromRecords(records(count), { outputEncoding: encoding, header, partRows });
			if (count === 0) {
				expect(output, `${count}`).toBeNull();
				continue;
			}
			expect(report.written, `${count}`).toBe(written(count));
			// Compared as bytes at once: element by element, the matcher takes seconds on megabytes.
			const expected = wholeText(count, header, encoding);
			expect(output!.length, `${count}`).toBe(expected.length);
			expect(Buffer.compare(output!, expected), `${count}`).toBe(0);
		}
	});
});

/** For each phase, the largest step of `done` between two calls, and whether it ran from 0 to its end. */
function steps(calls: [LinkagePhase, number, number][]) {
	const seen = new Map<LinkagePhase, { last: number; widest: number; of: number; first: number }>();
	for (const [phase, done, of] of calls) {
		const at = seen.get(phase);
		if (!at) seen.set(phase, { last: done, widest: 0, of, first: done });
		else seen.set(phase, { ...at, last: done, widest: Math.max(at.widest, done - at.last), of });
	}
	return seen;
}

// A phase that does a whole list's work between two calls leaves the bar still for seconds on a
// million rows (issue 14): each phase reports at least every 4096 rows (64 KB of the file read).
describe('the linkage build reports every phase in bounded steps', () => {
	const count = 40_000;
	const listFile = new TextEncoder().encode(
		['サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)', ...records(count).map((r) => `${r.customerId},${r.linkageId}`)].join('\r\n') + '\r\n'
	);
	it.each<[string, (onProgress: (phase: LinkagePhase, done: number, of: number) => void) => unknown, Record<LinkagePhase, number>]>([
		['from a list file', (onProgress) => buildLinkageCsv(listFile, { onProgress }), { read: 1 << 16, link: 4096, write: 4096 }],
		['from the registry\'s records', (onProgress) => buildLinkageCsvFromRecords(records(count), { onProgress }), { read: 4096, link: 4096, write: 4096 }]
	])('%s', (_name, build, widest) => {
		const calls: [LinkagePhase, number, number][] = [];
		build((phase, done, of) => calls.push([phase, done, of]));
		expect([...new Set(calls.map(([phase]) => phase))]).toEqual(['read', 'link', 'write']);
		for (const [phase, at] of steps(calls)) {
			expect(at.first, phase).toBe(0);
			expect(at.last, phase).toBe(at.of);
			expect(at.widest, phase).toBeLessThanOrEqual(widest[phase]);
		}
		// 'link' counts three passes over the rows, 'write' the IDs taken then the rows written.
		const of = steps(calls);
		expect(of.get('link')!.of).toBe(3 * count);
		expect(of.get('write')!.of).toBe(count + count - Math.floor((count + 3) / 7));
	});
});

// A list refused for its header counts the rows it holds and says whether its first record is a
// header (step c's 「見出し行」) as the history's 行数 does (operator trial: a header-less file's first
// line was taken for the header, so 行数 was one short).
describe('a list refused for its header', () => {
	const encode = (text: string) => new TextEncoder().encode(text);
	it.each<[string, string, number, boolean]>([
		['no header, two lines', 'US-00010000,C1\r\nUS-00010001,C2\r\n', 2, false],
		['no header, one line', 'US-00010000,C1\r\n', 1, false],
		['a header without the 連携用ID column', 'サブスクストアの顧客ID,氏名\r\nUS-00010000,山田\r\nUS-00010001,佐藤\r\n', 2, true],
		['a header without the customer ID column', '顧客番号,メモ\r\nC1,a\r\n', 1, true]
	])('%s', (_name, text, rows, hasHeader) => {
		const { output, report } = buildLinkageCsv(encode(text));
		expect(output).toBeNull();
		expect(report.problems.map((p) => p.code)).toEqual(['missing-header']);
		expect(report).toMatchObject({ rows, hasHeader });
	});
});
