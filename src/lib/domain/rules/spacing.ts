// SPEC "Repairs shown as warnings": a space here is any Unicode white space, a no-break or
// zero-width space, or a stray BOM character. One class, used for trimming values, for loose
// header names and for the spaces no ID or token may hold.
//
// | code points              | what                                                      |
// |--------------------------|-----------------------------------------------------------|
// | U+0009–U+000D, U+0020    | tab, line breaks, form feed, ASCII space                   |
// | U+0085                   | next line (NEL)                                            |
// | U+00A0, U+2007, U+202F   | no-break spaces (plain, figure, narrow)                    |
// | U+1680, U+2000–U+200A    | ogham space, the typographic spaces (en, em, thin, hair…)  |
// | U+2028, U+2029           | line and paragraph separators                              |
// | U+205F, U+3000           | mathematical space, ideographic (full-width) space         |
// | U+180E                   | Mongolian vowel separator (white space until Unicode 6.3)  |
// | U+200B–U+200D, U+2060    | zero-width space, non-joiner, joiner; word joiner          |
// | U+FEFF                   | BOM / zero-width no-break space                            |

/** The class above as the body of a regex character class (for `[...]` and `[^...]`). */
export const spaceClassSource = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u180e\\u2000-\\u200d\\u2028\\u2029\\u202f\\u205f\\u2060\\u3000\\ufeff';

/** True when the UTF-16 code unit `code` is in the space class of SPEC (table above). */
export function isSpaceCode(code: number): boolean {
	if (code <= 0x20) return code === 0x20 || (code >= 9 && code <= 13);
	if (code < 0x85) return false;
	if (code === 0x85 || code === 0xa0 || code === 0x1680 || code === 0x180e) return true;
	if (code < 0x2000) return false;
	if (code <= 0x200d) return true;
	return (
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x202f ||
		code === 0x205f ||
		code === 0x2060 ||
		code === 0x3000 ||
		code === 0xfeff
	);
}

/** `value` without spaces of the class at either end; the same string when there are none. */
export function trimSpaces(value: string): string {
	let end = value.length;
	if (end === 0) return value;
	let start = 0;
	if (!isSpaceCode(value.charCodeAt(0)) && !isSpaceCode(value.charCodeAt(end - 1))) return value;
	while (start < end && isSpaceCode(value.charCodeAt(start))) start++;
	while (end > start && isSpaceCode(value.charCodeAt(end - 1))) end--;
	return value.slice(start, end);
}

/** True when `value` holds a space of the class anywhere (call it on a trimmed value: inside). */
export function hasSpace(value: string): boolean {
	for (let i = 0; i < value.length; i++) if (isSpaceCode(value.charCodeAt(i))) return true;
	return false;
}

/** True when every character of `value` is a space of the class (or it is empty). */
export function isAllSpace(value: string): boolean {
	for (let i = 0; i < value.length; i++) if (!isSpaceCode(value.charCodeAt(i))) return false;
	return true;
}

/** The kinds of space a trimming warning names (SPEC "Repairs shown as warnings"), in this order. */
export const spaceKinds = ['space', 'ideographic', 'no-break', 'zero-width', 'bom', 'tab', 'line-break', 'other'] as const;
export type SpaceKind = (typeof spaceKinds)[number];

/** The kind of the space-class code unit `code` (see the table above). */
export function spaceKindOf(code: number): SpaceKind {
	if (code === 0x20) return 'space';
	if (code === 0x3000) return 'ideographic';
	if (code === 0xa0) return 'no-break';
	if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0x180e) return 'zero-width';
	if (code === 0xfeff) return 'bom';
	if (code === 9) return 'tab';
	if ((code >= 10 && code <= 13) || code === 0x85 || code === 0x2028 || code === 0x2029) return 'line-break';
	return 'other';
}

/**
 * The kinds of the spaces at the edges of `text[start, end)` (what trimming removes), comma-joined
 * in `spaceKinds` order (`'no-break'`, `'space,no-break'`), or '' when there are none: the
 * `spaces` param of `trimmed-spaces`. Only asked of a value that was trimmed, so never per cell.
 */
export function edgeSpaceKinds(text: string, start = 0, end = text.length): string {
	let found = 0;
	let from = start;
	while (from < end && isSpaceCode(text.charCodeAt(from))) found |= 1 << spaceKinds.indexOf(spaceKindOf(text.charCodeAt(from++)));
	let to = end;
	while (to > from && isSpaceCode(text.charCodeAt(to - 1))) found |= 1 << spaceKinds.indexOf(spaceKindOf(text.charCodeAt(--to)));
	return spaceKinds.filter((_, i) => found & (1 << i)).join(',');
}
