import type { OutputEncoding } from '../encoding/encode-text';
import { unencodableChars } from '../encoding/unencodable';
import { shownCustomerId, shownDamagedId } from '../problems/display-value';
import type { ProblemCode } from '../problems/problem';
import type { ProblemList } from '../problems/problem-list';
import { CustomerTally, formatRows } from '../rules/customer-tally';
import { FirstRows } from '../rules/first-rows';
import { customerIdFault, linkageIdFault } from '../rules/id-check';
import { isIdDamage } from '../rules/id-damage';
import { customerIdFormat } from '../rules/patterns';

/** One customer of the list: its store ID and the old cart's number (連携用ID, '' when none). */
export interface LinkageRecord {
	row: number;
	customerId: string;
	linkageId: string;
}

/** The customers of a list, column by column (a million objects would keep the GC busy). */
export interface LinkageColumns {
	rows: number[];
	customerIds: string[];
	linkageIds: string[];
	/** Rows with a value right of the header's cells, by row (rare: a Map, not a column). */
	extraCells?: Map<number, ExtraCells>;
}

/** A row with a value right of the expected cells: where, and whether it has the shape of a shift. */
export interface ExtraCells {
	column: number;
	columns: number;
	looksShifted: boolean;
}

/** Where the two values stand in the input, for the problems' columns. */
export interface LinkageMapping {
	customerId: number;
	linkageId: number;
}

/**
 * For each row whose non-empty 連携用ID stands on other rows too: all the rows of that value, in
 * list order (SPEC step c: a 連携用ID on several rows is an error on each). `tick(i)` is called
 * before each item. The first row of each value is kept by `FirstRows` (a sorted run, and a Map only
 * for values out of order): a list in ascending order — a registry's, usually a file's — builds no
 * Map of a million values, whose growth rehashed half a million entries in one step while the bar
 * stood still (issue 14). The groups are those of one Map over every value.
 */
export function sharedLinkageRows(columns: LinkageColumns, tick: (i: number) => void): Map<number, number[]> {
	const firstRows = new FirstRows();
	const groups = new Map<string, number[]>();
	const { linkageIds, rows } = columns;
	for (let i = 0; i < linkageIds.length; i++) {
		tick(i);
		const value = linkageIds[i];
		if (value === '') continue;
		const row = rows[i];
		const first = firstRows.get(value);
		if (first === undefined) {
			firstRows.set(value, row);
			continue;
		}
		const group = groups.get(value);
		if (group) group.push(row);
		else groups.set(value, [first, row]);
	}
	return byRow(groups.values());
}

function sharedCustomerRows(columns: LinkageColumns, tick: (i: number) => void): Map<number, number[]> {
	const tally = new CustomerTally();
	columns.customerIds.forEach((id, i) => {
		tick(i);
		if (id !== '') tally.add(id, columns.rows[i]);
	});
	return byRow(tally.repeated().map((customer) => customer.rows));
}

function byRow(groups: Iterable<number[]>): Map<number, number[]> {
	const map = new Map<number, number[]>();
	for (const rows of groups) for (const row of rows) map.set(row, rows);
	return map;
}

/**
 * Applies the rules of step c and returns the indexes of the customers to write, in list order:
 * no 連携用ID is a warning (not written); a 連携用ID or customer ID on several rows is an error on
 * each of them (duplicates are counted over all rows with a value).
 */
export function linkRows(
	columns: LinkageColumns,
	mapping: LinkageMapping,
	problems: ProblemList,
	options: {
		customerIdPattern: RegExp;
		outputEncoding: OutputEncoding;
		failedRows: number[];
		/** Called every 4096 rows of each of its three passes (and at the end), in units of 3 × the rows. */
		onProgress?: (phase: 'link', done: number, of: number) => void;
	}
): number[] {
	const { onProgress } = options;
	const total = columns.rows.length;
	// Three passes over the rows, each a third of the phase: customer IDs, 連携用IDs, the rules.
	const tick = (pass: number) => (i: number) => {
		if (onProgress && (i & 4095) === 0) onProgress('link', pass * total + i, 3 * total);
	};
	const sameCustomer = sharedCustomerRows(columns, tick(0));
	const sameLinkage = sharedLinkageRows(columns, tick(1));
	const written: number[] = [];
	const checked = tick(2);
	// Step c's rules for row `i`: its problems added; true when it is written.
	const check = (i: number): boolean => {
		const row = columns.rows[i];
		const customerId = columns.customerIds[i];
		const linkageId = columns.linkageIds[i];
		const before = problems.errorCount;
		const add = (code: ProblemCode, field: 'customerId' | 'linkageId', params: object) =>
			problems.add(code, row, mapping[field], { field, ...params });
		const others = (rows: number[]) => formatRows(rows.filter((r) => r !== row));
		// A customer ID of the pattern is shown whole only in the default shape or when short (shownCustomerId); any other goes through the mask.
		const fault = customerId === '' ? null : customerIdFault(customerId, options.customerIdPattern);
		const id = customerId !== '' && fault === null ? shownCustomerId(customerId) : customerId;
		if (customerId === '') add('missing-value', 'customerId', {});
		else if (fault !== null) {
			const value = isIdDamage(fault) ? shownDamagedId(customerId) : customerId;
			add(fault, 'customerId', { value, format: customerIdFormat(options.customerIdPattern) });
		}
		const customerRows = sameCustomer.get(row);
		if (customerRows) add('duplicate-customer-id', 'customerId', { value: id, rows: others(customerRows) });
		if (linkageId === '') {
			if (problems.errorCount === before) add('no-linkage-id', 'linkageId', { value: id });
			return false;
		}
		const linkageFault = linkageIdFault(linkageId);
		// A damaged number is quoted whole (shownDamagedId); any other value through the mask.
		if (linkageFault !== null) add(linkageFault, 'linkageId', { value: isIdDamage(linkageFault) ? shownDamagedId(linkageId) : linkageId });
		else if (options.outputEncoding === 'shift_jis' && unencodableChars(linkageId) !== '') {
			add('not-encodable', 'linkageId', { value: unencodableChars(linkageId) });
		}
		const linkageRows = sameLinkage.get(row);
		if (linkageRows) add('duplicate-linkage-id', 'linkageId', { value: linkageId, rows: others(linkageRows) });
		return problems.errorCount === before;
	};
	for (let i = 0; i < columns.rows.length; i++) {
		checked(i);
		const row = columns.rows[i];
		const extra = columns.extraCells?.get(row);
		if (extra) problems.hold();
		const before = problems.errorCount;
		const isWritten = check(i);
		const hasFailed = problems.errorCount > before;
		// As in steps d and e: a failing row shifted right is one shifted-right error, not its field
		// errors (each of them comes of the shift); any other row with a value right of the header keeps
		// its problems, with an extra-cells warning. A row without a 連携用ID does not fail (new in the
		// store): beside a memo it keeps its warning, an empty cell being no proof of a shift there.
		if (extra && hasFailed && extra.looksShifted) {
			problems.replaceHeld('shifted-right', row, extra.column, { columns: extra.columns });
			options.failedRows.push(row);
			continue;
		}
		if (extra) {
			problems.commitHeld();
			problems.add('extra-cells', row, extra.column, { columns: extra.columns });
		}
		if (isWritten) written.push(i);
		else if (hasFailed) options.failedRows.push(row);
	}
	onProgress?.('link', 3 * total, 3 * total);
	return written;
}
