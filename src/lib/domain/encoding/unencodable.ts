import { encodeShiftJis } from './encode-text';

// Verdict per non-ASCII code point: does Shift_JIS (CP932, as encoding-japanese writes) hold it?
const verdicts = new Map<number, boolean>();
const QUESTION = 0x3f;

function isEncodable(codePoint: number): boolean {
	let verdict = verdicts.get(codePoint);
	if (verdict === undefined) {
		// Surrogates alone and characters outside the BMP have no CP932 code; the encoder writes `?`.
		const isLone = codePoint >= 0xd800 && codePoint <= 0xdfff;
		const bytes = isLone ? Uint8Array.of(QUESTION) : encodeShiftJis(String.fromCodePoint(codePoint));
		verdict = !(bytes.length === 1 && bytes[0] === QUESTION);
		verdicts.set(codePoint, verdict);
	}
	return verdict;
}

/**
 * The characters of `text` that Shift_JIS (CP932) cannot hold, each once, in order of first
 * appearance; '' when it can hold them all (the common case costs one scan of the text).
 */
export function unencodableChars(text: string): string {
	let i = 0;
	while (i < text.length && text.charCodeAt(i) < 0x80) i++;
	if (i === text.length) return '';
	let found = '';
	for (; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) continue;
		const codePoint = text.codePointAt(i)!;
		const char = String.fromCodePoint(codePoint);
		if (codePoint > 0xffff) i++;
		if (!isEncodable(codePoint) && !found.includes(char)) found += char;
	}
	return found;
}
