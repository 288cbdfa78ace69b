import { sha256HexSync } from '../hash/sha256-sync';
import { displayValue, isLetterDigitMix, quoteCell, shownCustomerId } from '../problems/display-value';
import { hasLongDigitRun } from '../guard/card-number';
import { normalizeBrand } from '../rules/brand';
import { trimSpaces } from '../rules/patterns';
import { buildHeaderIndex, keyOfHeader, type ColumnSpec } from './match-header';
import { normalizeHeader } from './normalize-header';

const twoDigits = /[0-9０-９]{2}/;

/**
 * True when a record cannot be a card row and so reads as a header the app does not know: some
 * text, and no two digits in a row (every card row has a 3-digit tail and a 4-digit expiry).
 */
export function looksLikeHeader(cells: readonly string[]): boolean {
	return cells.some((cell) => cell.trim() !== '') && !cells.some((cell) => twoDigits.test(cell));
}

const indexes = new WeakMap<readonly ColumnSpec[], Map<string, string>>();

function indexOf(specs: readonly ColumnSpec[]): Map<string, string> {
	let index = indexes.get(specs);
	if (!index) indexes.set(specs, (index = buildHeaderIndex(specs)));
	return index;
}

/**
 * A cell a rule recognises as no secret, shown whole (no line breaks, 40 characters): a customer ID
 * of the default shape, or a card brand (an alias included); else null. A forced header row is a
 * data row, and its customer ID and brand are what tells the operator which column is which.
 */
function recognisedCell(cell: string): string | null {
	const value = trimSpaces(cell);
	const id = shownCustomerId(value);
	if (typeof id !== 'string') return id.text;
	if (normalizeBrand(value) !== null) return displayValue(value);
	// A name no rule knows but that no token has the shape of (SPEC "Privacy promise": a value may be
	// quoted when it is not a mix of letters and digits), such as a long header in words
	// (「お客様を識別するための顧客番号（必須項目）」): shown, cut to 40 characters, so the operator can
	// tell the columns apart when picking them (operator trial: every such column read "列1：****…須項目）").
	return !isLetterDigitMix(value) && !hasLongDigitRun(value) ? displayValue(value) : null;
}

/**
 * Header cells as the operator may see, store and remember them (SPEC "Privacy promise": a
 * forced header row is still a row of cells): a cell naming a column of `specs`, or a value a rule
 * recognises as no secret (a customer ID of the default shape, a card brand, a value of no token's
 * shape: no letter–digit mix, no long digit run), is shown whole (no line breaks, 40 characters); any
 * other goes through `quoteCell` (a token becomes `****…Ab12`).
 */
export function displayHeaderCells(cells: readonly string[], specs: readonly ColumnSpec[]): string[] {
	const index = indexOf(specs);
	return cells.map((cell) => (keyOfHeader(cell, index) !== null ? displayValue(cell) : (recognisedCell(cell) ?? quoteCell(cell))));
}

/** What identifies a kind of file: SHA-256 hex of its loose header names in order, trailing blanks left out. */
export function headerSignature(cells: readonly string[]): string {
	const names = cells.map(normalizeHeader);
	while (names.length > 0 && names[names.length - 1] === '') names.pop();
	return sha256HexSync(names.join('\u001f'));
}
