/**
 * The column a field of step d's mapping editor names: a whole number ≥ 1 (1-based), or 0 for
 * none. The wide-file editor's number fields hold what the operator typed (Svelte binds an empty
 * field as null): anything but a whole number ≥ 1 (empty, a fraction such as 2.5, a negative, text)
 * names no column, so the label shown, the missing-field check and the job all read it alike.
 */
export function columnNumberOf(value: unknown): number {
	const column = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof column === 'number' && Number.isSafeInteger(column) && column >= 1 ? column : 0;
}
