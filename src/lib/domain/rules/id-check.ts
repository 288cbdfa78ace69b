import { idDamage, type IdDamage } from './id-damage';
import { defaultCustomerIdPattern, linkageIdPattern, matchesCustomerId } from './patterns';
import { hasSpace } from './spacing';

/** What is wrong with an ID: a space inside it, spreadsheet damage, or the ID's own pattern. */
export type IdFault = 'space-inside-value' | IdDamage;

// A space inside (SPEC: never repaired) is named first, then spreadsheet damage.
function faultOf(id: string): IdFault | null {
	return hasSpace(id) ? 'space-inside-value' : idDamage(id);
}

/**
 * The fault of a trimmed customer ID, or null when it is fine: `space-inside-value`, an
 * `id-…` spreadsheet damage (SPEC "Spreadsheet damage"), else `bad-customer-id` when it does not
 * match `pattern`. The default pattern rules out spaces and damage, so its IDs cost one pass.
 */
export function customerIdFault(id: string, pattern: RegExp): IdFault | 'bad-customer-id' | null {
	const isMatch = matchesCustomerId(id, pattern);
	if (isMatch && pattern === defaultCustomerIdPattern) return null;
	return faultOf(id) ?? (isMatch ? null : 'bad-customer-id');
}

/**
 * True when `id` is an ASCII letter or digit, then printable ASCII other than space, `,` and `"`:
 * such an ID has no space of SPEC's class and matches `linkageIdPattern` (its common shape, as
 * `C0000001`, told with one walk instead of a space scan and the pattern's Unicode classes).
 */
function isPlainAsciiLinkageId(text: string, from = 0, to = text.length): boolean {
	if (to <= from) return false;
	const first = text.charCodeAt(from);
	if (!((first >= 0x30 && first <= 0x39) || (first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a))) return false;
	for (let i = from + 1; i < to; i++) {
		const code = text.charCodeAt(i);
		if (code <= 0x20 || code >= 0x7f || code === 0x22 || code === 0x2c) return false;
	}
	return true;
}

/** The fault of a trimmed 連携用ID (or old cart's customer number), or null: as `customerIdFault`, with `bad-linkage-id`. */
export function linkageIdFault(id: string): IdFault | 'bad-linkage-id' | null {
	if (isPlainAsciiLinkageId(id)) return idDamage(id);
	return faultOf(id) ?? (linkageIdPattern.test(id) ? null : 'bad-linkage-id');
}

/**
 * `linkageIdFault(text.slice(from, to))`, told in place for the common ID (printable ASCII opening
 * with a letter, as `C0000001`: no space, the pattern matched, and no spreadsheet damage, which
 * opens with a digit or a sign); any other is cut and asked as a text. The customer reader asks it
 * of a cell by its bounds in the line, making no text per row.
 */
export function linkageIdFaultIn(text: string, from: number, to: number): IdFault | 'bad-linkage-id' | null {
	const first = text.charCodeAt(from);
	const opensWithLetter = (first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a);
	if (opensWithLetter && isPlainAsciiLinkageId(text, from, to)) return null;
	return linkageIdFault(text.slice(from, to));
}
