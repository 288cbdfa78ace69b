import { emptyCardColumns, pushCard, type CardColumns, type CardRecord } from '$lib/domain/records/card';
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

/** Test helper: card columns from partial records. */
export function cardColumns(cards: (Partial<CardRecord> & { customerSeq: number })[]): CardColumns {
	const columns = emptyCardColumns();
	for (const card of cards) {
		pushCard(columns, { brand: 'VISA', tail: '123', expiry: '2912', fingerprint: fingerprintOf('a'), tokenLast4: 'WXYZ', ...card });
	}
	return columns;
}
