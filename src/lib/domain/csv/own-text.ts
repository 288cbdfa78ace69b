/**
 * Texts that 13 characters or longer cut from another (`slice`, `split`) are kept by V8 as views
 * into it: one kept e-mail of a row keeps the whole decoded slice of the file it was read from
 * alive (1M customers: about 100 MB of text held by the registry's columns until the page goes).
 */
const viewMinLength = 13;
// Longer texts are copied by joining (rare among registered values).
const codesMaxLength = 256;
// One reused array of character codes per length (`String.fromCharCode.apply` reads its length).
const codesByLength: number[][] = [];

/**
 * `text` as a text of its own, equal to it: a value the registry keeps for good (a registered
 * customer's cells) is copied so it holds nothing of the file's text; a short one is returned as
 * it is (V8 copies those when cutting them). A text of Latin-1 characters (an e-mail address) is
 * made from its codes, one byte a character: a view of a file with Japanese in it is two.
 */
export function ownText(text: string): string {
	const length = text.length;
	if (length < viewMinLength) return text;
	if (length <= codesMaxLength) {
		const codes = (codesByLength[length] ??= new Array<number>(length).fill(0));
		let i = 0;
		for (; i < length; i++) {
			const code = text.charCodeAt(i);
			if (code > 0xff) break;
			codes[i] = code;
		}
		if (i === length) return String.fromCharCode.apply(null, codes);
	}
	// The joined text is flattened into a fresh string by the cut; the cut is a view of that copy only.
	return (' ' + text).slice(1);
}

/**
 * `text.slice(start, end)` as a text of its own (see `ownText`), made without cutting first: a
 * value of Latin-1 characters is built from its codes, one byte a character, whatever its length.
 * V8 copies a short cut of a text with Japanese in it (a 連携用ID, a phone number beside a name) as
 * two bytes a character: 1M customers' IDs and phones took 24 MB more so, and hashed slower.
 */
export function ownSlice(text: string, start: number, end: number): string {
	if (end > text.length) end = text.length;
	if (start < 0) start = 0;
	const length = end - start;
	if (length <= 0) return '';
	if (length <= codesMaxLength) {
		const codes = (codesByLength[length] ??= new Array<number>(length).fill(0));
		let i = 0;
		for (; i < length; i++) {
			const code = text.charCodeAt(start + i);
			if (code > 0xff) break;
			codes[i] = code;
		}
		if (i === length) return String.fromCharCode.apply(null, codes);
	}
	return ownText(text.slice(start, end));
}
