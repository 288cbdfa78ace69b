import { isShiftJisEncodable, type OutputEncoding } from '../encoding/encode-text';
import { displayValue } from '../problems/display-value';
import type { ProblemList } from '../problems/problem-list';
import { CustomerTally, formatRows } from '../rules/customer-tally';
import { describeCustomerIdPattern, linkageIdPattern, matchesCustomerId } from '../rules/patterns';

/** One customer of the list: its store ID and the old cart's number (連携用ID, '' when none). */
export interface LinkageRecord {
	row: number;
	customerId: string;
	linkageId: string;
}

/** Where the two values stand in the input, for the problems' columns. */
export interface LinkageColumns {
	customerId: number;
	linkageId: number;
}

function rowsBy(
	records: readonly LinkageRecord[],
	key: (record: LinkageRecord) => string
): Map<string, number[]> {
	const map = new Map<string, number[]>();
	for (const record of records) {
		const value = key(record);
		if (value === '') continue;
		const rows = map.get(value);
		if (rows) rows.push(record.row);
		else map.set(value, [record.row]);
	}
	return map;
}

// For each row that shares its value with other rows: all the rows of that value.
function duplicatesOf(groups: Iterable<number[]>): Map<number, number[]> {
	const byRow = new Map<number, number[]>();
	for (const rows of groups) if (rows.length > 1) for (const row of rows) byRow.set(row, rows);
	return byRow;
}

/**
 * Applies the rules of step c and returns the records to write, in list order: no 連携用ID is a
 * warning (not written); a 連携用ID or customer ID on several rows is an error on each of them.
 */
export function linkRows(
	records: readonly LinkageRecord[],
	columns: LinkageColumns,
	problems: ProblemList,
	options: { customerIdPattern: RegExp; outputEncoding: OutputEncoding; failedRows: number[] }
): LinkageRecord[] {
	const customers = new CustomerTally();
	for (const record of records) if (record.customerId !== '') customers.add(record.customerId, record.row);
	const sameCustomer = duplicatesOf(customers.repeated().map((customer) => customer.rows));
	const sameLinkage = duplicatesOf(rowsBy(records, (record) => record.linkageId).values());
	const written: LinkageRecord[] = [];
	for (const { row, customerId, linkageId } of records) {
		const before = problems.errorCount;
		const add = (code: Parameters<ProblemList['add']>[0], field: 'customerId' | 'linkageId', params: object) =>
			problems.add(code, row, columns[field], { field, ...params });
		const id = displayValue(customerId);
		if (customerId === '') add('missing-value', 'customerId', {});
		else if (!matchesCustomerId(customerId, options.customerIdPattern)) {
			const expected = describeCustomerIdPattern(options.customerIdPattern);
			add('bad-customer-id', 'customerId', { value: id, expected });
		}
		const others = (rows: number[]) => formatRows(rows.filter((r) => r !== row));
		const customerRows = sameCustomer.get(row);
		if (customerRows) add('duplicate-customer-id', 'customerId', { value: id, rows: others(customerRows) });
		if (linkageId === '') {
			if (problems.errorCount === before) add('no-linkage-id', 'linkageId', { value: id });
			else options.failedRows.push(row);
			continue;
		}
		const link = displayValue(linkageId);
		if (!linkageIdPattern.test(linkageId)) add('bad-linkage-id', 'linkageId', { value: link });
		else if (options.outputEncoding === 'shift_jis' && !isShiftJisEncodable(linkageId)) {
			add('not-encodable', 'linkageId', { value: link });
		}
		const linkageRows = sameLinkage.get(row);
		if (linkageRows) add('duplicate-linkage-id', 'linkageId', { value: link, rows: others(linkageRows) });
		if (problems.errorCount === before) written.push({ row, customerId, linkageId });
		else options.failedRows.push(row);
	}
	return written;
}
