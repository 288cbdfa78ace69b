import type { HeaderRule } from '../failed-rows/header-rules';
import { expiredCountOf } from './expired-count';
import { createTableSource, type PlainLineSink } from '../csv/table-source';
import type { EncodingChoice } from '../encoding/detect-encoding';
import type { OutputEncoding } from '../encoding/encode-text';
import type { ChosenColumns } from '../headers/chosen-columns';
import { yamatoReturnColumns, type YamatoReturnField } from '../headers/columns';
import { ProblemList } from '../problems/problem-list';
import { customerIdOfFailedRow } from '../report/reconcile';
import { baseReport, isCardNumberRefusal, type FileReport } from '../report/report';
import { checkCardRow, emptyCardFacts, type CardRuleContext } from '../rules/card-row';
import { CustomerTally, type CustomerRows } from '../rules/customer-tally';
import { isYymmOnly, tokyoMonthIndex, type ExpiryOrder } from '../rules/expiry';
import { customerIdLookup, type CustomerIdSet } from '../rules/id-lookup';
import { defaultCustomerIdPattern, statelessPattern } from '../rules/patterns';
import { cardImportLine } from './card-import-line';
import { ExpiredCards, type ExpiredCard } from './expired-cards';
import { addMultiCardWarnings } from './multi-card-warnings';
import { OutputBytes } from './output-bytes';
import { asciiRowEnd, asciiText } from './plain-bytes';
import { readPlainCardBytes, readPlainCardLine, type PlainCardLine } from './plain-card-line';
import { brandParams, expiredParams, expiryRepairParams, tailParams, trimmedParams } from './repair-params';
import { emptyWarnedCardLine, readWarnedCardBytes } from './warned-card-bytes';

/** How Yamato's return file (step d) is told to have a header: the rule its reader uses, and its failed-rows download. */
export const yamatoReturnHeaderRule = { mode: 'detect' as const, columns: yamatoReturnColumns } satisfies HeaderRule;

/** Options of step d (see SPEC "Core API"); `header` is whether the output has a header row. */
export interface YamatoReturnOptions {
	encoding?: EncodingChoice;
	outputEncoding?: OutputEncoding;
	header?: boolean;
	expiryOrder?: ExpiryOrder;
	/** The store's customers: every returned ID must be one of them. */
	customerIds?: CustomerIdSet;
	customerIdPattern?: RegExp;
	today?: Date;
	/** Column 1 of the output, from settings 利用サービス. */
	service?: string;
	/** The customers sent to Yamato (the linkage CSV's): gives `notReturnedCustomerIds`. */
	sentCustomerIds?: Iterable<string>;
	/**
	 * Hears how far `finish` has come in its one long part, the search for `sentCustomerIds` not
	 * returned (the lookup of the returned IDs, two passes over them, then a pass over the sent IDs),
	 * every 4096 IDs: `done` of `of`, units IDs (`of` counts the sent IDs only when given as an
	 * array). A million sent IDs took 90–330 ms here with no news on the bar (issue 14).
	 */
	onFinishProgress?: (done: number, of: number) => void;
	/**
	 * The operator's columns (1-based, 0 for none), overriding what the header names; fields left
	 * out keep the detected column. A required field without a column, or moved past the first
	 * record's last cell, refuses the file (`missing-column`).
	 */
	columns?: ChosenColumns<YamatoReturnField>;
	/** True: the first record is the header even when it names fewer than two known columns. */
	firstRowIsHeader?: boolean;
	/**
	 * Receives the output as it is written, in views of one reused buffer valid only during the
	 * call (copy what you keep): `push` and `finish` then give empty output (`finish` still null
	 * for a refused file: drop all output then). Spares the garbage collector a million-row file's
	 * output in fresh arrays.
	 */
	onOutput?: (bytes: Uint8Array) => void;
	/** False turns off the shortcut for plain lines (tests hold both roads to the same result). */
	usePlainLineShortcut?: boolean;
	maxProblems?: number;
	/**
	 * False: the report's problems come without their Japanese `message` (absent), for a caller that
	 * keeps `code` + `params` only and renders messages from them (step d's job: history records,
	 * pages of problems and the problem list all render through `problemText`). Default true (SPEC
	 * "Core API": `report.problems` carry `message`).
	 */
	problemMessages?: boolean;
}

/** The groups the wizard reconciles beside the conversion. */
export interface Reconciliation {
	/** Built when first read (an enumerable getter, like `returnedCustomerIds`); `expiredCardCount` (expired-count.ts) counts them without. */
	expiredCards: ExpiredCard[];
	multiCardCustomers: CustomerRows[];
	/** Returned IDs (matching the pattern) that the loaded customer list lacks. */
	unknownCustomerIds: CustomerRows[];
	/**
	 * Every returned ID that matches the pattern, once (store-shaped IDs sorted). Built when first
	 * read (a million strings cost time): an enumerable getter, so JSON and structured clone see it.
	 */
	returnedCustomerIds: string[];
	/** Sent customers (option `sentCustomerIds`) that the file does not hold, in sent order. */
	notReturnedCustomerIds?: string[];
}

/** The report of step d. */
export interface YamatoReturnReport extends FileReport<YamatoReturnField> {
	/** Cells of the first record. */
	columnCount: number;
	/** The first record's cells, safe to show, when it is the header or looks like one (see README). */
	headerCells?: string[];
	/** What identifies this kind of file (with `headerCells`): key of a saved mapping. */
	headerSignature?: string;
	suggestedExpiryOrder?: 'MMYY';
	reconciliation: Reconciliation;
}

/** A streaming step d: push bytes, get output bytes for the rows that passed so far. */
export interface YamatoReturnConverter {
	push(bytes: Uint8Array): Uint8Array;
	/** The last output bytes and the report; output null means the file is refused: drop all output. */
	finish(): { output: Uint8Array | null; report: YamatoReturnReport };
}

/** Creates a streaming converter of Yamato's return file into the 9-column card import file. */
export function createYamatoReturnConverter(options: YamatoReturnOptions = {}): YamatoReturnConverter {
	const problems = new ProblemList(options.maxProblems, options.problemMessages ?? true);
	const outputEncoding = options.outputEncoding ?? 'shift_jis';
	const service = options.service ?? 'YAMATO';
	const expiryOrder = options.expiryOrder ?? 'YYMM';
	const tally = new CustomerTally();
	const unknown = new CustomerTally();
	const expiredCards = new ExpiredCards();
	// Customers of rows that came back but failed before the rules read them (cells missing, shifted):
	// returned all the same. Rare rows, so a plain set beside the tally.
	const failedReturned = new Set<string>();
	const idPattern = statelessPattern(options.customerIdPattern ?? defaultCustomerIdPattern);
	let ctx: CardRuleContext | null = null;
	let pendingHeader = options.header ?? true;
	let hasOutput = false;
	let written = 0;
	let yymmOnly = 0;
	const out = new OutputBytes(outputEncoding, service, options.onOutput);
	// Written values pass ASCII-only patterns, except a customer ID under a pattern of the user's.
	const isAsciiOutput = /^[\x20-\x7e]*$/.test(service) && !options.customerIdPattern;

	const context = (): CardRuleContext => ({
		columns: source.state.mapping,
		expiryOrder,
		customerIdPattern: statelessPattern(options.customerIdPattern ?? defaultCustomerIdPattern),
		customerIds: options.customerIds && customerIdLookup(options.customerIds),
		todayMonth: tokyoMonthIndex(options.today ?? new Date()),
		problems,
		facts: emptyCardFacts()
	});
	// The output starts (BOM, header row) with its first row, or at the end when it has a header.
	const begin = () => {
		if (hasOutput) return;
		hasOutput = true;
		out.start(pendingHeader);
		pendingHeader = false;
	};
	const plain: PlainCardLine = { customerKey: 0, brandEnd: 0, isYymmOnly: false, expired: -1 };
	let canTakePlainLines = false;
	// A plain line of an expired card: the warning and the reconciliation entry `checkCardRow` and
	// `onData` give it (the customer's ID and the expiry are ASCII digits the shortcut has read).
	const noteExpired = (row: number, line: PlainCardLine) => {
		problems.add('card-expired', row, ctx!.columns.expiry, expiredParams(line.expired));
		expiredCards.addKey(row, line.customerKey, line.expired);
	};
	const onData = (row: number, cells: string[] | null, raw: string) => {
		if (ctx === null) {
			ctx = context();
			const m = ctx.columns;
			const isSpecOrder = m.customerId === 1 && m.last3 === 2 && m.brand === 3 && m.expiry === 4 && m.token === 5;
			const isPlainSetting = !options.customerIdPattern && expiryOrder === 'YYMM';
			canTakePlainLines = isSpecOrder && isPlainSetting && options.usePlainLineShortcut !== false;
		}
		if (cells === null && canTakePlainLines && readPlainCardLine(raw, ctx.todayMonth, plain)) {
			if (!ctx.customerIds || ctx.customerIds.hasKey(plain.customerKey)) {
				tally.addKey(plain.customerKey, row);
				if (plain.expired >= 0) noteExpired(row, plain);
				if (plain.isYymmOnly) yymmOnly++;
				begin();
				out.text(`${service},${raw.slice(0, plain.brandEnd)},,,0${raw.slice(plain.brandEnd)}\r\n`, isAsciiOutput);
				written++;
				return;
			}
		}
		rulesRow(row, cells ?? raw.split(','));
	};
	// A row no shortcut takes: every card rule reads it.
	const rulesRow = (row: number, fields: string[]) => {
		const card = checkCardRow(fields, row, ctx!);
		const facts = ctx!.facts;
		if (facts.customerId !== null) {
			tally.add(facts.customerId, row);
			if (facts.isUnknownCustomer) unknown.add(facts.customerId, row);
		}
		if (facts.isExpired) {
			expiredCards.addText(row, facts.customerId ?? '', facts.expiryDigits ?? '');
		}
		if (facts.expiryDigits !== null && isYymmOnly(facts.expiryDigits)) yymmOnly++;
		if (card === null) {
			source.state.failedRows.push(row);
			return;
		}
		begin();
		out.text(cardImportLine(service, card), isAsciiOutput);
		written++;
	};
	// The same shortcut on the bytes of a line, before it is decoded (see `PlainLineSink`). Its own
	// record: lines before it may go the general way between its read and its write.
	const plainLine: PlainCardLine = { customerKey: 0, brandEnd: 0, isYymmOnly: false, expired: -1 };
	let plainBytes: Uint8Array = new Uint8Array(0);
	let plainStart = 0;
	let plainEnd = 0;
	// True when the line last read is no plain card line but a row of five ASCII cells the rules
	// read (a warning to give, a repair, an error): `onData` gets its text as the CSV reader would
	// hand it over, without the decoder and the reader (1M rows with 20 % warned: the decoder, the
	// reader and the plain rows after each warned one, which went the general way with it, took more
	// than half the time).
	let plainNeedsRules = false;
	// True when the line last read is a warned row `readWarnedCardBytes` took (into `warnedLine`).
	let plainIsWarned = false;
	const warnedLine = emptyWarnedCardLine();
	// A warned row: the problems `checkCardRow` adds for it, in its order, and its repaired line.
	const warnedRow = (row: number) => {
		const line = warnedLine;
		const columns = ctx!.columns;
		for (let column = 0; column < 5; column++) {
			if (line.trimmed & (1 << column)) problems.add('trimmed-spaces', row, column + 1, trimmedParams[column]);
		}
		if (line.tailDigits < 3) problems.add('tail-padded', row, columns.last3, tailParams(line.tail, line.tailDigits));
		if (!line.isBrandExact) problems.add('brand-normalized', row, columns.brand, brandParams(plainBytes, line.brandStart, line.brandEnd, line.brand));
		const repair = line.expiryDigits === 6 ? 'expiry-yyyymm' : line.expiryDigits === 3 ? 'expiry-padded' : null;
		if (repair) problems.add(repair, row, columns.expiry, expiryRepairParams(line.expiryValue, line.expiryDigits));
		const yymm = line.yymm;
		const year = (yymm / 100) | 0;
		if ((2000 + year) * 12 + (yymm % 100) - 1 < ctx!.todayMonth) {
			problems.add('card-expired', row, columns.expiry, expiredParams(yymm));
			expiredCards.addKey(row, line.customerKey, yymm);
		}
		tally.addKey(line.customerKey, row);
		if (year < 1 || year > 12) yymmOnly++;
		begin();
		out.warnedLine(plainBytes, line);
		written++;
	};
	const plainLines: PlainLineSink & { digitRunFrom: number } = {
		cells: yamatoReturnColumns.length,
		// A plain line's cells before the token (US- and 8 digits, 3 digits, a brand, 4 digits, each
		// ended by a comma) hold no run of 13 digits, and no run crosses their last comma: only the
		// token can hold a card number (SPEC "Refused outright").
		digitRunFrom: 0,
		read: (bytes, start, limit) => {
			if (!canTakePlainLines || ctx === null) return -1;
			let end = readPlainCardBytes(bytes, start, limit, ctx.todayMonth, plainLine);
			const ids = ctx.customerIds;
			plainNeedsRules = end < 0 || (ids !== undefined && !ids.hasKey(plainLine.customerKey));
			plainIsWarned = false;
			if (plainNeedsRules) {
				// A row that passes with warnings only is still read from its bytes (see `readWarnedCardBytes`).
				end = readWarnedCardBytes(bytes, start, limit, warnedLine);
				plainIsWarned = end >= 0 && (ids === undefined || ids.hasKey(warnedLine.customerKey));
				if (!plainIsWarned) end = asciiRowEnd(bytes, start, limit, yamatoReturnColumns.length - 1);
				if (end < 0) return -1;
				plainNeedsRules = !plainIsWarned;
			}
			plainBytes = bytes;
			plainStart = start;
			plainEnd = end;
			// A row that is not plain may hold digits anywhere: the card-number probe reads all of it.
			plainLines.digitRunFrom = plainNeedsRules || plainIsWarned ? start : plainLine.brandEnd + 6;
			return end;
		},
		write: (row) => {
			// The text of the bytes fails the shortcut as its bytes did: straight to the rules.
			if (plainNeedsRules) return rulesRow(row, asciiText(plainBytes, plainStart, plainEnd).split(','));
			if (plainIsWarned) return warnedRow(row);
			tally.addKey(plainLine.customerKey, row);
			if (plainLine.expired >= 0) noteExpired(row, plainLine);
			if (plainLine.isYymmOnly) yymmOnly++;
			begin();
			out.plainLine(plainBytes, plainStart, plainLine.brandEnd, plainEnd);
			written++;
		}
	};
	const source = createTableSource(
		{
			encoding: options.encoding,
			columns: yamatoReturnHeaderRule.columns,
			header: yamatoReturnHeaderRule.mode,
			problems,
			chosenColumns: options.columns,
			firstRowIsHeader: options.firstRowIsHeader,
			kind: 'yamato-return',
			plainLines: options.usePlainLineShortcut === false ? undefined : plainLines,
			onFailedRecord: (_row, fields, raw) => {
				const id = customerIdOfFailedRow(fields ?? raw.split(','), source.state.mapping.customerId, idPattern);
				if (id !== null) failedReturned.add(id);
			}
		},
		onData
	);
	const takeOutput = (isLast = false): Uint8Array => {
		const bytes = out.take(isLast);
		// A refused file has no output (its rows read so far are dropped with it).
		return source.state.refused ? new Uint8Array(0) : bytes;
	};

	return {
		push: (bytes) => {
			source.push(bytes);
			return takeOutput();
		},
		finish: () => {
			source.finish();
			if (pendingHeader) begin();
			const last = takeOutput(true);
			// A file refused for a card number reports nothing else from its rows.
			const isCardRefusal = isCardNumberRefusal(problems);
			if (isCardRefusal) expiredCards.clear();
			const multiCardCustomers = isCardRefusal ? [] : tally.repeated();
			addMultiCardWarnings(multiCardCustomers, problems, source.state.mapping.customerId);
			// The expired cards become objects when first read (first among the keys, as they always were).
			let expired: ExpiredCard[] | null = null;
			const reconciliation = Object.defineProperty({}, 'expiredCards', { enumerable: true, get: () => (expired ??= expiredCards.toArray()) }) as Reconciliation;
			expiredCountOf.set(reconciliation, expiredCards);
			Object.assign(reconciliation, { multiCardCustomers, unknownCustomerIds: isCardRefusal ? [] : unknown.all() });
			let returned: string[] | null = null;
			Object.defineProperty(reconciliation, 'returnedCustomerIds', {
				enumerable: true,
				get: () => (returned ??= isCardRefusal ? [] : returnedIds(tally, failedReturned))
			});
			if (options.sentCustomerIds) {
				reconciliation.notReturnedCustomerIds = [];
				reconciliation.notReturnedCustomerIds = notReturned(options.sentCustomerIds, tally, failedReturned, options.onFinishProgress);
			}
			const { columnCount = 0, headerCells, headerSignature } = source.state;
			// Onto the base report, not a spread of it: a spread would make its problems into objects now.
			const report: YamatoReturnReport = Object.assign(baseReport(source.state, problems, written), {
				columnCount,
				...(headerCells && { headerCells, headerSignature }),
				reconciliation
			});
			const looksMmyy = problems.counts.get('expiry-looks-mmyy') ?? 0;
			if (expiryOrder === 'YYMM' && looksMmyy > 0 && yymmOnly === 0) report.suggestedExpiryOrder = 'MMYY';
			return { output: source.state.refused ? null : last, report };
		}
	};
}

// Sent IDs between two progress calls of the search for those not returned, minus one (a mask).
const sentStride = 0xfff;

/**
 * The sent IDs neither the tally nor the failed rows hold, in sent order; `progress` (see
 * `onFinishProgress`) hears the tally's lookup being built, then the pass over `sent`.
 */
function notReturned(sent: Iterable<string>, tally: CustomerTally, failed: ReadonlySet<string>, progress?: (done: number, of: number) => void): string[] {
	const lookup = 2 * tally.keyCount;
	const of = lookup + (Array.isArray(sent) ? sent.length : 0);
	tally.prepareLookup(progress && ((done) => progress(done, of)));
	const missing: string[] = [];
	let i = 0;
	for (const id of sent) {
		if (progress && (i & sentStride) === 0) progress(lookup + i, of);
		i++;
		if (!tally.has(id) && !failed.has(id)) missing.push(id);
	}
	return missing;
}

// Every returned ID once: the rows the rules read (the tally's order), then the customers of rows that
// failed before the rules read them and stand on no other row.
function returnedIds(tally: CustomerTally, failed: ReadonlySet<string>): string[] {
	const ids = tally.uniqueIds();
	for (const id of failed) if (!tally.has(id)) ids.push(id);
	return ids;
}
