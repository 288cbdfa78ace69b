import Encoding from 'encoding-japanese';
import { joinBytes } from '../bytes';

/** The encodings files are written in: Shift_JIS (CP932) for Japanese systems, or UTF-8 with BOM. */
export type OutputEncoding = 'shift_jis' | 'utf-8-bom';

const utf8 = new TextEncoder();
const nonAscii = /[^\x00-\x7f]+/g;
const utf8Bom = Uint8Array.of(0xef, 0xbb, 0xbf);

/** Shift_JIS (CP932) bytes of a text; characters outside CP932 become `?`. */
export function encodeShiftJis(text: string): Uint8Array {
	nonAscii.lastIndex = 0;
	if (!nonAscii.test(text)) return utf8.encode(text);
	// Only the non-ASCII runs go through encoding-japanese: it works on arrays, one slot a character.
	const parts: Uint8Array[] = [];
	let last = 0;
	nonAscii.lastIndex = 0;
	for (let match = nonAscii.exec(text); match; match = nonAscii.exec(text)) {
		if (match.index > last) parts.push(utf8.encode(text.slice(last, match.index)));
		const codes = Encoding.convert(Encoding.stringToCode(match[0]), { to: 'SJIS', from: 'UNICODE' });
		parts.push(Uint8Array.from(codes));
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push(utf8.encode(text.slice(last)));
	return joinBytes(parts);
}

/** True when every character of `text` has a Shift_JIS (CP932) code. */
export function isShiftJisEncodable(text: string): boolean {
	nonAscii.lastIndex = 0;
	if (!nonAscii.test(text)) return true;
	// encoding-japanese writes `?` for a character CP932 lacks: count them against the text's own.
	let questionBytes = 0;
	for (const byte of encodeShiftJis(text)) if (byte === 0x3f) questionBytes++;
	return questionBytes === text.split('?').length - 1;
}

/**
 * Bytes of a piece of output; `isFirst` adds the BOM that starts a UTF-8 file. A caller that
 * knows the text is ASCII says so: ASCII bytes are the same in both encodings.
 */
export function encodeOutput(
	text: string,
	encoding: OutputEncoding,
	isFirst = true,
	isAscii = false
): Uint8Array {
	if (encoding === 'shift_jis') return isAscii ? utf8.encode(text) : encodeShiftJis(text);
	const body = utf8.encode(text);
	return isFirst ? joinBytes([utf8Bom, body]) : body;
}

export { joinBytes };
