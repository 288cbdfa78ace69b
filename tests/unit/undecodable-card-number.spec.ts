import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildLinkageCsv, checkCardImportFile, convertYamatoReturn, parseOldCartCustomers, separatorClasses } from '$lib/domain';
import { extractRows, headerRuleOf } from '$lib/domain/failed-rows';
import { fixture, sjis, today } from './helpers';
import { expectRefusedUpload } from './refused-upload';

// SPEC "Refused outright" and "rows that do not decode": a row whose bytes do not decode is never
// read, but it goes back in the failed-rows download as the bytes it is. So a card number in such
// a row — written in the other encoding, or split by bytes that decode to nothing — refuses the
// file like any other, and nothing is extracted.

const PAN_BODY = ['4111111111111111', '5105105105105100', '378282246310005', '3530111333300000', '6011111111111117'];
const enc = (text: string) => new TextEncoder().encode(text);
const cat = (...parts: Uint8Array[]) => {
	const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		all.set(part, at);
		at += part.length;
	}
	return all;
};
const fatal = { 'utf-8': new TextDecoder('utf-8', { fatal: true }), shift_jis: new TextDecoder('shift_jis', { fatal: true }) };
const decodes = (bytes: Uint8Array, encoding: 'utf-8' | 'shift_jis') => {
	try {
		fatal[encoding].decode(bytes);
		return true;
	} catch {
		return false;
	}
};

/** Non-ASCII separator characters of the guard, by the encoding their row is written in. */
const classChars: string[] = [];
for (let code = 0x80; code < 0x10000; code++) {
	if (code >= 0xd800 && code <= 0xdfff) continue;
	const char = String.fromCharCode(code);
	if (Object.values(separatorClasses).some((pattern) => pattern.test(char))) classChars.push(char);
}
// In a Shift_JIS file, a UTF-8 row that does not decode (the others read as Shift_JIS text: mojibake).
const utf8InSjis = classChars.filter((c) => !decodes(enc(`4111${c}1111`), 'shift_jis'));
// In a UTF-8 file, a Shift_JIS row: any separator Shift_JIS can write (a lead byte never decodes in UTF-8).
const sjisInUtf8 = classChars.filter((c) => new TextDecoder('shift_jis').decode(sjis(c)) === c);
const invalidBytes = { 'utf-8': [0xff, 0xfe, 0x80, 0xc0, 0xf5], shift_jis: [0xff, 0xfd, 0xa0] };

type FileEncoding = 'utf-8' | 'shift_jis';
const fullWidth = (digits: string) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** The card number's bytes: groups of 4 with one separator each, in the way asked. */
const cardNumbers = fc.record({
	pan: fc.constantFrom(...PAN_BODY),
	way: fc.constantFrom('other-encoding', 'invalid-bytes'),
	pick: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
	wide: fc.boolean()
});
function cardBytes({ pan, way, pick, wide }: { pan: string; way: string; pick: number[]; wide: boolean }, file: FileEncoding): Uint8Array {
		const groups = pan.match(/.{1,4}/g)!;
		const parts: Uint8Array[] = [];
		groups.forEach((group, i) => {
			if (i > 0) {
				if (way === 'invalid-bytes') parts.push(Uint8Array.of(invalidBytes[file][pick[i] % invalidBytes[file].length]));
				else if (file === 'shift_jis') parts.push(enc(utf8InSjis[pick[i] % utf8InSjis.length]));
				else parts.push(sjis(sjisInUtf8[pick[i] % sjisInUtf8.length]));
			}
			const digits = wide && way === 'other-encoding' && file === 'utf-8' ? fullWidth(group) : group;
			parts.push(way === 'other-encoding' && file === 'utf-8' ? sjis(digits) : enc(digits));
		});
		return cat(...parts);
}

const kinds = {
	'Yamato return file': {
		text: () => new TextDecoder('shift_jis').decode(fixture('yamato-return.sjis.csv')),
		refused: (input: Uint8Array) => convertYamatoReturn(input, { today }).report,
		rule: headerRuleOf('card-file')
	},
	'store customer list': {
		text: () => new TextDecoder('shift_jis').decode(fixture('store-customer-list.sjis.csv')),
		refused: (input: Uint8Array) => buildLinkageCsv(input).report,
		rule: headerRuleOf('linkage')
	},
	'old-cart customer file': {
		text: () => new TextDecoder('utf-8').decode(fixture('oldcart-customers.utf8bom.csv')).replace(/^\ufeff/, ''),
		refused: (input: Uint8Array) => parseOldCartCustomers(input).report,
		rule: headerRuleOf('customers')
	},
	'9-column card import file': {
		text: () => new TextDecoder('shift_jis').decode(fixture('yamato-return.card-import.expected.sjis.csv')),
		refused: (input: Uint8Array) => checkCardImportFile(input, { today }).report,
		rule: headerRuleOf('cards')
	}
};

describe('property: a card number in a row that does not decode refuses the file; nothing is extracted', () => {
	it.each(Object.entries(kinds))('%s', (_, kind) => {
		const rows = kind.text().split(/\r?\n/).filter(Boolean);
		fc.assert(
			fc.property(cardNumbers, fc.constantFrom<FileEncoding>('utf-8', 'shift_jis'), fc.nat(), fc.nat(), (card, file, r, c) => {
				const row = 1 + (r % (rows.length - 1));
				const cells = rows[row].split(',');
				const column = c % cells.length;
				const encode = (text: string) => (file === 'utf-8' ? enc(text) : sjis(text));
				const before = rows.slice(0, row).join('\r\n') + '\r\n' + [...cells.slice(0, column), ''].join(',');
				const after = [cells.length > column + 1 ? '' : null, ...cells.slice(column + 1)].filter((x) => x !== null).join(',');
				// A UTF-8 file carries its BOM: its encoding is then settled, as an otherwise valid file's is.
				const input = cat(file === 'utf-8' ? Uint8Array.of(0xef, 0xbb, 0xbf) : new Uint8Array(0), encode(before), cardBytes(card, file), encode(`${after}\r\n${rows.slice(row + 1).join('\r\n')}\r\n`));

				const report = kind.refused(input);
				expect(report.refused).toBe(true);
				expect(report.problems.map((p) => p.code)).toContain('card-number-found');
				const extracted = extractRows(input, rows.map((_, i) => i + 1), { encoding: 'auto', header: kind.rule });
				expect(extracted).toMatchObject({ ok: false, code: 'card-number-found', row: row + 1 });
			}),
			{ numRuns: 80 }
		);
	});
});

describe('the jobs: old-cart registration and the failed-rows download', () => {
	const sjisHead = sjis('旧カートの顧客番号,氏名,住所\r\nA1,山田 太郎,東京都\r\n');
	const utf8Head = enc('旧カートの顧客番号,氏名,住所\r\nA1,山田,東京\r\n');
	it.each<[string, Uint8Array]>([
		['a UTF-8 row with no-break spaces in a Shift_JIS file', cat(sjisHead, enc('A2,"佐藤 4111\u00a01111\u00a01111\u00a01111",x\r\n'))],
		['a lone 0xFF byte between the groups of a UTF-8 file', cat(utf8Head, enc('A2,"4111'), Uint8Array.of(0xff), enc('1111'), Uint8Array.of(0xff), enc('1111'), Uint8Array.of(0xff), enc('1111",x\r\n'))],
		['a Shift_JIS row of full-width digits in a UTF-8 file', cat(utf8Head, enc('A2,'), sjis('４１１１　１１１１　１１１１　１１１１'), enc(',x\r\n'))]
	])('%s: refused, nothing registered, nothing extracted', async (_, bytes) => {
		await expectRefusedUpload(bytes);
	});
});
