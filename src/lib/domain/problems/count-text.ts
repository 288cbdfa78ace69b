import type { ProblemCode, ProblemParams } from './problem';

/**
 * The params of a problem that are counts of problems (never a row or column number, never cell text):
 * shown with thousands separators in every language (house style, STYLE.md: "100,001件" / "100,001").
 */
export const countParamsOf: Readonly<Partial<Record<ProblemCode, ReadonlySet<string>>>> = {
	'too-many-problems': new Set(['count', 'limit', 'errors', 'warnings'])
};

const wholeNumber = /^\d+$/;
const groups = /\B(?=(\d{3})+(?!\d))/g;

/**
 * A whole count with a comma every three digits ("100001" → "100,001"), the same in Japanese and
 * English; any other value (already grouped, not a whole number) as it is.
 */
export function groupedCount(value: ProblemParams[string]): string {
	const text = String(value);
	return wholeNumber.test(text) ? text.replace(groups, ',') : text;
}
