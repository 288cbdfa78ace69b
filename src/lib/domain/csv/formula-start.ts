import { encodeShiftJis } from '../encoding/encode-text';

/**
 * Characters a spreadsheet takes as the start of a formula (SPEC "CSV formula injection"):
 * `=`, `+`, `-`, `@`, tab, CR, LF, their full-width forms and U+2212 MINUS SIGN.
 */
export const formulaTriggers = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠', '−'] as const;

const asciiTriggers = new Set(formulaTriggers.filter((t) => t.charCodeAt(0) < 0x80).map((t) => t.charCodeAt(0)));
const triggerBytes = formulaTriggers.map((trigger) => encodeShiftJis(trigger));
// What the Shift_JIS encoder makes of each non-ASCII first character, judged once per character.
const verdicts = new Map<number, boolean>();

function startsWithBytes(bytes: Uint8Array, prefix: Uint8Array): boolean {
	if (bytes.length < prefix.length) return false;
	for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
	return true;
}

function encodesToTrigger(codePoint: number): boolean {
	const bytes = encodeShiftJis(String.fromCodePoint(codePoint));
	return formulaTriggers.some((trigger, i) => trigger.codePointAt(0) === codePoint || startsWithBytes(bytes, triggerBytes[i]));
}

/**
 * True when a spreadsheet would run `value` as a formula: it begins with a trigger, or with a
 * character that the Shift_JIS encoder (encoding-japanese, as files are written) turns into a
 * trigger's bytes — so the cell begins with a trigger once the file is decoded. The class comes
 * from the encoder itself, one look-up per distinct first character.
 */
export function isFormulaStart(value: string): boolean {
	if (value.length === 0) return false;
	const code = value.charCodeAt(0);
	if (code < 0x80) return asciiTriggers.has(code);
	const codePoint = value.codePointAt(0)!;
	let verdict = verdicts.get(codePoint);
	if (verdict === undefined) {
		verdict = encodesToTrigger(codePoint);
		verdicts.set(codePoint, verdict);
	}
	return verdict;
}
