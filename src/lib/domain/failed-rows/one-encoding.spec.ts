import Encoding from 'encoding-japanese';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DetectedEncoding } from '../encoding/detect-encoding';
import type { HistoryKind } from '../records/history-entry';
import { extractRows } from './extract-rows';
import { headerRuleOf } from './header-rules';

// The class: every kind the failed-rows download serves × the file's encoding × which encoding the
// failed rows are in (all in the other one / of both kinds / none undecodable).
const kinds: HistoryKind[] = ['customers', 'cards', 'linkage', 'card-file'];
const fileEncodings: DetectedEncoding[] = ['utf-8', 'utf-8-bom', 'shift_jis'];

const bomBytes = [0xef, 0xbb, 0xbf];
const utf8 = (text: string) => [...new TextEncoder().encode(text)];
const sjis = (text: string) => Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }) as number[];
const inEncoding = (text: string, encoding: 'utf-8' | 'shift_jis') => (encoding === 'utf-8' ? utf8(text) : sjis(text));
const crlf = [0x0d, 0x0a];

const fileText = (encoding: DetectedEncoding): 'utf-8' | 'shift_jis' => (encoding === 'shift_jis' ? 'shift_jis' : 'utf-8');
const otherText = (encoding: DetectedEncoding): 'utf-8' | 'shift_jis' => (encoding === 'shift_jis' ? 'utf-8' : 'shift_jis');
const switchedTo = (encoding: DetectedEncoding): DetectedEncoding => (encoding === 'shift_jis' ? 'utf-8-bom' : 'shift_jis');

function headerOf(kind: HistoryKind): string {
	return headerRuleOf(kind)
		.columns.map((column) => column.names[0])
		.join(',');
}

/** A file: the header in the file's encoding, then each row in its own; the bytes of each record. */
function build(encoding: DetectedEncoding, header: string, rows: { text: string; in: 'file' | 'other' | 'neither' }[]) {
	const headerBytes = inEncoding(header, fileText(encoding));
	// A row in neither: bytes no encoding the app reads decodes (FF FE), after its text.
	const rowBytes = rows.map((row) =>
		row.in === 'neither' ? [...utf8(row.text), 0xff, 0xfe] : inEncoding(row.text, row.in === 'file' ? fileText(encoding) : otherText(encoding))
	);
	const file = [...(encoding === 'utf-8-bom' ? bomBytes : []), ...headerBytes, ...rowBytes.flatMap((bytes) => [...crlf, ...bytes]), ...crlf];
	return { file: Uint8Array.from(file), headerBytes, rowBytes };
}

const rowsOfFile = [
	{ text: 'C1,山田 太郎', in: 'file' as const },
	{ text: 'C2,佐藤 花子', in: 'file' as const },
	{ text: 'Z1,髙橋 一郎', in: 'other' as const },
	{ text: 'Z2,鈴木 次郎', in: 'other' as const }
];

describe('settleEncoding through extractRows: the failed rows go back in one encoding when they can', () => {
	const cases = kinds.flatMap((kind) =>
		fileEncodings.flatMap((encoding) => [
			{ kind, encoding, case: 'all in the other encoding', failed: [4, 5], switched: true, split: { inFile: [], inOther: [4, 5], inNeither: [] } },
			{ kind, encoding, case: 'of both kinds', failed: [2, 5], switched: false, split: { inFile: [2], inOther: [5], inNeither: [] } },
			{ kind, encoding, case: 'none undecodable', failed: [2, 3], switched: false, split: { inFile: [2, 3], inOther: [], inNeither: [] } }
		])
	);
	it.each(cases)('$kind, $encoding file, failed rows $case', ({ kind, encoding, failed, switched, split }) => {
		const header = headerOf(kind);
		const { file, headerBytes, rowBytes } = build(encoding, header, rowsOfFile);
		const result = extractRows(file, failed, { encoding, header: headerRuleOf(kind) });
		if (!result.ok) throw new Error(result.code);
		const rowsOut = failed.flatMap((row) => [...rowBytes[row - 2], ...crlf]);
		const isMixed = split.inOther.length > 0 && !switched;
		expect(result).toMatchObject({
			encoding,
			written: switched ? switchedTo(encoding) : isMixed ? null : encoding,
			isHeaderRewritten: switched,
			rows: split,
			headerUnwritable: null
		});
		const expected = switched
			? [...(encoding === 'shift_jis' ? bomBytes : []), ...inEncoding(header, otherText(encoding)), ...crlf, ...rowsOut]
			: [...(encoding === 'utf-8-bom' ? bomBytes : []), ...headerBytes, ...crlf, ...rowsOut];
		expect([...result.output]).toEqual(expected);
		// Written whole in one encoding, it reads back with no row that does not decode.
		if (result.written) {
			const again = extractRows(result.output, [2, 3], { encoding: 'auto', header: headerRuleOf(kind) });
			expect(again).toMatchObject({ ok: true, encoding: result.written, rows: { inOther: [], inNeither: [] } });
		}
	});

	it('the shared fixture: UTF-8 turning into Shift_JIS, its Shift_JIS rows go back as a Shift_JIS file', async () => {
		const { readFileSync } = await import('node:fs');
		const file = new Uint8Array(readFileSync('tests/fixtures/real-world/oldcart-mixed-encoding.csv'));
		const result = extractRows(file, [3002, 3003], { encoding: 'utf-8', header: headerRuleOf('customers') });
		expect(result).toMatchObject({ ok: true, written: 'shift_jis', isHeaderRewritten: true, rows: { inOther: [3002, 3003] } });
		if (!result.ok) return;
		const text = new TextDecoder('shift_jis', { fatal: true }).decode(result.output);
		expect(text).toBe('旧カートの顧客番号,氏名\r\nZ1,佐藤 花子\r\nZ2,髙橋 一郎\r\n');
	});

	it('an ASCII row (the same text in either encoding) goes with rows in the other encoding', () => {
		const { file } = build('utf-8', headerOf('customers'), [{ text: 'C1,Yamada', in: 'file' }, rowsOfFile[2]]);
		const result = extractRows(file, [2, 3], { encoding: 'utf-8', header: headerRuleOf('customers') });
		expect(result).toMatchObject({ ok: true, written: 'shift_jis', rows: { inFile: [2], inOther: [3], inNeither: [] } });
	});

	it('a row that decodes in neither encoding keeps the file as it is', () => {
		const { file } = build('utf-8', headerOf('customers'), [rowsOfFile[2]]);
		const input = Uint8Array.from([...file, ...utf8('C9,'), 0xff, 0xfe, ...crlf]);
		const result = extractRows(input, [2, 3], { encoding: 'utf-8', header: headerRuleOf('customers') });
		expect(result).toMatchObject({ ok: true, written: null, rows: { inFile: [], inOther: [2], inNeither: [3] } });
		expect(result.ok && [...result.output.subarray(result.output.length - 7)]).toEqual([...utf8('C9,'), 0xff, 0xfe, ...crlf]);
	});

	it('a header the other encoding cannot hold keeps the file as it is, and names the characters', () => {
		const { file, headerBytes, rowBytes } = build('utf-8', '旧カートの顧客番号,氏名,備考🍣', rowsOfFile);
		const result = extractRows(file, [4, 5], { encoding: 'utf-8', header: headerRuleOf('customers') });
		expect(result).toMatchObject({ ok: true, written: null, isHeaderRewritten: false, headerUnwritable: '🍣' });
		expect(result.ok && [...result.output]).toEqual([...headerBytes, ...crlf, ...rowBytes[2], ...crlf, ...rowBytes[3], ...crlf]);
	});

	it('rows keep their own bytes; written whole in one encoding exactly when every failed row allows it (property)', () => {
		const kanji = fc.constantFrom('山', '田', '佐', '藤', '髙', '橋', '花', '子', 'ー', '～', '①');
		const name = fc.array(kanji, { minLength: 1, maxLength: 4 }).map((chars) => chars.join(''));
		const row = fc.record({ name, in: fc.constantFrom('file' as const, 'other' as const, 'ascii' as const, 'neither' as const) });
		const arbitrary = fc.record({
			kind: fc.constantFrom(...kinds),
			encoding: fc.constantFrom(...fileEncodings),
			rows: fc.array(row, { minLength: 1, maxLength: 6 }),
			picks: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })
		});
		fc.assert(
			fc.property(arbitrary, ({ kind, encoding, rows, picks }) => {
				const texts = rows.map((r, i) => ({ text: r.in === 'ascii' || r.in === 'neither' ? `A${i},x` : `C${i},${r.name}`, in: r.in === 'ascii' ? ('file' as const) : r.in }));
				const { file, rowBytes } = build(encoding, headerOf(kind), texts);
				let failed = rows.map((_, i) => i + 2).filter((_, i) => picks[i]);
				if (failed.length === 0) failed = [2];
				const result = extractRows(file, failed, { encoding, header: headerRuleOf(kind) });
				if (!result.ok) throw new Error(result.code);
				const head = result.output.length - failed.reduce((sum, r) => sum + rowBytes[r - 2].length + 2, 0);
				expect([...result.output.subarray(head)]).toEqual(failed.flatMap((r) => [...rowBytes[r - 2], ...crlf]));
				const kinds_ = failed.map((r) => rows[r - 2].in);
				const canSwitch = kinds_.includes('other') && !kinds_.includes('file') && !kinds_.includes('neither');
				const isOneEncoding = !kinds_.includes('other') && !kinds_.includes('neither');
				const expected = canSwitch ? switchedTo(encoding) : isOneEncoding ? encoding : null;
				expect(result.written).toBe(expected);
				const ofClass = (...classes: string[]) => failed.filter((r) => classes.includes(rows[r - 2].in));
				expect(result.rows).toEqual({ inFile: ofClass('file', 'ascii'), inOther: ofClass('other'), inNeither: ofClass('neither') });
				if (result.written) {
					const again = extractRows(result.output, failed.map((_, i) => i + 2), { encoding: 'auto', header: headerRuleOf(kind) });
					expect(again).toMatchObject({ ok: true, encoding: result.written, rows: { inOther: [], inNeither: [] } });
				}
			}),
			{ numRuns: 200 }
		);
	});
});
