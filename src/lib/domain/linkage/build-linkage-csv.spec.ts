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

// The CSV is encoded in parts of 65,536 rows: around a part's end the bytes must stay those of the whole.
describe('the linkage CSV written in parts has the bytes of the whole text', () => {
	const cases = [0, 1, 65_536 * 8 / 7 - 1, 65_536 * 8 / 7 + 1].map(Math.floor).flatMap((count) =>
		(['shift_jis', 'utf-8-bom'] as const).flatMap((encoding) => [true, false].map((header) => [count, encoding, header] as const))
	);
	it.each(cases)('%i customers, %s, header %s', (count, encoding, header) => {
		const { output, report } = buildLinkageCsvFromRecords(records(count), { outputEncoding: encoding, header });
		if (count === 0) return expect(output).toBeNull();
		expect(report.written).toBe(count - Math.floor((count + 3) / 7));
		// Compared as bytes at once: element by element, the matcher takes seconds on megabytes.
		const expected = wholeText(count, header, encoding);
		expect(output!.length).toBe(expected.length);
		expect(Buffer.compare(output!, expected)).toBe(0);
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
