import { csvText, encodeOutput, findUnencodableCells, neutralizeFormula, type OutputEncoding, type UnencodableCells } from '$lib/domain';
import type { RegistryIndex } from './registry-index';

/** The header of 「データダウンロード」: the store's two ID columns first, as the source names them. */
export const customerListHeader = [
	'サブスクストアの顧客ID',
	'旧カートの顧客番号(連携用ID)',
	'氏名',
	'氏名(カナ)',
	'メールアドレス',
	'電話番号',
	'郵便番号',
	'住所',
	'カード枚数'
];
// Field keys of the columns, for problem messages.
const fields = ['customerId', 'linkageId', 'name', 'kana', 'email', 'phone', 'zip', 'address', 'cards'];

const rowsPerPart = 10_000;

/** The list as written, or the cells Shift_JIS cannot hold (then nothing is written: no `?`). */
export type CustomerListFile = { file: Blob; unencodable: null } | { file: null; unencodable: UnencodableCells };

function* rowParts(index: RegistryIndex, seqs: readonly number[]): Generator<string[][]> {
	for (let start = 0; start < seqs.length; start += rowsPerPart) {
		const rows: string[][] = [];
		for (const seq of seqs.slice(start, start + rowsPerPart)) {
			const c = index.customerAt(seq);
			if (!c) continue;
			rows.push([c.id, c.linkageId, c.name, c.kana, c.email, c.phone, c.zip, c.address, String(index.cardCountOf(seq))]);
		}
		yield rows;
	}
}

// SPEC: a file for people in Shift_JIS never replaces a character silently.
function unencodableCells(index: RegistryIndex, seqs: readonly number[]): UnencodableCells | null {
	const found: UnencodableCells = { problems: [], count: 0 };
	let firstRow = 2;
	for (const rows of rowParts(index, seqs)) {
		const part = findUnencodableCells(rows, { fields, firstRow, maxProblems: 1000 - found.problems.length });
		found.problems.push(...part.problems.filter((p) => p.code === 'not-encodable'));
		found.count += part.count;
		firstRow += rows.length;
	}
	return found.count > 0 ? found : null;
}

/** The listed customers as a file for people (formulas neutralised), encoded part by part. */
export function customerListFile(index: RegistryIndex, seqs: readonly number[], encoding: OutputEncoding): CustomerListFile {
	const unencodable = encoding === 'shift_jis' ? unencodableCells(index, seqs) : null;
	if (unencodable) return { file: null, unencodable };
	const parts: Uint8Array[] = [encodeOutput(csvText([customerListHeader], neutralizeFormula), encoding, true)];
	for (const rows of rowParts(index, seqs)) parts.push(encodeOutput(csvText(rows, neutralizeFormula), encoding, false));
	return { file: new Blob(parts as BlobPart[], { type: 'text/csv' }), unencodable: null };
}
