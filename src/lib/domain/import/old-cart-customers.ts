import type { HeaderRule } from '../failed-rows/header-rules';
import { createTableSource } from '../csv/table-source';
import { ownSlice, ownText } from '../csv/own-text';
import { cutPlainLine, plainCellStart } from '../csv/line-cells';
import { edgeSpaceKinds, isSpaceCode } from '../rules/spacing';
import type { EncodingChoice } from '../encoding/detect-encoding';
import { oldCartCustomerColumns, type OldCartCustomerField } from '../headers/columns';
import { ProblemList } from '../problems/problem-list';
import { baseReport, type FileReport } from '../report/report';
import { linkageIdFault } from '../rules/id-check';
import { isIdDamage } from '../rules/id-damage';
import { shownDamagedId } from '../problems/display-value';
import { FirstRows } from '../rules/first-rows';
import { isEmailLike, isPhoneLike, isPostalCodeLike, isTokenShaped } from '../rules/contact-values';
import type { ProblemCode } from '../problems/problem';

/** How 顧客情報 (一括登録) is told to have a header: the rule its reader uses, and its failed-rows download. */
export const oldCartCustomerHeaderRule = { mode: 'required' as const, columns: oldCartCustomerColumns } satisfies HeaderRule;

/** A customer from the old cart (一括登録 › 顧客情報); optional values are '' when absent. */
export type OldCartCustomer = { row: number } & Record<OldCartCustomerField, string>;

/** The report of reading an old cart's customer file. */
export type OldCartCustomerReport = FileReport<OldCartCustomerField>;

/** Options of reading an old cart's customer file. */
export interface OldCartCustomerOptions {
	encoding?: EncodingChoice;
	maxProblems?: number;
	/**
	 * Whether the values handed to the sink are texts of their own (`ownSlice`, the default) or may be
	 * views of the file's decoded text, for a sink that copies what it keeps at once (the register
	 * job's packer): one copy per value instead of two.
	 */
	ownValues?: boolean;
}

/** A streaming reader of an old cart's customer file: push bytes, get the valid customers so far. */
export interface OldCartCustomerParser {
	push(bytes: Uint8Array): OldCartCustomer[];
	/** The last customers and the report; when `report.refused`, drop the customers handed out before too. */
	finish(): { customers: OldCartCustomer[]; report: OldCartCustomerReport };
}

/**
 * What an optional value must look like, or the code of its error: 電話番号 and 郵便番号 look like
 * phone and postal codes, メールアドレス like an e-mail address, and 氏名, カナ, 住所 must not be
 * token-shaped (a token in a shifted or header-less row). null when the value may be kept.
 */
export function optionalFieldFault(key: OldCartCustomerField, value: string): ProblemCode | null {
	if (value === '') return null;
	switch (key) {
		case 'phone':
			return isPhoneLike(value) ? null : 'bad-phone';
		case 'zip':
			return isPostalCodeLike(value) ? null : 'bad-postal-code';
		case 'email':
			return isEmailLike(value) ? null : 'bad-email';
		case 'linkageId':
			return null;
		default:
			return isTokenShaped(value) ? 'looks-like-token' : null;
	}
}

// The last column `mapping` reads (0 when none).
function lastColumnOf(mapping: Readonly<Record<string, number>>): number {
	let last = 0;
	for (const key in mapping) if (mapping[key] > last) last = mapping[key];
	return last;
}

/**
 * Receives one customer that passed, with its row and its values in the columns' order
 * (`oldCartCustomerColumns`; '' when absent): no object is made per row.
 */
export type OldCartCustomerSink = (
	row: number,
	linkageId: string,
	name: string,
	kana: string,
	email: string,
	phone: string,
	zip: string,
	address: string
) => void;

/** A streaming reader of an old cart's customer file that hands each customer that passes to a sink. */
export interface OldCartCustomerReader {
	push(bytes: Uint8Array): void;
	/** The report; when `report.refused`, every customer handed to the sink is to be dropped. */
	finish(): OldCartCustomerReport;
	/** True once the file is refused (known as soon as read; `finish` may still refuse it). */
	readonly refused: boolean;
}

/**
 * Creates a reader of the old cart's customers: 旧カートの顧客番号 (→ 連携用ID) is required and must
 * look like a 連携用ID; a number seen on an earlier row is an error (the first one is kept). An
 * optional value of the wrong shape (`optionalFieldFault`) is an error of its cell; such a row is
 * not registered. Each customer that passes goes to `keep` as it is read, its values texts of their
 * own (`ownSlice`: the registry keeps them for good) unless `ownValues` is false. A value quoted by a
 * problem is always its own text (the problem list outlives the file's text).
 */
export function readOldCartCustomers(options: OldCartCustomerOptions, keep: OldCartCustomerSink): OldCartCustomerReader {
	const problems = new ProblemList(options.maxProblems);
	const firstRows = new FirstRows();
	let accepted = 0;
	const isOwn = options.ownValues ?? true;

	// A plain line's cell bounds, up to the last column the mapping reads (no array of cells per row).
	let cutFor: Readonly<Record<OldCartCustomerField, number>> | null = null;
	let cuts = new Int32Array(1);

	const onData = (row: number, cells: string[] | null, line: string) => {
		const m = source.state.mapping;
		if (cells === null) {
			if (m !== cutFor) {
				cutFor = m;
				cuts = new Int32Array(lastColumnOf(m) + 1);
			}
			cutPlainLine(line, cuts, cuts.length - 1);
		}
		// The cell trimmed (a warning when that changed it), by its bounds in the line: no cut is made
		// but the value kept.
		const cell = (key: OldCartCustomerField) => {
			const column = m[key];
			const text = cells === null ? line : column > 0 ? (cells[column - 1] ?? '') : '';
			const start = cells === null ? plainCellStart(cuts, column) : 0;
			if (start < 0) return '';
			const end = cells === null ? cuts[column] : text.length;
			let from = start;
			let to = end;
			while (from < to && isSpaceCode(text.charCodeAt(from))) from++;
			while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
			if (from < to && to - from < end - start) problems.add('trimmed-spaces', row, column, { field: key, spaces: edgeSpaceKinds(text, start, end) });
			// Registered for good: a copy, so the registry does not hold the file's decoded text.
			return isOwn ? ownSlice(text, from, to) : text.slice(from, to);
		};
		const optional = (key: OldCartCustomerField) => {
			const value = cell(key);
			const fault = optionalFieldFault(key, value);
			if (fault !== null) problems.add(fault, row, m[key], { field: key, value: ownText(value) });
			return value;
		};
		const linkageId = cell('linkageId');
		const errorsBefore = problems.errorCount;
		// Read in the columns' order (`oldCartCustomerColumns`), so a row's problems come in column order.
		const name = optional('name');
		const kana = optional('kana');
		const email = optional('email');
		const phone = optional('phone');
		const zip = optional('zip');
		const address = optional('address');
		const first = firstRows.get(linkageId);
		const fault = linkageId === '' ? null : linkageIdFault(linkageId);
		if (linkageId === '') problems.add('missing-value', row, m.linkageId, { field: 'linkageId' });
		else if (fault !== null) {
			// A damaged number is quoted whole (shownDamagedId); any other value through the mask.
			const shown = isIdDamage(fault) ? shownDamagedId(ownText(linkageId)) : ownText(linkageId);
			problems.add(fault, row, m.linkageId, { field: 'linkageId', value: shown });
		}
		else if (first !== undefined) problems.add('duplicate-linkage-id', row, m.linkageId, { value: ownText(linkageId), rows: first });
		else firstRows.set(linkageId, row);
		if (problems.errorCount > errorsBefore) {
			source.state.failedRows.push(row);
			return;
		}
		keep(row, linkageId, name, kana, email, phone, zip, address);
		accepted++;
	};
	const source = createTableSource(
		{ encoding: options.encoding, columns: oldCartCustomerHeaderRule.columns, header: oldCartCustomerHeaderRule.mode, problems, kind: 'customers' },
		onData
	);
	return {
		push: (bytes) => source.push(bytes),
		finish: () => {
			source.finish();
			return baseReport(source.state, problems, accepted);
		},
		get refused() {
			return source.state.refused;
		}
	};
}

/**
 * Creates a reader of the old cart's customers (the rules of `readOldCartCustomers`) that hands
 * out the customers that passed as objects, after each push.
 */
export function createOldCartCustomerParser(options: OldCartCustomerOptions = {}): OldCartCustomerParser {
	let customers: OldCartCustomer[] = [];
	const reader = readOldCartCustomers(options, (row, linkageId, name, kana, email, phone, zip, address) => {
		customers.push({ row, linkageId, name, kana, email, phone, zip, address });
	});
	const take = () => {
		const taken = reader.refused ? [] : customers;
		customers = [];
		return taken;
	};
	return {
		push: (bytes) => {
			reader.push(bytes);
			return take();
		},
		finish: () => {
			const report = reader.finish();
			return { customers: take(), report };
		}
	};
}

/** Reads a whole old-cart customer file: the valid customers (none when refused) and the report. */
export function parseOldCartCustomers(
	input: Uint8Array,
	options: OldCartCustomerOptions = {}
): { customers: OldCartCustomer[]; report: OldCartCustomerReport } {
	const parser = createOldCartCustomerParser(options);
	const customers: OldCartCustomer[] = [];
	for (let offset = 0; offset < input.length; offset += 1 << 16) {
		for (const customer of parser.push(input.subarray(offset, offset + (1 << 16)))) customers.push(customer);
	}
	const last = parser.finish();
	if (last.report.refused) return { customers: [], report: last.report };
	for (const customer of last.customers) customers.push(customer);
	return { customers, report: last.report };
}
