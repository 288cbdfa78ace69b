import { sha256HexSync } from '../hash/sha256-sync';
import { displayValue } from '../problems/display-value';
import { normalizeHeader } from './normalize-header';

const twoDigits = /[0-9０-９]{2}/;

/**
 * True when a record cannot be a card row and so reads as a header the app does not know: some
 * text, and no two digits in a row (every card row has a 3-digit tail and a 4-digit expiry).
 */
export function looksLikeHeader(cells: readonly string[]): boolean {
	return cells.some((cell) => cell.trim() !== '') && !cells.some((cell) => twoDigits.test(cell));
}

/** Header cells as the operator may see them (no long digit runs, no line breaks, 40 characters). */
export function displayHeaderCells(cells: readonly string[]): string[] {
	return cells.map(displayValue);
}

/** What identifies a kind of file: SHA-256 hex of its loose header names in order, trailing blanks left out. */
export function headerSignature(cells: readonly string[]): string {
	const names = cells.map(normalizeHeader);
	while (names.length > 0 && names[names.length - 1] === '') names.pop();
	return sha256HexSync(names.join('\u001f'));
}
