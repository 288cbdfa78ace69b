/** Customers sent to Yamato (in the linkage CSV) that its return file does not hold, in sent order. */
export function notReturnedCustomerIds(sent: Iterable<string>, returned: readonly string[]): string[] {
	const back = new Set(returned);
	const missing: string[] = [];
	for (const id of sent) if (!back.has(id)) missing.push(id);
	return missing;
}
