/** The slices a whole-file call pushes (any slicing gives the same items and report: streaming rule). */
const slice = 1 << 16;

/**
 * A streaming reader's whole-file call: `input` pushed in 64 KiB slices, then finished. Returns the
 * items (`key`: 'cards', 'customers') every push and the finish handed out, in order — none when
 * the report says the file is refused (the streaming rule, domain README: drop everything handed
 * out before) — and the report.
 */
export function readWholeFile<K extends string, T, R extends { refused: boolean }>(
	input: Uint8Array,
	reader: { push(bytes: Uint8Array): readonly T[]; finish(): { [name in K]: readonly T[] } & { report: R } },
	key: K
): { [name in K]: T[] } & { report: R } {
	const items: T[] = [];
	for (let offset = 0; offset < input.length; offset += slice) {
		for (const item of reader.push(input.subarray(offset, offset + slice))) items.push(item);
	}
	const last = reader.finish();
	if (last.report.refused) items.length = 0;
	else for (const item of last[key]) items.push(item);
	return { [key]: items, report: last.report } as { [name in K]: T[] } & { report: R };
}
