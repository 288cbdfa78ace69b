const COMMA = 44;
const QUOTE = 34;

/**
 * The 1-based column of a record's raw text (RFC 4180) that holds the character at `index`:
 * commas inside quotes do not count. An index past the text gives the last column.
 */
export function columnAt(raw: string, index: number): number {
	let column = 1;
	let isQuoted = false;
	const stop = Math.min(index, raw.length);
	for (let i = 0; i < stop; i++) {
		const code = raw.charCodeAt(i);
		if (code === QUOTE) isQuoted = !isQuoted;
		else if (code === COMMA && !isQuoted) column++;
	}
	return column;
}
