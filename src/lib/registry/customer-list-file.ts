import { csvText, encodeOutput, neutralizeFormula, type OutputEncoding } from '$lib/domain';
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

const rowsPerPart = 10_000;

/** The listed customers as a file for people (formulas neutralised), encoded part by part. */
export function customerListBlob(index: RegistryIndex, seqs: readonly number[], encoding: OutputEncoding): Blob {
	const parts: Uint8Array[] = [encodeOutput(csvText([customerListHeader], neutralizeFormula), encoding, true)];
	for (let start = 0; start < seqs.length; start += rowsPerPart) {
		const rows: string[][] = [];
		for (const seq of seqs.slice(start, start + rowsPerPart)) {
			const c = index.customerAt(seq);
			if (!c) continue;
			rows.push([c.id, c.linkageId, c.name, c.kana, c.email, c.phone, c.zip, c.address, String(index.cardsOf(seq).length)]);
		}
		parts.push(encodeOutput(csvText(rows, neutralizeFormula), encoding, false));
	}
	return new Blob(parts as BlobPart[], { type: 'text/csv' });
}
