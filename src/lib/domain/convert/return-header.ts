import { createTableSource } from '../csv/table-source';
import type { EncodingChoice } from '../encoding/detect-encoding';
import { yamatoReturnColumns } from '../headers/columns';
import { ProblemList } from '../problems/problem-list';

/** Bytes read to find the header: the 64 KiB encoding window and the header line fit with room. */
export const headerPeekSize = 1 << 18;

/** A return file's header as step d reads it: cells safe to show and the signature. */
export interface ReturnHeader {
	cells: string[];
	signature: string;
}

/**
 * The header of Yamato's return file as step d would read it, from its first 256 KiB; null when
 * the first record is a card row, holds a card number or does not end within them.
 */
export function peekReturnHeader(bytes: Uint8Array, encoding: EncodingChoice = 'auto'): ReturnHeader | null {
	const problems = new ProblemList();
	const source = createTableSource({ encoding, columns: yamatoReturnColumns, header: 'detect', problems }, () => {});
	source.push(bytes.subarray(0, headerPeekSize));
	if (bytes.length <= headerPeekSize) source.finish();
	const { headerCells, headerSignature } = source.state;
	if (!headerCells || !headerSignature) return null;
	return { cells: headerCells, signature: headerSignature };
}
