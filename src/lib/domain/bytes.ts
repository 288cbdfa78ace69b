/** Joins byte chunks into one array (the chunk itself when there is only one). */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
	if (parts.length === 1) return parts[0];
	let length = 0;
	for (const part of parts) length += part.length;
	const all = new Uint8Array(length);
	let offset = 0;
	for (const part of parts) {
		all.set(part, offset);
		offset += part.length;
	}
	return all;
}
