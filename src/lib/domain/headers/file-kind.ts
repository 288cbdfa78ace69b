import { cardImportColumns, oldCartCustomerColumns, yamatoReturnColumns } from './columns';
import { buildHeaderIndex, keyOfHeader, type ColumnSpec } from './match-header';

/**
 * The kinds of file an operator carries between the old cart, the store and Yamato:
 * `customers` the old cart's customers (一括登録 › 顧客情報), `cards` the 9-column card import
 * file (一括登録 › クレジットカード情報), `yamato-return` Yamato's return file (step d),
 * `customer-list` the store's 顧客一覧 download or a linkage CSV (step c).
 */
export const fileKinds = ['customers', 'cards', 'yamato-return', 'customer-list'] as const;
export type FileKind = (typeof fileKinds)[number];

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
const linkageId = buildHeaderIndex([
	{ key: 'linkageId', names: ['旧カートの顧客番号(連携用ID)', '旧カートの顧客番号', '連携用ID', 'linkage id', 'old customer id'], required: true }
]);
const personal = buildHeaderIndex(oldCartCustomerColumns.filter((spec) => spec.key !== 'linkageId'));

/**
 * Which kind of file a header row belongs to, from its cells (as read, any spacing or width), or
 * null when it names too little to tell (a data row, an unknown file). Pure; never throws.
 * Card columns (two of 下3桁・ブランド・有効期限・認証キー) mark Yamato's return file, plus a column
 * only the import file has (決済代行会社, SEND ID, 連番物理; a holder's name may come back from Yamato) the card import file;
 * a store customer ID beside a 連携用ID the store's list; a 旧カートの顧客番号 alone (with or
 * without names, e-mail…) the old cart's customers. Source: SPEC "File formats".
 */
export function recogniseFileKind(headerFields: readonly string[]): FileKind | null {
	let cards = 0;
	let importColumns = 0;
	let hasStoreId = false;
	let hasLinkageId = false;
	let personalColumns = 0;
	for (const cell of headerFields) {
		if (keyOfHeader(cell, cardFields) !== null) cards++;
		else if (keyOfHeader(cell, importOnly) !== null) importColumns++;
		else if (keyOfHeader(cell, storeId) !== null) hasStoreId = true;
		else if (keyOfHeader(cell, linkageId) !== null) hasLinkageId = true;
		else if (keyOfHeader(cell, personal) !== null) personalColumns++;
	}
	if (cards >= 2) return importColumns > 0 ? 'cards' : 'yamato-return';
	if (hasStoreId && hasLinkageId) return 'customer-list';
	if (hasLinkageId && !hasStoreId) return 'customers';
	return null;
}

/** The problem code that tells the operator a file of `kind` was given to the wrong step. */
export const wrongKindCode = {
	customers: 'looks-like-customer-file',
	cards: 'looks-like-card-file',
	'yamato-return': 'looks-like-return-file',
	'customer-list': 'looks-like-customer-list'
} as const satisfies Record<FileKind, string>;
