import { describe, expect, it } from 'vitest';
import { buildLinkageCsv, convertYamatoReturn, parseOldCartCustomers } from '$lib/domain';
import { fixture, today } from './helpers';

describe('shared fixtures convert byte for byte', () => {
	it('Yamato return file → card import file', () => {
		const { output, report } = convertYamatoReturn(fixture('yamato-return.sjis.csv'), { today });
		expect(output).toEqual(fixture('yamato-return.card-import.expected.sjis.csv'));
		expect(report).toMatchObject({ rows: 3, written: 3, failed: 0, encoding: 'shift_jis', hasHeader: true });
		expect(report.mapping).toEqual({ customerId: 1, last3: 2, brand: 3, expiry: 4, token: 5 });
		expect(report.problems).toEqual([]);
	});

	it('store customer list → linkage CSV, the customer without 連携用ID warned and left out', () => {
		const { output, report } = buildLinkageCsv(fixture('store-customer-list.sjis.csv'));
		expect(output).toEqual(fixture('store-customer-list.linkage.expected.sjis.csv'));
		expect(report).toMatchObject({ rows: 4, written: 3, failed: 0, encoding: 'shift_jis' });
		expect(report.problems.map((p) => [p.row, p.column, p.severity, p.code])).toEqual([
			[5, 2, 'warning', 'no-linkage-id']
		]);
		expect(report.customerIds).toEqual(['US-00010000', 'US-00010001', 'US-00010002', 'US-00010003']);
		expect(report.linkedCustomerIds).toEqual(['US-00010000', 'US-00010001', 'US-00010002']);
	});

	it('old cart customers (UTF-8 with BOM, 髙 and ①) read in file order', () => {
		const { customers, report } = parseOldCartCustomers(fixture('oldcart-customers.utf8bom.csv'));
		expect(report).toMatchObject({ rows: 4, written: 4, encoding: 'utf-8-bom', problems: [] });
		expect(customers.map((c) => c.linkageId)).toEqual(['C0001', 'C0002', 'C0003', 'C0004']);
		expect(customers[2].name).toBe('髙橋 一郎');
		expect(customers[3].name).toBe('渡邊 ①子');
		expect(customers[0]).toMatchObject({ kana: 'ヤマダ タロウ', email: 'taro@example.jp', phone: '0312345678' });
	});
});
