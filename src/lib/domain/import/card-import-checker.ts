import { edgeSpaceKinds } from '../rules/spacing';
import type { HeaderRule } from '../failed-rows/header-rules';
import { createTableSource } from '../csv/table-source';
import type { EncodingChoice } from '../encoding/detect-encoding';
import { cardImportColumns, type CardImportField } from '../headers/columns';
import { ProblemList } from '../problems/problem-list';
import { baseReport, isCardNumberRefusal, type FileReport } from '../report/report';
import { checkCardRow, emptyCardFacts, type CardRow, type CardRuleContext } from '../rules/card-row';
import { CustomerTally, type CustomerRows } from '../rules/customer-tally';
import { tokyoMonthIndex } from '../rules/expiry';
import { customerIdLookup, type CustomerIdSet } from '../rules/id-lookup';
import { defaultCustomerIdPattern, statelessPattern, trimSpaces } from '../rules/patterns';
import { addMultiCardWarnings } from '../convert/multi-card-warnings';
import type { PlainLineSink } from '../csv/table-source';
import { readPlainImportBytes, type PlainImportCard, type PlainImportLine } from './plain-import-line';
import { readWholeFile } from './whole-file';

export type { PlainImportCard } from './plain-import-line';

/** How the card import file (step e) is told to have a header: the rule its reader uses, and its failed-rows download. */
export const cardImportHeaderRule = { mode: 'detect' as const, columns: cardImportColumns } satisfies HeaderRule;

/** Options of step e. `customerIds` is the registry: every card's customer must be in it. */
export interface CardImportOptions {
	encoding?: EncodingChoice;
	/** The configured 利用サービス and 利用可否; import is refused unless YAMATO and in use. */
	settings?: { service: string; availability: string };
	customerIds?: CustomerIdSet;
	customerIdPattern?: RegExp;
	today?: Date;
	maxProblems?: number;
	/**
	 * True: plain lines (see `plain-import-line.ts`) come out as `PlainImportCard`s read from their
	 * bytes, in file order among the `CardRow`s of the other lines; false (default): every card is a `CardRow`.
	 */
	plainCards?: boolean;
	/**
	 * Each card as it passes, in file order, instead of in the arrays `push` and `finish` return
	 * (then empty): no object or array per card (issue 14: a million cards gathered per push were
	 * ~95 MB of young objects). A plain card is one object reused for every plain line: read it
	 * before returning. When `finish` says the file is refused, drop the cards given here too.
	 * Returning true says the card is skipped, being its customer's already (registered, or earlier
	 * in the file): it is no second card of that customer (`multiple-cards`).
	 */
	onCard?: (card: CheckedCard) => boolean | void;
	/**
	 * How many cards customer `US-` + `key` (its 8 digits as a number) has registered already: they
	 * count towards `multiple-cards` with the file's own (SPEC "Warnings": 複数枚のカード, the cards
	 * the customer will have). Asked once per customer at `finish`.
	 */
	registeredCards?: (key: number) => number;
}

/** A card that passed step e's rules: a general line's texts, or a plain line's offsets into its bytes. */
export type CheckedCard = CardRow | PlainImportCard;

/** The report of step e. */
export interface CardImportReport extends FileReport<CardImportField> {
	multiCardCustomers: CustomerRows[];
	expiredCards: number;
}

/** A streaming step e: push bytes, get the valid cards so far (to register). */
export interface CardImportChecker<Card extends CheckedCard = CardRow> {
	push(bytes: Uint8Array): Card[];
	/** The last cards and the report; when `report.refused`, drop the cards handed out before too. */
	finish(): { cards: Card[]; report: CardImportReport };
}

/**
 * The comma-separated cells of `raw` (a line without quotes) in `into`, which is emptied first and
 * returned: the same cells as `raw.split(',')`, without a new array per line.
 */
export function splitPlainLine(raw: string, into: string[]): string[] {
	let count = 0;
	for (let from = 0; ; ) {
		const comma = raw.indexOf(',', from);
		if (comma === -1) {
			into[count++] = raw.slice(from);
			break;
		}
		into[count++] = raw.slice(from, comma);
		from = comma + 1;
	}
	into.length = count;
	return into;
}

/** Creates a streaming checker of the 9-column card import file, with the extra rules of step e. */
export function createCardImportChecker(options?: CardImportOptions & { plainCards?: false }): CardImportChecker;
export function createCardImportChecker(options: CardImportOptions & { plainCards: true }): CardImportChecker<CheckedCard>;
export function createCardImportChecker(options: CardImportOptions = {}): CardImportChecker<CheckedCard> {
	const problems = new ProblemList(options.maxProblems);
	const service = options.settings?.service ?? 'YAMATO';
	const isAllowed = service === 'YAMATO' && options.settings?.availability !== 'disabled';
	const tally = new CustomerTally();
	let cards: CheckedCard[] = [];
	// True when the card is skipped as its customer's already.
	const pass = options.onCard ?? ((card: CheckedCard) => void cards.push(card));
	let expiredCards = 0;
	let ctx: CardRuleContext | null = null;

	const extraRules = (fields: string[], row: number): boolean => {
		const m = source.state.mapping;
		// Trimming is a repair, so it is warned about (SPEC "Repairs shown as warnings").
		const cell = (key: CardImportField) => {
			const raw = m[key] > 0 ? (fields[m[key] - 1] ?? '') : '';
			const value = trimSpaces(raw);
			if (value !== raw && value !== '') problems.add('trimmed-spaces', row, m[key], { field: key, spaces: edgeSpaceKinds(raw) });
			return value;
		};
		const errorsBefore = problems.errorCount;
		const provider = cell('service');
		if (provider === '') problems.add('missing-value', row, m.service, { field: 'service' });
		else if (provider !== service) {
			problems.add('service-mismatch', row, m.service, { value: provider, expected: service });
		}
		for (const key of ['holder', 'sendId'] as const) {
			if (cell(key) !== '') problems.add('not-blank', row, m[key], { field: key });
		}
		const serial = cell('serial');
		if (serial !== '' && serial !== '0') {
			problems.add('bad-serial', row, m.serial, { value: serial });
		}
		return problems.errorCount === errorsBefore;
	};
	// A plain line's cells, split into one array reused for every line: the rules read the cells of
	// one row and keep none of the arrays (a million `split` arrays were 2 × the time of this split).
	const plainCells: string[] = [];
	const onData = (row: number, cells: string[] | null, raw: string) => {
		const fields = cells ?? splitPlainLine(raw, plainCells);
		ctx ??= {
			columns: source.state.mapping,
			expiryOrder: 'YYMM',
			customerIdPattern: statelessPattern(options.customerIdPattern ?? defaultCustomerIdPattern),
			customerIds: options.customerIds && customerIdLookup(options.customerIds),
			todayMonth: tokyoMonthIndex(options.today ?? new Date()),
			problems,
			facts: emptyCardFacts()
		};
		const isValid = extraRules(fields, row);
		const card = checkCardRow(fields, row, ctx);
		if (ctx.facts.isExpired) expiredCards++;
		let isSkipped = false;
		if (card !== null && isValid) isSkipped = pass(card) === true;
		else source.state.failedRows.push(row);
		// A failed row still counts (SPEC: whether or not it passed); a skipped repeat is no other card.
		if (ctx.facts.customerId !== null && !isSkipped) tally.add(ctx.facts.customerId, row);
	};
	// Plain lines straight from their bytes, once a first data row made the context and the columns
	// are SPEC's order with the default customer ID pattern (the shortcut knows no other).
	const serviceBytes = /^[\x20-\x7e]*$/.test(service) ? new TextEncoder().encode(service) : null;
	const plain: PlainImportLine = { customerKey: 0, brand: 'VISA', tailAt: 0, expiryAt: 0, tokenAt: 0, tokenEnd: 0 };
	let plainBytes: Uint8Array = new Uint8Array(0);
	const reused: PlainImportCard = { row: 0, customerKey: 0, brand: 'VISA', bytes: plainBytes, tailAt: 0, expiryAt: 0, tokenAt: 0, tokenEnd: 0 };
	const isSpecOrder = (): boolean => {
		const m = source.state.mapping;
		return m.service === 1 && m.customerId === 2 && m.last3 === 3 && m.brand === 4 && m.holder === 5 && m.sendId === 6 && m.serial === 7 && m.expiry === 8 && m.token === 9;
	};
	let isPlainOrder: boolean | null = null;
	const plainLines: PlainLineSink = {
		cells: cardImportColumns.length,
		read: (bytes, start, limit) => {
			if (ctx === null || serviceBytes === null) return -1;
			isPlainOrder ??= isSpecOrder();
			if (!isPlainOrder) return -1;
			const end = readPlainImportBytes(bytes, start, limit, serviceBytes, ctx.todayMonth, plain);
			if (end < 0 || (ctx.customerIds && !ctx.customerIds.hasKey(plain.customerKey))) return -1;
			plainBytes = bytes;
			return end;
		},
		write: (row) => {
			const { customerKey, brand, tailAt, expiryAt, tokenAt, tokenEnd } = plain;
			if (options.onCard) {
				// One object for every plain line, which `onCard` reads before it returns.
				reused.row = row;
				reused.customerKey = customerKey;
				reused.brand = brand;
				reused.bytes = plainBytes;
				reused.tailAt = tailAt;
				reused.expiryAt = expiryAt;
				reused.tokenAt = tokenAt;
				reused.tokenEnd = tokenEnd;
				if (options.onCard(reused) !== true) tally.addKey(customerKey, row);
				return;
			}
			tally.addKey(customerKey, row);
			// A literal of one shape (a spread of `plain` made a slow dictionary object per card).
			cards.push({ row, customerKey, brand, bytes: plainBytes, tailAt, expiryAt, tokenAt, tokenEnd });
		}
	};
	const usePlainLines = options.plainCards === true && !options.customerIdPattern;
	const source = createTableSource(
		{
			encoding: options.encoding,
			columns: cardImportHeaderRule.columns,
			header: cardImportHeaderRule.mode,
			problems,
			kind: 'cards',
			plainLines: usePlainLines ? plainLines : undefined
		},
		onData
	);
	if (!isAllowed) {
		source.state.refused = true;
		problems.add('import-not-allowed', 0, 0);
	}
	const take = () => {
		const taken = source.state.refused ? [] : cards;
		cards = [];
		return taken;
	};

	return {
		push: (bytes) => {
			if (isAllowed) source.push(bytes);
			return take();
		},
		finish: () => {
			if (isAllowed) source.finish();
			// A file refused for a card number reports nothing else from its rows.
			const isCardRefusal = isCardNumberRefusal(problems);
			const { registeredCards } = options;
			const multiCardCustomers = isCardRefusal ? [] : registeredCards ? tally.repeatedWith(registeredCards) : tally.repeated();
			addMultiCardWarnings(multiCardCustomers, problems, source.state.mapping.customerId);
			const written = source.state.rows - source.state.failedRows.length;
			const report = { ...baseReport(source.state, problems, written), multiCardCustomers, expiredCards };
			return { cards: take(), report };
		}
	};
}

/** Step e on a whole file: the valid cards (none when refused) and the report. */
export function checkCardImportFile(
	input: Uint8Array,
	options: CardImportOptions = {}
): { cards: CardRow[]; report: CardImportReport } {
	return readWholeFile(input, createCardImportChecker({ ...options, plainCards: false }), 'cards');
}
