import { describe, expect, it } from 'vitest';
import { checkCardImportFile, createCardImportChecker, createOldCartCustomerParser, parseOldCartCustomers } from '$lib/domain';
import { importHeader, today, utf8 } from './helpers';

// The whole-file calls push 64 KiB slices through their streaming reader (`readWholeFile`): a file
// of several slices gives what the reader handed out over all of them, and nothing when a late
// slice refuses the file (the streaming rule: drop what was handed out before).
const rowCount = 5000;
const token = (n: number) => `AbCdEf${String(n).padStart(10, '0')}xyZ1`;
const customerIds = new Set(Array.from({ length: rowCount }, (_, n) => `US-${String(10_000_000 + n).padStart(8, '0')}`));
const cardFile = (last: string) =>
	utf8(`${importHeader}\r\n${[...customerIds].map((id, n) => `YAMATO,${id},111,VISA,,,0,2912,${token(n)}`).join('\r\n')}\r\n${last}\r\n`);
const customerFile = (last: string) => utf8(`連携用ID,氏名\r\n${Array.from({ length: rowCount }, (_, n) => `C${n},名前${n}`).join('\r\n')}\r\n${last}\r\n`);
// A full card number (Visa test number) in the file's last row refuses the whole file.
const cardNumber = '4111111111111111';

function streamed<T>(input: Uint8Array, reader: { push(bytes: Uint8Array): T[] }, finish: () => T[]): T[] {
	const items: T[] = [];
	for (let at = 0; at < input.length; at += 1000) items.push(...reader.push(input.subarray(at, at + 1000)));
	return [...items, ...finish()];
}

describe('whole-file calls over several 64 KiB slices', () => {
	it('step e: every card, as the streaming checker hands them out', () => {
		const input = cardFile('');
		expect(input.length).toBeGreaterThan(3 * 65536);
		const { cards, report } = checkCardImportFile(input, { today, customerIds });
		const checker = createCardImportChecker({ today, customerIds });
		expect(cards).toEqual(streamed(input, checker, () => checker.finish().cards));
		expect(cards).toHaveLength(rowCount);
		expect(report.refused).toBe(false);
	});

	it('step e: nothing when the last slice refuses the file', () => {
		const { cards, report } = checkCardImportFile(cardFile(`YAMATO,US-10000000,111,VISA,${cardNumber},,0,2912,${token(0)}`), { today, customerIds });
		expect(report.refused).toBe(true);
		expect(cards).toEqual([]);
	});

	it('一括登録 › 顧客情報: every customer, as the streaming parser hands them out', () => {
		const input = customerFile('');
		expect(input.length).toBeGreaterThan(65536);
		const { customers, report } = parseOldCartCustomers(input);
		const parser = createOldCartCustomerParser();
		expect(customers).toEqual(streamed(input, parser, () => parser.finish().customers));
		expect(customers).toHaveLength(rowCount);
		expect(report.refused).toBe(false);
	});

	it('一括登録 › 顧客情報: nothing when the last slice refuses the file', () => {
		const { customers, report } = parseOldCartCustomers(customerFile(`C${rowCount},${cardNumber}`));
		expect(report.refused).toBe(true);
		expect(customers).toEqual([]);
	});
});
