import fc from 'fast-check';
import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, toPeopleCsv } from '$lib/domain';
import { formulaTriggers } from '$lib/domain/csv/formula-start';

// SPEC "CSV formula injection": a cell of a file for people never begins with a formula trigger
// once a spreadsheet decodes the file, whatever the Shift_JIS encoder makes of its first character.

const sjisBytes = (text: string) => Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' });
const triggerBytes = formulaTriggers.map(sjisBytes);
const sjisText = (bytes: Uint8Array) => new TextDecoder('shift_jis').decode(bytes);

/** The first cell of a one-cell CSV line, as a spreadsheet reads it (RFC 4180 unquoting). */
function firstCell(line: string): string {
	if (!line.startsWith('"')) return line.replace(/\r\n$/, '');
	return line.slice(1, line.lastIndexOf('"')).replace(/""/g, '"');
}

describe('formula triggers, from the encoder itself', () => {
	it('neutralises every BMP character whose Shift_JIS bytes start with a trigger’s bytes', () => {
		const found: string[] = [];
		for (let code = 0; code <= 0xffff; code++) {
			if (code >= 0xd800 && code <= 0xdfff) continue;
			const char = String.fromCharCode(code);
			const bytes = sjisBytes(char);
			const isTrigger = triggerBytes.some((prefix) => prefix.every((byte, i) => bytes[i] === byte));
			if (!isTrigger) continue;
			found.push(char);
			expect(neutralizeFormula(`${char}1`)).toBe(`'${char}1`);
		}
		// The sweep is not empty: it finds the SPEC's list and U+2212 (written as －).
		expect(found).toEqual(expect.arrayContaining([...formulaTriggers]));
	});

	it.each([['−1'], ['－1'], ['＝SUM(A1)'], ['=1'], ['\t1']])('%j is neutralised', (value) => {
		expect(neutralizeFormula(value)).toBe(`'${value}`);
	});

	it.each([['1−2'], ['山田'], ['ー'], ['〜'], ['']])('%j is left as it is', (value) => {
		expect(neutralizeFormula(value)).toBe(value);
	});

	it('a written people-file cell, decoded back from Shift_JIS, never begins with a trigger', () => {
		const triggerChars = fc.constantFrom(...formulaTriggers, '−', 'ー', '‐', '―', '〜', '～', '＇', "'");
		const value = fc.oneof(
			fc.string({ unit: 'binary' }),
			fc.tuple(triggerChars, fc.string({ unit: 'binary' })).map(([a, b]) => a + b),
			fc.tuple(fc.integer({ min: 0x80, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff), fc.string()).map(
				([code, rest]) => String.fromCharCode(code) + rest
			)
		);
		fc.assert(
			fc.property(value, (text) => {
				const cell = firstCell(sjisText(toPeopleCsv([[text]], { encoding: 'shift_jis' })));
				expect(formulaTriggers.some((trigger) => cell.startsWith(trigger))).toBe(false);
			}),
			{ numRuns: 2000 }
		);
	});
});
