import { spaceClassSource } from '../rules/spacing';

// After NFKC every bracket variant is one of these ASCII or CJK forms.
const brackets = /[()[\]{}<>「」『』【】〔〕〈〉《》]/g;
const bracketed = /\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\}|<[^<>]*>|「[^」]*」|『[^』]*』|【[^】]*】|〔[^〕]*〕|〈[^〉]*〉|《[^》]*》/g;
// Spacing and joiners that people put into names at will: SPEC's spaces (zero-width ones and
// stray BOMs included, anywhere in the cell), _ - . ・ :
const filler = new RegExp(`[${spaceClassSource}_\\-.・:：‐－]`, 'g');

/** The loose form of a header name: NFKC, lower case, without spacing (SPEC's class), joiners or brackets. */
export function normalizeHeader(name: string): string {
	return name.normalize('NFKC').toLowerCase().replace(filler, '').replace(brackets, '');
}

/** The loose form with bracketed parts dropped (`有効期限(YYMM)` → `有効期限`), or null if none. */
export function normalizeHeaderWithoutNotes(name: string): string | null {
	const folded = name.normalize('NFKC');
	const stripped = folded.replace(bracketed, '');
	return stripped === folded ? null : normalizeHeader(stripped);
}
