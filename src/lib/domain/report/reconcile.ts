import { trimSpaces } from '../rules/patterns';

/** Customers sent to Yamato (in the linkage CSV) that its return file does not hold, in sent order. */
export function notReturnedCustomerIds(sent: Iterable<string>, returned: readonly string[]): string[] {
	const back = new Set(returned);
	const missing: string[] = [];
	for (const id of sent) if (!back.has(id)) missing.push(id);
	return missing;
}

/**
 * The customer ID of a data row that failed before its rules ran (cells missing, shifted right,
 * malformed, undecodable), or null: the trimmed cell of the mapped `column` (1-based) when it matches
 * `pattern`, else the cell one to its right (a value pushed in before it) or one to its left (a value
 * lost before it) that does. Such a row came back from Yamato: its customer is returned (SPEC
 * "Reconciliation"), whatever made it fail.
 */
export function customerIdOfFailedRow(cells: readonly string[], column: number, pattern: RegExp): string | null {
	for (const at of [column, column + 1, column - 1]) {
		if (at < 1 || at > cells.length) continue;
		const value = trimSpaces(cells[at - 1]);
		if (value !== '' && pattern.test(value)) return value;
	}
	return null;
}
