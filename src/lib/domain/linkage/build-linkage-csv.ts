import { edgeSpaceKinds } from '../rules/spacing';
import type { HeaderRule } from '../failed-rows/header-rules';
import { createTableSource, type TableState } from '../csv/table-source';
import type { EncodingChoice } from '../encoding/detect-encoding';
import { encodeOutput, joinBytes, type OutputEncoding } from '../encoding/encode-text';
import { containsCardNumber } from '../guard/card-number';
import { customerListColumns, type CustomerListField } from '../headers/columns';
import { defaultMapping } from '../headers/match-header';
import { ProblemList } from '../problems/problem-list';
import { baseReport, isCardNumberRefusal, type FileReport } from '../report/report';
import { defaultCustomerIdPattern, matchesCustomerId, statelessPattern, trimSpaces } from '../rules/patterns';
import { linkRows, type LinkageColumns } from './link-rows';

/** How the store's customer list (step b) is told to have a header: the rule its reader uses, and its failed-rows download. */
export const customerListHeaderRule = { mode: 'required' as const, columns: customerListColumns } satisfies HeaderRule;

/** Options of step c (SPEC "Core API"); `header` is whether the output has a header row. */
export interface LinkageOptions {
	encoding?: EncodingChoice;
	outputEncoding?: OutputEncoding;
	header?: boolean;
	customerIdPattern?: RegExp;
	maxProblems?: number;
	/**
	 * How far the build is, for a progress bar: `phase` 'read' (bytes of the list parsed, or customers
	 * of the registry taken), 'link' (rows checked), then 'write' (the rows' customer IDs taken, then
	 * the rows of the CSV written and encoded a part at a time), `done`
	 * of `of`; called every 64 KB or 4096 rows, so a million-row list keeps moving (issue 14).
	 */
	onProgress?: (phase: LinkagePhase, done: number, of: number) => void;
	/**
	 * Rows of the CSV encoded at once (default 65,536): a million rows' text encoded whole held the
	 * bar for seconds. Tests pass a few rows to reach the parts' boundaries on small lists.
	 */
	partRows?: number;
}

/** The phases of a linkage build, in order, as `onProgress` names them. */
export type LinkagePhase = 'read' | 'link' | 'write';

// Rows between two progress calls, minus one (a mask).
const progressStride = 4095;
// Rows of the CSV encoded at once, unless the options say otherwise.
const defaultPartRows = 1 << 16;

/** The report of step c, with what step d needs to reconcile against. */
export interface LinkageReport extends FileReport<CustomerListField> {
	/** Every customer ID of the list that matches the pattern, in list order (the store's customers, for step d's check). */
	customerIds: string[];
	/** The customer IDs written to the linkage CSV, in order: the customers sent to Yamato. */
	linkedCustomerIds: string[];
}

/** The header row of the linkage CSV. */
export const linkageHeader = ['旧カートの顧客番号(連携用ID)', 'サブスクストアの顧客ID'] as const;

function finishLinkage(
	columns: LinkageColumns,
	state: TableState<CustomerListField>,
	problems: ProblemList,
	options: LinkageOptions
): { output: Uint8Array | null; report: LinkageReport } {
	const outputEncoding = options.outputEncoding ?? 'shift_jis';
	const customerIdPattern = statelessPattern(options.customerIdPattern ?? defaultCustomerIdPattern);
	const written = state.refused
		? []
		: linkRows(columns, state.mapping, problems, { customerIdPattern, outputEncoding, failedRows: state.failedRows, onProgress: options.onProgress });
	state.failedRows.sort((a, b) => a - b);
	// 'write' counts two passes over the rows: taking the customer IDs, then writing the CSV.
	const rows = columns.customerIds.length;
	const writeUnits = rows + written.length;
	// A file refused for a card number reports nothing else from its rows; otherwise only IDs of
	// the pattern: any other value of that column may be anything, a token included.
	const customerIds: string[] = [];
	if (!isCardNumberRefusal(problems)) {
		for (let i = 0; i < rows; i++) {
			if ((i & progressStride) === 0) options.onProgress?.('write', i, writeUnits);
			const id = columns.customerIds[i];
			if (id !== '' && matchesCustomerId(id, customerIdPattern)) customerIds.push(id);
		}
	}
	const linkedCustomerIds = written.map((i) => columns.customerIds[i]);
	const report = { ...baseReport(state, problems, written.length), customerIds, linkedCustomerIds };
	if (state.refused) return { output: null, report };
	// The text is encoded a part at a time (rows of ASCII line ends between parts, so the bytes are
	// those of the whole text): a million rows' text encoded at once held the bar for seconds.
	const parts: Uint8Array[] = [];
	let text = options.header === false ? '' : `${linkageHeader.join(',')}\r\n`;
	const flush = () => {
		if (text !== '' || parts.length === 0) parts.push(encodeOutput(text, outputEncoding, parts.length === 0));
		text = '';
	};
	const partRows = Math.max(1, Math.floor(options.partRows ?? defaultPartRows));
	let partLeft = partRows;
	for (let k = 0; k < written.length; k++) {
		if ((k & progressStride) === 0) options.onProgress?.('write', rows + k, writeUnits);
		if (partLeft-- === 0) {
			flush();
			partLeft = partRows - 1;
		}
		const i = written[k];
		text += `${columns.linkageIds[i]},${columns.customerIds[i]}\r\n`;
	}
	flush();
	options.onProgress?.('write', writeUnits, writeUnits);
	const output = parts.length === 1 ? parts[0] : joinBytes(parts);
	return { output: options.header === false && written.length === 0 ? new Uint8Array(0) : output, report };
}

/** A streaming build of step c: the list's bytes in any slicing, then the CSV and its report. */
export interface LinkageBuilder {
	/** Reads the next bytes of the list, in file order; the builder copies what it keeps (`bytes` may be reused). */
	push(bytes: Uint8Array): void;
	/** Ends the list: the CSV (null when refused) and the report, as `buildLinkageCsv` of all the bytes pushed. */
	finish(): { output: Uint8Array | null; report: LinkageReport };
}

/**
 * Step c read as a stream (issue 14: the list is never whole in memory): the same decoding (BOM,
 * UTF-8 vs Shift_JIS judgement, bytes that stop decoding half-way; SPEC "File formats") and the same
 * output, byte for byte, as `buildLinkageCsv` of the whole file, however the bytes are sliced.
 * `onProgress` is called for 'link' and 'write' only: the caller knows how far the bytes are.
 */
export function createLinkageBuilder(options: LinkageOptions = {}): LinkageBuilder {
	const problems = new ProblemList(options.maxProblems);
	const columns: LinkageColumns = { rows: [], customerIds: [], linkageIds: [], extraCells: new Map() };
	const take = (fields: string[], column: number, row: number, field: CustomerListField) => {
		const raw = column > 0 ? (fields[column - 1] ?? '') : '';
		const value = trimSpaces(raw);
		if (value !== raw && value !== '') problems.add('trimmed-spaces', row, column, { field, spaces: edgeSpaceKinds(raw) });
		return value;
	};
	const source = createTableSource(
		{
			encoding: options.encoding,
			columns: customerListHeaderRule.columns,
			header: customerListHeaderRule.mode,
			problems,
			kind: 'customer-list',
			// The rules run once the list is read: they decide between extra-cells and shifted-right.
			onExtraCells: (row, column, expected, looksShifted) => columns.extraCells!.set(row, { column, columns: expected, looksShifted })
		},
		(row, cells, raw) => {
			const fields = cells ?? raw.split(',');
			const { customerId, linkageId } = source.state.mapping;
			columns.rows.push(row);
			columns.customerIds.push(take(fields, customerId, row, 'customerId'));
			columns.linkageIds.push(take(fields, linkageId, row, 'linkageId'));
		}
	);
	return {
		push: (bytes) => source.push(bytes),
		finish: () => {
			source.finish();
			return finishLinkage(columns, source.state, problems, options);
		}
	};
}

/** Step c: the store's 顧客一覧 download → the two-column linkage CSV for Yamato; null when refused. */
export function buildLinkageCsv(
	input: Uint8Array,
	options: LinkageOptions = {}
): { output: Uint8Array | null; report: LinkageReport } {
	const builder = createLinkageBuilder(options);
	for (let offset = 0; offset < input.length; offset += readPiece) {
		options.onProgress?.('read', offset, input.length);
		builder.push(input.subarray(offset, offset + readPiece));
	}
	options.onProgress?.('read', input.length, input.length);
	return builder.finish();
}

// Bytes of the list read between two progress calls.
const readPiece = 1 << 16;

/** Step c from the local registry: the same rules and output as `buildLinkageCsv`, without bytes. */
export function buildLinkageCsvFromRecords(
	customers: readonly { customerId: string; linkageId?: string; row?: number }[],
	options: Omit<LinkageOptions, 'encoding'> = {}
): { output: Uint8Array | null; report: LinkageReport } {
	const problems = new ProblemList(options.maxProblems);
	const state: TableState<CustomerListField> = {
		encoding: 'utf-8',
		hasHeader: false,
		mapping: defaultMapping(customerListColumns),
		rows: customers.length,
		failedRows: [],
		refused: false
	};
	const columns: LinkageColumns = { rows: [], customerIds: [], linkageIds: [] };
	customers.forEach((customer, i) => {
		if ((i & progressStride) === 0) options.onProgress?.('read', i, customers.length);
		const row = customer.row ?? i + 1;
		const customerId = trimSpaces(customer.customerId);
		const linkageId = trimSpaces(customer.linkageId ?? '');
		columns.rows.push(row);
		columns.customerIds.push(customerId);
		columns.linkageIds.push(linkageId);
		// The registry was guarded on the way in; checking again costs little and keeps the promise.
		const column = containsCardNumber(customerId) ? 1 : containsCardNumber(linkageId) ? 2 : 0;
		if (column > 0) {
			state.refused = true;
			problems.add('card-number-found', row, column);
		}
	});
	options.onProgress?.('read', customers.length, customers.length);
	if (customers.length === 0) {
		state.refused = true;
		problems.add('empty-file', 0, 0);
	}
	return finishLinkage(columns, state, problems, options);
}
