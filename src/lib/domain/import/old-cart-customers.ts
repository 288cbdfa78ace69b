import type { HeaderRule } from '../failed-rows/header-rules';
import { createTableSource } from '../csv/table-source';
import { ownSlice } from '../csv/own-text';
import { cutPlainLine, plainCellStart } from '../csv/line-cells';
import { edgeSpaceKinds, isSpaceCode } from '../rules/spacing';
import type { EncodingChoice } from '../encoding/detect-encoding';
import { oldCartCustomerColumns, type OldCartCustomerField } from '../headers/columns';
import { ProblemList } from '../problems/problem-list';
import { baseReport, type FileReport } from '../report/report';
import { linkageIdFaultIn } from '../rules/id-check';
import { isIdDamage } from '../rules/id-damage';
import { shownDamagedId } from '../problems/display-value';
import { FirstRows } from '../rules/first-rows';
import { isEmailLikeIn, isPhoneLikeIn, isPostalCodeLike, isTokenShapedIn } from '../rules/contact-values';
import type { ProblemCode } from '../problems/problem';
import { readWholeFile } from './whole-file';

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
	 * Whether the values `readOldCartCustomers` hands to its sink are texts of their own (`ownSlice`,
	 * the default) or may be views of the file's decoded text, for a sink that copies what it keeps
	 * at once. (The register job's packer takes the values by their bounds instead:
	 * `readOldCartCustomerRanges`, where this does not apply.)
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
	return optionalFieldFaultIn(key, value, 0, value.length);
}

/**
 * `optionalFieldFault(key, text.slice(from, to))`, told in place: the reader asks it of each cell by
 * its bounds in the line, making no text per value.
 */
export function optionalFieldFaultIn(key: OldCartCustomerField, text: string, from: number, to: number): ProblemCode | null {
	if (to <= from) return null;
	switch (key) {
		case 'phone':
			return isPhoneLikeIn(text, from, to) ? null : 'bad-phone';
		case 'zip':
			return isPostalCodeLike(text.slice(from, to)) ? null : 'bad-postal-code';
		case 'email':
			return isEmailLikeIn(text, from, to) ? null : 'bad-email';
		case 'linkageId':
			return null;
		default:
			return isTokenShapedIn(text, from, to) ? 'looks-like-token' : null;
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
 * Receives one customer that passed by where its values stand, no text cut for it: value `k` in the
 * columns' order (`oldCartCustomerColumns`: 連携用ID, 氏名, カナ, メール, 電話, 郵便番号, 住所) is
 * `texts[k].slice(bounds[2k], bounds[2k + 1])`, trimmed ('' when absent). `texts` is a line of the
 * file's decoded text (or a quoted record's cells) and both arrays are reused: read them inside the call.
 */
export type OldCartCustomerRangeSink = (row: number, texts: readonly string[], bounds: Int32Array) => void;

// The fields in the columns' order: a row's values, and its problems, come in this order.
const fieldKeys: readonly OldCartCustomerField[] = oldCartCustomerColumns.map((column) => column.key);

/**
 * Creates a reader of the old cart's customers: 旧カートの顧客番号 (→ 連携用ID) is required and must
 * look like a 連携用ID; a number seen on an earlier row is an error (the first one is kept). An
 * optional value of the wrong shape (`optionalFieldFault`) is an error of its cell; such a row is
 * not registered. Each customer that passes goes to `keep` as it is read, its values texts of their
 * own (`ownSlice`: the registry keeps them for good) unless `ownValues` is false. A value quoted by a
 * problem is always its own text (the problem list outlives the file's text).
 */
export function readOldCartCustomers(options: OldCartCustomerOptions, keep: OldCartCustomerSink): OldCartCustomerReader {
	const cut = (options.ownValues ?? true) ? ownSlice : (text: string, from: number, to: number) => text.slice(from, to);
	return readOldCartCustomerRanges(options, (row, t, b) =>
		keep(row, cut(t[0], b[0], b[1]), cut(t[1], b[2], b[3]), cut(t[2], b[4], b[5]), cut(t[3], b[6], b[7]), cut(t[4], b[8], b[9]), cut(t[5], b[10], b[11]), cut(t[6], b[12], b[13]))
	);
}

/**
 * The reader of `readOldCartCustomers` (the same rules, rows and problems), handing each customer
 * that passes to `keep` by its values' bounds (`OldCartCustomerRangeSink`), for a sink that copies
 * what it keeps at once (the register job's packer): each value is read and checked where it
 * stands in the line, and no text is made for it (`ownValues` does not apply).
 */
export function readOldCartCustomerRanges(options: OldCartCustomerOptions, keep: OldCartCustomerRangeSink): OldCartCustomerReader {
	const problems = new ProblemList(options.maxProblems);
	const firstRows = new FirstRows();
	let accepted = 0;

	// The mapping's column of each field (0 when absent), and a plain line's cell bounds up to the
	// last column it reads (no array of cells per row); made again when the mapping changes.
	let mappedFor: Readonly<Record<OldCartCustomerField, number>> | null = null;
	const columnOf = new Int32Array(fieldKeys.length);
	let ownCuts = new Int32Array(1);
	// Reused for every row: where each value stands (see `OldCartCustomerRangeSink`).
	const texts: string[] = fieldKeys.map(() => '');
	const bounds = new Int32Array(2 * fieldKeys.length);

	const onData = (row: number, cells: string[] | null, line: string, lineCuts?: Int32Array | null) => {
		const m = source.state.mapping;
		if (m !== mappedFor) {
			mappedFor = m;
			for (let k = 0; k < fieldKeys.length; k++) columnOf[k] = m[fieldKeys[k]];
			ownCuts = new Int32Array(lastColumnOf(m) + 1);
		}
		// The source's cut of the line when it reaches every column read, else one of its own.
		let cuts: Int32Array = ownCuts;
		if (cells === null) {
			if (lineCuts && lineCuts.length >= ownCuts.length) cuts = lineCuts;
			else cutPlainLine(line, ownCuts, ownCuts.length - 1);
		}
		const errorsBefore = problems.errorCount;
		// Each cell trimmed in place (a warning when that changed it), then, for an optional one, its
		// shape checked: in the columns' order, so a row's problems come in column order.
		for (let k = 0; k < fieldKeys.length; k++) {
			const column = columnOf[k];
			let text: string;
			let start: number;
			let end: number;
			if (cells === null) {
				text = line;
				start = plainCellStart(cuts, column);
				end = start < 0 ? start : cuts[column];
			} else {
				text = column > 0 ? (cells[column - 1] ?? '') : '';
				start = 0;
				end = text.length;
			}
			let from = start;
			let to = end;
			while (from < to && isSpaceCode(text.charCodeAt(from))) from++;
			while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
			if (from === to) {
				texts[k] = '';
				bounds[2 * k] = bounds[2 * k + 1] = 0;
				continue;
			}
			texts[k] = text;
			bounds[2 * k] = from;
			bounds[2 * k + 1] = to;
			const key = fieldKeys[k];
			if (to - from < end - start) problems.add('trimmed-spaces', row, column, { field: key, spaces: edgeSpaceKinds(text, start, end) });
			if (k === 0) continue;
			const fault = optionalFieldFaultIn(key, text, from, to);
			if (fault !== null) problems.add(fault, row, column, { field: key, value: ownSlice(text, from, to) });
		}
		const idText = texts[0];
		const idFrom = bounds[0];
		const idTo = bounds[1];
		if (idFrom === idTo) problems.add('missing-value', row, columnOf[0], { field: 'linkageId' });
		else {
			const fault = linkageIdFaultIn(idText, idFrom, idTo);
			if (fault !== null) {
				// A damaged number is quoted whole (shownDamagedId); any other value through the mask.
				const value = ownSlice(idText, idFrom, idTo);
				problems.add(fault, row, columnOf[0], { field: 'linkageId', value: isIdDamage(fault) ? shownDamagedId(value) : value });
			} else {
				const first = firstRows.firstOrKeep(idText, idFrom, idTo, row);
				if (first !== undefined) problems.add('duplicate-linkage-id', row, columnOf[0], { value: ownSlice(idText, idFrom, idTo), rows: String(first) });
			}
		}
		if (problems.errorCount > errorsBefore) {
			source.state.failedRows.push(row);
			return;
		}
		keep(row, texts, bounds);
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
	return readWholeFile(input, createOldCartCustomerParser(options), 'customers');
}
