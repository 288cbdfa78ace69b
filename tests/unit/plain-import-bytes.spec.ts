import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { joinBytes } from '$lib/domain';
import { createCardImportChecker, type CardImportOptions, type CheckedCard } from '$lib/domain/import/card-import-checker';
import type { CardRow } from '$lib/domain/rules/card-row';
import { customerIdOfKey } from '$lib/domain/rules/id-lookup';
import { CardBlocksBuilder, cardColumnsIn } from '$lib/domain/records/card-column-builder';
import { cardSink, cardWriter, FileCards } from '$lib/jobs/import-cards';
import { RegistryIndex } from '$lib/registry/registry-index';
import { importHeader, pieces, sjis, today, utf8 } from './helpers';
import { mostly, plainToken } from './plain-arbitraries';

// Step e reads a plain line straight from its bytes once the encoding is settled, which takes the
// first 64 KiB: every file of the property starts with a blank line of that many spaces and some
// plain rows, so the rows that follow meet the byte path, in any chunking.
const blank = ' '.repeat(70_000);
const padding = Array.from({ length: 40 }, (_, i) => `YAMATO,US-${String(10000 + i).padStart(8, '0')},${String(i % 1000).padStart(3, '0')},VISA,,,0,2912,Tok${String(i).padStart(27, 'x')}`);

const token = plainToken(['"', ',', ' ', '\t', 'ａ', '日', '\x7f', '\r', '4111111111111111', '4111-1111-1111-1111', '1234567890123', '0000000000000000000000', '123456789012'], 36);

// Rows around the plain shape: every cell right, or one of them off in a way one rule or the reader
// sees. After a line it does not take, the byte path lets the next 32 go the general way unasked, so
// plain rows lead up to each odd one: the first after them meets the byte path's own checks.
const cells = {
	service: [fc.constant('YAMATO'), fc.constantFrom('yamato', ' YAMATO', 'YAMATO ', '', 'SOMEPAY', 'YAMAT', 'YAMATOO')],
	id: [fc.constantFrom('US-00010000', 'US-00010001', 'US-00010002', 'US-00099999'), fc.constantFrom('US-0001000', 'us-00010000', ' US-00010002', 'US-0001000５', '"US-00010003"', 'US-00010004 ', '1.23457E+11', 'US-000100000')],
	tail: [fc.constantFrom('111', '000', '999'), fc.constantFrom('11', '1', '1111', 'a11', '"111"', '', '１１１')],
	brand: [fc.constantFrom('VISA', 'MASTER', 'JCB', 'AMEX', 'DINERS'), fc.constantFrom('Visa', 'VISA ', 'VIS', 'MASTERCARD', 'ビザ', '"JCB"', 'MASTEX', 'DINERZ', 'AMEXX', '')],
	holder: [fc.constant(''), fc.constantFrom('TARO', ' ', '"x"')],
	sendId: [fc.constant(''), fc.constantFrom('1', ' ')],
	serial: [fc.constantFrom('0', ''), fc.constantFrom('1', '00', ' 0', 'O', '0 ')],
	expiry: [fc.constantFrom('2912', '2611', '2701', '0012'), fc.constantFrom('2610', '1225', '0130', '2913', '202912', '912', '29/12', '２９１２', '2900', '')],
	token: [token.filter((text) => /^[A-Za-z0-9][\x21\x23-\x2b\x2d-\x7e]*$/.test(text)), token]
} as const;
const cellNames = Object.keys(cells) as (keyof typeof cells)[];
const plainRow = fc.record(Object.fromEntries(cellNames.map((name) => [name, cells[name][0]])) as Record<keyof typeof cells, fc.Arbitrary<string>>);
const row = fc.oneof(
	{
		weight: 12,
		arbitrary: fc
			.tuple(plainRow, fc.option(fc.constantFrom(...cellNames), { freq: 5 }), fc.constantFrom(...cellNames).chain((name) => cells[name][1].map((value) => [name, value] as const)))
			.map(([good, offAt, [name, value]]) => ({ ...good, ...(offAt === null ? {} : { [name]: value }) }))
			.map((r) => cellNames.map((name) => r[name]).join(','))
	},
	{ weight: 1, arbitrary: fc.constantFrom('', ' ', ',,,,,,,,', 'YAMATO,US-00010000,111,VISA,,,0,2912', 'YAMATO,US-00010000,111,VISA,,,0,2912,tok,memo', 'YAMATO,"US-00010000,111",VISA,,,0,2912,tok', 'YAMATO,US-00010001,111,VISA,,,0,2912,"tok\nYAMATO,US-00010002,111,VISA,,,0,2912,abc"', '\ufeffYAMATO,US-00010001,111,VISA,,,0,2912,abc') }
);

const ending = fc.constantFrom('\r\n', '\n', '\r');
// SPEC's header, none, or one naming the columns in another order (the byte path then stays off).
const headers = [importHeader, null, importHeader.split(',').reverse().join(',')];

const file = fc.record({
	header: fc.constantFrom(...headers),
	isUtf8: fc.boolean(),
	// Each row after 33 plain ones (so that it meets the byte path's own checks), or right after the last.
	rows: fc.array(fc.tuple(row, ending, mostly(fc.constant(true), fc.constant(false))), { minLength: 1, maxLength: 12 }),
	paddingEnding: ending,
	tailEnding: fc.constantFrom('', '\r\n', '\n', '\r')
});

// The 70 KB head takes one of eighteen shapes (header, encoding, line end): each encoded once, not once a run.
const heads = new Map<string, Uint8Array>();

function bytesOf(f: typeof file extends fc.Arbitrary<infer T> ? T : never): Uint8Array {
	const encode = (text: string) => (f.isUtf8 ? utf8(text) : sjis(text));
	const reversed = f.header !== null && f.header !== importHeader;
	const order = (line: string) => (reversed ? line.split(',').reverse().join(',') : line);
	const key = JSON.stringify([f.header, f.isUtf8, f.paddingEnding]);
	let head = heads.get(key);
	if (!head) {
		head = encode([...(f.header !== null ? [f.header] : []), blank, ...padding.map(order)].join(f.paddingEnding) + f.paddingEnding);
		heads.set(key, head);
	}
	const spacing = padding.slice(0, 33).map((line) => order(line) + f.paddingEnding).join('');
	const rows = f.rows.map(([text, end, isSpaced], i) => (isSpaced ? spacing : '') + order(text) + (i === f.rows.length - 1 ? f.tailEnding : end));
	return joinBytes([head, encode(rows.join(''))]);
}

/** A checked card as the texts it stands for, whichever road it came by. */
function asRow(card: CheckedCard): CardRow {
	if (!('bytes' in card)) return card;
	const text = (from: number, to: number) => new TextDecoder().decode(card.bytes.subarray(from, to));
	const { row, brand } = card;
	return { row, customerId: customerIdOfKey(card.customerKey), last3: text(card.tailAt, card.tailAt + 3), brand, expiry: text(card.expiryAt, card.expiryAt + 4), token: text(card.tokenAt, card.tokenEnd) };
}

function check(input: Uint8Array, cuts: number[], options: CardImportOptions, plainCards: boolean) {
	const checker = plainCards ? createCardImportChecker({ ...options, today, plainCards: true }) : createCardImportChecker({ ...options, today, plainCards: false });
	const cards: CardRow[] = [];
	// The import job's typed columns, written from each push's cards while their bytes are current.
	const columns = new CardBlocksBuilder();
	const write = cardWriter(new RegistryIndex(), columns, new FileCards(100_000, columns));
	let skipped = 0;
	let plainCount = 0;
	const take = (pushed: CheckedCard[]) => {
		skipped += write(pushed);
		plainCount += pushed.filter((card) => 'bytes' in card).length;
		cards.push(...pushed.map(asRow));
	};
	for (const part of pieces(input, cuts)) take(checker.push(part));
	const last = checker.finish();
	take(last.cards);
	return { cards, plainCount, report: last.report, stored: { columns: cardColumnsIn(columns.blocks()), skipped } };
}

/** As `check` on the byte path, each card taken as it passes (`onCard`, the import job's way): nothing in the arrays. */
function checkStreamed(input: Uint8Array, cuts: number[], options: CardImportOptions) {
	const cards: CardRow[] = [];
	const columns = new CardBlocksBuilder();
	const write = cardSink(new RegistryIndex(), columns, new FileCards(100_000, columns));
	let skipped = 0;
	let plainCount = 0;
	let handedOut = 0;
	const checker = createCardImportChecker({
		...options,
		today,
		plainCards: true,
		onCard: (card) => {
			// Read at once: a plain card's object is reused for the next line.
			if ('bytes' in card) plainCount++;
			cards.push(asRow(card));
			if (write(card)) skipped++;
		}
	});
	for (const part of pieces(input, cuts)) handedOut += checker.push(part).length;
	const last = checker.finish();
	handedOut += last.cards.length;
	return { cards, plainCount, handedOut, report: last.report, stored: { columns: cardColumnsIn(columns.blocks()), skipped } };
}

// A drawn file, its chunking (the first cut past the encoding window, then any) and the import's
// options (with or without the registered customers' IDs).
const drawn = fc.tuple(file, fc.boolean(), fc.nat(2_500), fc.array(fc.nat(), { maxLength: 8 })).map(([f, hasList, settled, others]) => {
	const customerIds = hasList ? new Set(['US-00010000', 'US-00010001', 'US-00010002', ...padding.map((line) => line.slice(7, 18))]) : undefined;
	const options: CardImportOptions = { settings: { service: 'YAMATO', availability: 'visible' }, customerIds };
	return { input: bytesOf(f), cuts: [blank.length + 100 + settled, ...others], options };
});

describe('the byte path of step e', () => {
	it('gives the same cards, in the same order, and the same report as the general path, for any rows in any chunking', () => {
		let plainSeen = 0;
		fc.assert(
			fc.property(drawn, ({ input, cuts, options }) => {
				const general = check(input, [], options, false);
				const fast = check(input, cuts, options, true);
				plainSeen += fast.plainCount;
				expect(fast.report).toEqual(general.report);
				// A refused file's cards are dropped by the caller, those handed out before the refusal too.
				if (!general.report.refused) expect(fast.cards).toEqual(general.cards);
				// And the import job's typed columns (fingerprints hashed from the bytes or from the token's text) are the same.
				if (!general.report.refused) expect(fast.stored).toEqual(general.stored);
			}),
			{ numRuns: 200 }
		);
		// The property would hold trivially if no line ever took the byte path.
		expect(plainSeen).toBeGreaterThan(1000);
	}, 120_000);

	// Issue 14: the import job takes each card as it passes (no object or array per card); the cards,
	// their order, the report and the typed columns stay those of the general path.
	it('gives each card to onCard as it passes: the same cards, order, report and columns as the general path, for any chunking', () => {
		let plainSeen = 0;
		fc.assert(
			fc.property(drawn, ({ input, cuts, options }) => {
				const general = check(input, [], options, false);
				const streamed = checkStreamed(input, cuts, options);
				plainSeen += streamed.plainCount;
				expect(streamed.handedOut).toBe(0);
				expect(streamed.report).toEqual(general.report);
				if (!general.report.refused) expect(streamed.cards).toEqual(general.cards);
				if (!general.report.refused) expect(streamed.stored).toEqual(general.stored);
			}),
			{ numRuns: 200 }
		);
		expect(plainSeen).toBeGreaterThan(1000);
	}, 120_000);
});
