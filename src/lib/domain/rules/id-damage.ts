// SPEC "Spreadsheet damage": a spreadsheet shows a long number as `1.23457E+11` and a number
// with thousands separators as `1,234,567`; saved that way, the ID is lost for good (the digits
// past the sixth are gone, or the value no longer equals the record on the other side).
// Digits may be half- or full-width; the decimal mark a dot or a comma (European locales);
// the exponent's sign is required, as spreadsheets always write it, so an ID such as `12E3456`
// is not taken for damage. Thousands separators: `,` and its full-width (U+FF0C) and small
// (U+FE50) forms, in groups of three.
const digit = '[0-9\\uff10-\\uff19]';
const scientific = new RegExp(`^[+\\-]?${digit}+(?:[.,．，]${digit}+)?[eEｅＥ][+\\-＋－]${digit}+$`);
const thousands = new RegExp(`^${digit}{1,3}(?:[,\\uff0c\\ufe50]${digit}{3})+$`);

/** Which spreadsheet damage an ID shows. */
export type IdDamage = 'id-scientific-notation' | 'id-thousands-separator';

function isDigitCode(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

// An exponent letter or a comma form: without one, no damage shape can match.
function hasDamageMark(id: string): boolean {
	for (let i = 1; i < id.length; i++) {
		const code = id.charCodeAt(i);
		if (code === 69 || code === 101 || code === 44 || code === 0xff45 || code === 0xff25) return true;
		if (code === 0xff0c || code === 0xfe50) return true;
	}
	return false;
}

/**
 * The spreadsheet damage of an ID (trimmed), or null: scientific notation (`1.23457E+11`,
 * `1,2E+5`, lower-case e) or thousands separators (`1,234,567`, `１，２３４`). Cheap when the ID
 * does not start like a number, which is the usual case for the store's `US-` IDs.
 */
export function idDamage(id: string): IdDamage | null {
	const first = id.charCodeAt(0);
	if (!isDigitCode(first) && first !== 43 && first !== 45) return null;
	if (!hasDamageMark(id)) return null;
	if (scientific.test(id)) return 'id-scientific-notation';
	if (thousands.test(id)) return 'id-thousands-separator';
	return null;
}
