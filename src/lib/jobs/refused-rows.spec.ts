import { describe, expect, it } from 'vitest';
import { cardImportHeader } from '$lib/domain';
import { fakePorts, fakeStore } from './fake-ports';
import { importCards } from './import-cards';
import { registerCustomers } from './register-customers';
import type { UploadJob } from './upload-types';

// 顧客データ取り込み履歴's 行数 of a refused upload (operator trial: a customer file without a header,
// two lines, showed 行数 1: its first line was taken for the header it lacks). The entry counts the
// data rows the file holds — a header row (of any kind of file) not counted, a first line that names
// no column counted — and says the same as the result box and the bell, for every way a file is refused.

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string) => {
	const bytes = [0xff, 0xfe];
	for (let i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
	return Uint8Array.from(bytes);
};
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);
const binary = Uint8Array.from([0, 1, 2, 3, 0, 0, 0xff, 0x10, 0, 7, 0, 0, 0, 0, 9, 0]);

const customersHeader = '旧カートの顧客番号,氏名,メールアドレス';
const cardsHeader = cardImportHeader.join(',');
const cardLine = (customer: string) => `YAMATO,${customer},111,VISA,,,0,2912,AbCdEf0123456789xyZ1`;
const returnHeader = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';
const lines = (...rows: string[]) => utf8(rows.join('\r\n') + '\r\n');

type Kind = 'customers' | 'cards';

/** [case, upload, file bytes, the refusal's code, data rows the file holds]. */
const refused: [string, Kind, Uint8Array, string, number][] = [
	['no header row, two lines', 'customers', lines('C1,山田,a@example.jp', 'C2,佐藤,b@example.jp'), 'missing-header', 2],
	['no header row, one line', 'customers', lines('C1,山田,a@example.jp'), 'missing-header', 1],
	['a header without the 連携用ID column', 'customers', lines('氏名,メールアドレス', '山田,a@example.jp', '佐藤,b@example.jp'), 'missing-header', 2],
	['a header only', 'customers', lines(customersHeader), 'header-only', 0],
	['an empty file', 'customers', new Uint8Array(0), 'empty-file', 0],
	['blank lines only', 'customers', utf8('\r\n\r\n'), 'empty-file', 0],
	['UTF-16', 'customers', utf16(`${customersHeader}\r\nC1,山田,a@example.jp\r\n`), 'utf-16-file', 0],
	['an image', 'customers', png, 'png-file', 0],
	['an Excel workbook', 'customers', zip, 'zip-file', 0],
	['binary bytes', 'customers', binary, 'binary-file', 0],
	['a full card number', 'customers', lines(customersHeader, 'C1,山田,a@example.jp', 'C9,4111111111111111,', 'C3,鈴木,c@example.jp'), 'card-number-found', 3],
	['a card import file', 'customers', lines(cardsHeader, cardLine('US-00010000'), cardLine('US-00010001')), 'looks-like-card-file', 2],
	['Yamato\'s return file', 'customers', lines(returnHeader, 'US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1'), 'looks-like-return-file', 1],
	['a header naming too few columns', 'cards', lines('決済代行会社,顧客ID', cardLine('US-00010000'), cardLine('US-00010001')), 'missing-column', 2],
	['a header only', 'cards', lines(cardsHeader), 'header-only', 0],
	['an empty file', 'cards', new Uint8Array(0), 'empty-file', 0],
	['UTF-16', 'cards', utf16(`${cardsHeader}\r\n${cardLine('US-00010000')}\r\n`), 'utf-16-file', 0],
	['an image', 'cards', png, 'png-file', 0],
	['binary bytes', 'cards', binary, 'binary-file', 0],
	['a full card number', 'cards', lines(cardsHeader, cardLine('US-00010000'), 'YAMATO,US-00010001,111,VISA,,,0,2912,4111111111111111'), 'card-number-found', 2],
	['a customer file', 'cards', lines(customersHeader, 'C1,山田,a@example.jp', 'C2,佐藤,b@example.jp'), 'looks-like-customer-file', 2],
	['Yamato\'s return file', 'cards', lines(returnHeader, 'US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1', 'US-00010001,111,VISA,2912,QwErTy9876543210abC2'), 'looks-like-return-file', 2]
];

const job = (kind: Kind) =>
	({ kind, fileName: `${kind}.csv`, encoding: 'auto', errorsBlockImport: false, settings: { service: 'YAMATO', availability: 'visible' } }) as UploadJob;

describe('a refused upload counts the rows its file holds, in the history entry as in the result', () => {
	it.each(refused)('%s (%s)', async (_name, kind, bytes, code, rows) => {
		const store = fakeStore();
		const file = new Blob([bytes as BlobPart]);
		const run = kind === 'customers' ? registerCustomers(file, job(kind) as UploadJob & { kind: 'customers' }, fakePorts(store)) : importCards(file, job(kind) as UploadJob & { kind: 'cards' }, fakePorts(store));
		const { report, outcome } = await run;
		expect(report.status).toBe('refused');
		// One reason (missing-column: one per column the header lacks), never a second refusal beside it.
		expect([...new Set(report.reasons.map((reason) => reason.code))]).toEqual([code]);
		expect(report.rows).toBe(rows);
		expect(outcome.rows).toBe(rows);
		expect(store.entries.get(report.historyId)).toMatchObject({ status: 'refused', rows });
	});
});
