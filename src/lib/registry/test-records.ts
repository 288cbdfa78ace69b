import type { CardRecord } from '$lib/domain/records/card';
import { allocCardColumns, writeCardRecord, type CardColumns } from '$lib/domain/records/card-bytes';
import {
	emptyCustomerColumns,
	pushCustomer,
	type CustomerColumns,
	type CustomerRecord
} from '$lib/domain/records/customer';

/** Test helper: customer columns from partial records (blank fields otherwise). */
export function customerColumns(customers: (Partial<CustomerRecord> & { linkageId: string })[]): CustomerColumns {
	const columns = emptyCustomerColumns();
	for (const customer of customers) {
		pushCustomer(columns, { name: '', kana: '', email: '', phone: '', zip: '', address: '', ...customer });
	}
	return columns;
}

/** Test helper: customer columns for `count` customers numbered from `from` (連携用ID `C<n>`). */
export function numberedCustomers(count: number, from = 0): CustomerColumns {
	return customerColumns(Array.from({ length: count }, (_, i) => ({ linkageId: `C${from + i}`, name: `顧客${from + i}` })));
}

/** Test helper: a card's fingerprint made of one repeated hex digit. */
export function fingerprintOf(digit: string): string {
	return digit.repeat(64);
}

/** Test helper: typed card columns from partial records (given as texts). */
export function cardColumns(cards: (Partial<CardRecord> & { customerSeq: number })[]): CardColumns {
	const columns = allocCardColumns(cards.length);
	cards.forEach((card, at) => {
		if (!writeCardRecord(columns, at, { brand: 'VISA', tail: '123', expiry: '2912', fingerprint: fingerprintOf('a'), tokenLast4: 'WXYZ', ...card })) throw new Error('invalid card record');
	});
	return columns;
}

/** Test helper: the 32 bytes of a hex fingerprint (`fingerprintOf`, `sha256HexSync`). */
export function fingerprintBytes(hex: string): Uint8Array {
	return Uint8Array.from({ length: 32 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}
