import { spaceClassSource } from './spacing';

export { trimSpaces } from './spacing';

/** A card token: a letter or digit, then printable ASCII without space, `,` or `"`. */
export const tokenPattern = /^[A-Za-z0-9][\x21\x23-\x2b\x2d-\x7e]*$/;

/** The store's customer ID by default: `US-` and 8 digits. */
export const defaultCustomerIdPattern = /^US-\d{8}$/;

/** A 連携用ID: a letter or digit, then no space (of SPEC's class, zero-width ones included), `,`, `"` or control character. */
export const linkageIdPattern = new RegExp(`^[\\p{L}\\p{N}][^${spaceClassSource},"\\p{Cc}]*$`, 'u');

/** A copy of `pattern` without the g and y flags, whose `lastIndex` would make `test` stateful. */
export function statelessPattern(pattern: RegExp): RegExp {
	if (!pattern.global && !pattern.sticky) return pattern;
	return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
}

/** True when `id` matches `pattern` (the default pattern is checked without a regex: it runs per row). */
export function matchesCustomerId(id: string, pattern: RegExp): boolean {
	if (pattern !== defaultCustomerIdPattern) return pattern.test(id);
	if (id.length !== 11 || !id.startsWith('US-')) return false;
	for (let i = 3; i < 11; i++) {
		const code = id.charCodeAt(i);
		if (code < 48 || code > 57) return false;
	}
	return true;
}

/** An ID of the default pattern, as messages give it for an example. */
export const defaultCustomerIdExample = 'US-00010000';

/**
 * What a customer ID should look like, as the `format` param of `bad-customer-id`: the pattern's
 * source (`^US-\d{8}$` by default), language-neutral. Each catalogue words it (`customerIdFormatJa`
 * in messages-ja.ts, its English mirror in i18n): the default one as `US-` and 8 digits with the
 * example, any other as the shop's own format.
 */
export function customerIdFormat(pattern: RegExp): string {
	return pattern.source;
}
