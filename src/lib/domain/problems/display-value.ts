import { containsCardNumber, hasLongDigitRun } from '../guard/card-number';
import { defaultCustomerIdPattern, matchesCustomerId } from '../rules/patterns';

const maxShown = 40;
const letter = /\p{L}/u;
const digit = /\p{Nd}/u;
const controls = /[\u0000-\u001f\u007f]/g;

/**
 * A value a rule recognised (a brand alias, a customer ID of the pattern, a known column name):
 * shown whole. The only way past `quoteCell` in a problem's params; see `ProblemList.add`.
 */
export class Recognised {
	constructor(readonly text: string) {}
}

/** Marks `text` as recognised by a rule, so a problem may quote it whole. */
export function recognised(text: string): Recognised {
	return new Recognised(text);
}

/** A recognised value made safe for a message: no long digit runs, no line breaks, at most 40 characters. */
export function displayValue(value: string): string {
	let shown = hasLongDigitRun(value) ? value.replace(/[0-9０-９]/g, '*') : value;
	shown = shown.replace(controls, ' ');
	return shown.length > maxShown ? `${shown.slice(0, maxShown)}…` : shown;
}

/** A token as it may be shown anywhere: `****` when 8 characters or fewer, else `****…` and its last 4. */
export function maskToken(token: string): string {
	// Short values keep nothing visible: four characters of eight would give half of it away.
	if (token.length <= 8) return '****';
	return `****…${token.slice(-4).replace(controls, ' ')}`;
}

/** True when `value` has both a letter and a digit (of any script or width): token-shaped. */
export function isLetterDigitMix(value: string): boolean {
	let hasLetter = false;
	let hasDigit = false;
	for (let i = 0; i < value.length && !(hasLetter && hasDigit); i++) {
		const code = value.charCodeAt(i);
		if (code < 0x80) {
			if (code >= 48 && code <= 57) hasDigit = true;
			else if ((code | 0x20) >= 97 && (code | 0x20) <= 122) hasLetter = true;
			continue;
		}
		const point = value.codePointAt(i)!;
		if (point > 0xffff) i++;
		const char = String.fromCodePoint(point);
		if (!hasLetter && letter.test(char)) hasLetter = true;
		else if (!hasDigit && digit.test(char)) hasDigit = true;
	}
	return hasLetter && hasDigit;
}

/**
 * A cell value as a problem, table, download, stored entry or saved mapping may quote it.
 * SPEC "Privacy promise": a problem quotes a cell value only when it is short and not
 * token-shaped; any other value is masked to its last 4. The privacy-safe reading: quoted as is
 * only with fewer than 8 characters, no mix of letters and digits and no long digit run; else
 * `maskToken` (`****`, or `****…` and the last 4 when longer than 8). A value a rule recognised
 * as no secret goes through `recognised` instead.
 */
export function quoteCell(value: string): string {
	// Fewer than 8 characters hold no long digit run (13 digits and more): that test is implied.
	if (value.length < 8 && !isLetterDigitMix(value)) return value.replace(controls, ' ');
	return maskToken(value);
}

/**
 * A customer ID a rule accepted (it matches the shop's `customerIdPattern`), as a problem quotes
 * it. A shop's own pattern may be permissive enough to let a token through, so matching it is not
 * enough to be shown whole: only an ID of the default shape (`US-` and 8 ASCII digits, SPEC
 * "Customer IDs") or a short one (fewer than 8 characters, no letter–digit mix) is recognised;
 * any other goes through `quoteCell` (SPEC "Privacy promise").
 */
export function shownCustomerId(id: string): Recognised | string {
	if (matchesCustomerId(id, defaultCustomerIdPattern)) return recognised(id);
	if (id.length < 8 && !isLetterDigitMix(id)) return recognised(displayValue(id));
	return quoteCell(id);
}

/**
 * An ID the spreadsheet-damage rule recognised (`idDamage`: scientific notation, thousands
 * separators, rounded to 15 digits), as a problem quotes it: whole (at most 40 characters), since
 * it is a damaged number, not a token (SPEC "Spreadsheet damage", "Privacy promise"). Should its
 * digits, marks left out, make a full card number (`4,111,111,111,111,111`), it goes through
 * `quoteCell` instead. Called on the error path only.
 */
export function shownDamagedId(id: string): Recognised | string {
	let digits = '';
	for (let i = 0; i < id.length; i++) {
		const code = id.charCodeAt(i);
		if ((code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19)) digits += id[i];
	}
	if (containsCardNumber(digits)) return quoteCell(id);
	return recognised(id.length > maxShown ? `${id.slice(0, maxShown)}…` : id);
}
