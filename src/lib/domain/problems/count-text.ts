/**
 * Params that hold a number which is not a count: a position (行番号 `row`, 列番号 `column`, the
 * column a duplicate header repeats `first`, a list item's `number` or `i`), a calendar part
 * (`year`, `month`) or a code. They stay as written (「12345行目」, 「2026年」); every other
 * numeric param — of a problem or of any catalogue message — is a count and is grouped. A param
 * given as text (cell values, IDs, row lists 「3、4」) is never a count, whatever its digits.
 */
export const notCountParams: ReadonlySet<string> = new Set(['row', 'column', 'first', 'number', 'i', 'year', 'month', 'code']);

/** True when the param `name` holding `value` is a count (`notCountParams`): written by `groupedCount`. */
export function isCountParam(name: string, value: string | number): value is number {
	return typeof value === 'number' && !notCountParams.has(name);
}

/**
 * A number as it is written wherever the param `name` shows — in a message and in a table cell
 * alike: a count grouped (`groupedCount`: 3002 rows → "3,002"), a position, calendar part or code
 * (`notCountParams`) as its plain digits (row 3002 → "3002", as 「3002行目」 / "Row 3002" write it).
 */
export function numberText(name: string, value: number): string {
	return isCountParam(name, value) ? groupedCount(value) : String(value);
}

const plainNumber = /^-?\d+(?:\.\d+)?$/;
const wholeDigits = /^-?\d+/;
const everyGroup = /\B(?=(\d{3})+(?!\d))/g;

/**
 * A number as every screen, message and download writes a count, the same in Japanese and English
 * (house style: 「100,001件」 / "100,001"): the whole part's digits grouped by three with commas,
 * the sign and any fraction as JavaScript writes them (50000 → "50,000", -1234.5 → "-1,234.5";
 * never rounded). A number JavaScript writes with an exponent (≥ 1e21, < 1e-6), NaN and Infinity
 * are as `String` writes them. For the non-negative whole numbers the app counts, this is what
 * `Intl.NumberFormat` writes in ja-JP and en-US alike.
 */
export function groupedCount(value: number): string {
	const text = String(value);
	// Whole numbers (every count) at once; most in messages are small (cells, columns, cards).
	if (Number.isSafeInteger(value)) return value < 1000 && value > -1000 ? text : text.replace(everyGroup, ',');
	if (!plainNumber.test(text)) return text;
	return text.replace(wholeDigits, (whole) => whole.replace(everyGroup, ','));
}
