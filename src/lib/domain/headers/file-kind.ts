import type { ProblemCode } from '../problems/problem';
import { isLetterDigitMix } from '../problems/display-value';
import { normalizeBrand } from '../rules/brand';
import { trimSpaces } from '../rules/patterns';
import { isAllSpace } from '../rules/spacing';
import { cardImportColumns, customerListColumns, oldCartCustomerColumns, yamatoReturnColumns } from './columns';
import { buildHeaderIndex, keyOfHeader, type ColumnSpec } from './match-header';
import { normalizeHeader } from './normalize-header';
import { problemListWordsJa } from '../report/people-lists';

/**
 * The kinds of file an operator carries between the old cart, the store and Yamato:
 * `customers` the old cart's customers (一括登録 › 顧客情報), `cards` the 9-column card import
 * file (一括登録 › クレジットカード情報), `yamato-return` Yamato's return file (step d),
 * `customer-list` the store's 顧客一覧 download (steps a・b), `linkage` the two-column linkage CSV
 * step c makes for Yamato (SPEC screen 3), `people-list` a list the app writes for people to read
 * (problems, several cards, expired cards, customer IDs: `report/people-lists.ts`).
 */
export const fileKinds = ['customers', 'cards', 'yamato-return', 'customer-list', 'linkage', 'people-list'] as const;
export type FileKind = (typeof fileKinds)[number];

/**
 * The places a file is dropped on, named by the kind each one reads: 一括登録 › 顧客情報
 * (`customers`), 一括登録 › クレジットカード情報 (`cards`), step d (`yamato-return`), steps a・b
 * (`customer-list`). No place reads the linkage CSV: it goes to Yamato.
 */
export const uploadPlaces = ['customers', 'cards', 'yamato-return', 'customer-list'] as const;
export type UploadPlace = (typeof uploadPlaces)[number];

// Names that only one family of files uses; the readers' own specs accept looser aliases.
const cardFields = buildHeaderIndex(yamatoReturnColumns.filter((spec) => spec.key !== 'customerId'));
const importOnly = buildHeaderIndex(
	cardImportColumns.filter((spec) => spec.key === 'service' || spec.key === 'sendId' || spec.key === 'serial')
);
const storeIdSpec: ColumnSpec<'storeId'> = {
	key: 'storeId',
	names: ['サブスクストアの顧客ID', '顧客ID', 'customer id', 'store customer id', 'subscription customer id'],
	required: true
};
const storeId = buildHeaderIndex([storeIdSpec]);
// An old cart's own names for its customer number: taken for one beside a personal column only
// (「会員番号,氏名,フリガナ…」, the demo's old-cart file), never beside a store customer ID.
const oldCartNumber = buildHeaderIndex([{ key: 'oldCartNumber', names: ['顧客番号', '会員番号', 'customer number', 'member number'], required: true }]);
const personal = buildHeaderIndex(oldCartCustomerColumns.filter((spec) => spec.key !== 'linkageId'));
// The whole headers of the lists for people (`report/people-lists.ts`; the problems list in both
// languages, its English words being `problemListWordsEn`'s), in their loose form.
const peopleListHeaders = new Set(
	[
		problemListWordsJa.header,
		['Row', 'Column', 'Severity', 'Code', 'Message'],
		['サブスクストアの顧客ID', 'カード枚数', '行数'],
		['行数', 'サブスクストアの顧客ID', '有効期限'],
		['サブスクストアの顧客ID']
	].map(looseHeader)
);

function looseHeader(cells: readonly string[]): string {
	const names = cells.map(normalizeHeader);
	while (names.length > 0 && names[names.length - 1] === '') names.pop();
	return names.join('\u001f');
}

const linkageId = buildHeaderIndex([
	{ key: 'linkageId', names: ['旧カートの顧客番号(連携用ID)', '旧カートの顧客番号', '連携用ID', 'linkage id', 'old customer id'], required: true }
]);

/**
 * Which kind of file a header row belongs to, from its cells (as read, any spacing or width), or
 * null when it names too little to tell (a data row, an unknown file). Pure; never throws.
 * Card columns (two of 下3桁・ブランド・有効期限・認証キー) mark Yamato's return file, plus a column
 * only the import file has (決済代行会社, SEND ID, 連番物理; a holder's name may come back from Yamato) the card import file;
 * the whole header of a list the app writes for people, that list; exactly a 連携用ID then a store
 * customer ID (nothing else) step c's linkage CSV; a store customer
 * ID beside a 連携用ID the store's list; a 旧カートの顧客番号 alone (with or without names, e-mail…)
 * the old cart's customers, and so does an old cart's own 顧客番号・会員番号 beside a name, e-mail…
 * column. Source: SPEC "File formats", screen 3 c.
 */
export function recogniseFileKind(headerFields: readonly string[]): FileKind | null {
	if (peopleListHeaders.has(looseHeader(headerFields))) return 'people-list';
	let cards = 0;
	let importColumns = 0;
	let storeIdAt = 0;
	let linkageIdAt = 0;
	let namedCells = 0;
	let hasOldCartNumber = false;
	let hasPersonal = false;
	headerFields.forEach((cell, index) => {
		if (!isAllSpace(cell)) namedCells++;
		if (keyOfHeader(cell, cardFields) !== null) cards++;
		else if (keyOfHeader(cell, importOnly) !== null) importColumns++;
		else if (keyOfHeader(cell, storeId) !== null) storeIdAt ||= index + 1;
		else if (keyOfHeader(cell, linkageId) !== null) linkageIdAt ||= index + 1;
		else if (keyOfHeader(cell, oldCartNumber) !== null) hasOldCartNumber = true;
		else if (keyOfHeader(cell, personal) !== null) hasPersonal = true;
	});
	if (cards >= 2) return importColumns > 0 ? 'cards' : 'yamato-return';
	// Step c writes exactly these two cells, the 連携用ID first; the store's list starts with its own ID.
	if (linkageIdAt === 1 && storeIdAt === 2 && namedCells === 2) return 'linkage';
	if (storeIdAt > 0 && linkageIdAt > 0) return 'customer-list';
	if (linkageIdAt > 0) return 'customers';
	if (storeIdAt === 0 && hasOldCartNumber && hasPersonal) return 'customers';
	return null;
}

const tailShape = /^[0-9]{1,3}$/;
const expiryShape = /^[0-9]{3,6}$/;

/** True when the trimmed cells at `tail`, `brand` and `expiry` have the shapes of a card row's. */
function hasCardCells(cells: readonly string[], tail: number, brand: number, expiry: number): boolean {
	return tailShape.test(trimSpaces(cells[tail])) && normalizeBrand(trimSpaces(cells[brand])) !== null && expiryShape.test(trimSpaces(cells[expiry]));
}

/**
 * Which kind of file a first record that is no header belongs to, from the shape of its cells, or
 * null: five cells with a tail, a brand and an expiry in places 2–4 and a token-shaped fifth are a
 * row of Yamato's return file; nine with them in places 3, 4 and 8 a row of the card import file
 * (SPEC "File formats": the column orders a file without a header has). Pure; never throws.
 */
export function recogniseRowKind(cells: readonly string[]): FileKind | null {
	let count = cells.length;
	while (count > 0 && isAllSpace(cells[count - 1])) count--;
	if (count === 5 && hasCardCells(cells, 1, 2, 3) && isLetterDigitMix(trimSpaces(cells[4]))) return 'yamato-return';
	if (count === 9 && hasCardCells(cells, 2, 3, 7) && !isAllSpace(cells[8])) return 'cards';
	return null;
}

/**
 * The problem code that tells the operator a file of `kind` was given to the wrong place; its
 * `place` param (an `UploadPlace`) lets the message say what that place reads, in its own words.
 */
export const wrongKindCode = {
	customers: 'looks-like-customer-file',
	cards: 'looks-like-card-file',
	'yamato-return': 'looks-like-return-file',
	'customer-list': 'looks-like-customer-list',
	linkage: 'looks-like-linkage-csv',
	'people-list': 'looks-like-people-list'
} as const satisfies Record<FileKind, string>;

/**
 * What a place does with a file of another kind: refuse it with `wrongKindCode`, or (a linkage CSV
 * in steps a・b, whose two columns are all a customer list needs) read it with a warning
 * (`linkage-csv-as-list`) that names it. Null when the file is the place's own kind or unknown.
 */
export function otherKindAt(place: UploadPlace, kind: FileKind | null): { code: ProblemCode; refuses: boolean } | null {
	if (kind === null || kind === place) return null;
	if (place === 'customer-list' && kind === 'linkage') return { code: 'linkage-csv-as-list', refuses: false };
	return { code: wrongKindCode[kind], refuses: true };
}

/**
 * The column names of every kind: a header recognised as another kind's is shown by them (its
 * 旧カートの顧客番号 whole, not masked as an unknown cell of 8 characters or more).
 */
export const allKnownColumns: readonly ColumnSpec[] = [...yamatoReturnColumns, ...customerListColumns, ...cardImportColumns, ...oldCartCustomerColumns];
