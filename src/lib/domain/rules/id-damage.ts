// SPEC "Spreadsheet damage": a spreadsheet shows a long number as `1.23457E+11` and a number
// with thousands separators as `1,234,567`; saved that way, the ID is lost for good (the digits
// past the sixth are gone, or the value no longer equals the record on the other side).
// Digits may be half- or full-width; the decimal mark a dot or a comma (European locales);
// the exponent's sign may be left out only after a decimal mark (`1.23457E11`, as some tools and
// hand edits write it), so an ID such as `12E3456` is not taken for damage. Thousands separators: `,` and its full-width (U+FF0C) and small
// (U+FE50) forms, in groups of three. A spreadsheet keeps 15 significant digits: a longer number
// it read comes back with every digit after the 15th turned to 0 (`1234567890123456789` →
// `1234567890123450000`), so an all-digit ID of 16 or more digits ending so is taken as rounded.
const digit = '[0-9\\uff10-\\uff19]';
const exponent = '[eEｅＥ]';
const sign = '[+\\-＋－]';
const scientific = new RegExp(`^[+\\-]?${digit}+(?:[.,．，]${digit}+${exponent}${sign}?|${exponent}${sign})${digit}+$`);
const thousands = new RegExp(`^${digit}{1,3}(?:[,\\uff0c\\ufe50]${digit}{3})+$`);

/** Which spreadsheet damage an ID shows. */
export type IdDamage = 'id-scientific-notation' | 'id-thousands-separator' | 'id-rounded';

const damageCodes: ReadonlySet<string> = new Set<IdDamage>(['id-scientific-notation', 'id-thousands-separator', 'id-rounded']);

/** True when `fault` is one of the spreadsheet damages (`idDamage`'s results). */
export function isIdDamage(fault: string | null): fault is IdDamage {
	return fault !== null && damageCodes.has(fault);
}

/** Significant digits a spreadsheet keeps of a number. */
const spreadsheetDigits = 15;

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
 * True when `id` is all digits (half- or full-width), 16 or more, and every digit after the 15th
 * is 0: the shape of a number a spreadsheet rounded to its 15 significant digits.
 */
function isRounded(id: string): boolean {
	if (id.length <= spreadsheetDigits) return false;
	for (let i = 0; i < id.length; i++) {
		const code = id.charCodeAt(i);
		if (i < spreadsheetDigits ? !isDigitCode(code) : code !== 48 && code !== 0xff10) return false;
	}
	return true;
}

/**
 * The spreadsheet damage of an ID (trimmed), or null: scientific notation (`1.23457E+11`,
 * `1,2E+5`, lower-case e), thousands separators (`1,234,567`, `１，２３４`) or rounding to 15
 * significant digits (`id-rounded`: 16 or more digits, all 0 after the 15th, as
 * `1234567890123450000`). SPEC "Spreadsheet damage". Cheap when the ID does not start like a
 * number, which is the usual case for the store's `US-` IDs.
 */
export function idDamage(id: string): IdDamage | null {
	const first = id.charCodeAt(0);
	if (!isDigitCode(first) && first !== 43 && first !== 45) return null;
	if (isRounded(id)) return 'id-rounded';
	if (!hasDamageMark(id)) return null;
	if (scientific.test(id)) return 'id-scientific-notation';
	if (thousands.test(id)) return 'id-thousands-separator';
	return null;
}
