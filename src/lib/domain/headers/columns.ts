import type { ColumnSpec } from './match-header';

/** Fields of Yamato's return file (step d), in the order assumed when it has no header. */
export const yamatoReturnColumns = [
	{
		key: 'customerId',
		names: ['サブスクストアの顧客ID', '顧客ID', 'customer id', 'customer', 'subscription customer id'],
		required: true
	},
	{
		key: 'last3',
		names: ['カード番号下3桁', '下3桁', 'カード下3桁', 'last3', 'last 3 digits', 'last three digits'],
		required: true
	},
	{ key: 'brand', names: ['カードブランド', 'ブランド', 'brand', 'card brand'], required: true },
	{
		key: 'expiry',
		names: ['有効期限', 'カード有効期限', 'expiry', 'expiration', 'exp', 'expiry date', 'expiration date'],
		required: true
	},
	{
		key: 'token',
		names: [
			'クロネコwebコレクトカード認証キー',
			'カード認証キー',
			'認証キー',
			'auth key',
			'card auth key',
			'token',
			'card token'
		],
		required: true
	}
] as const satisfies readonly ColumnSpec[];

export type YamatoReturnField = (typeof yamatoReturnColumns)[number]['key'];

/** Fields of the store's 顧客一覧 download that step c needs; both must be named in a header. */
export const customerListColumns = [
	{
		key: 'customerId',
		names: ['サブスクストアの顧客ID', '顧客ID', 'customer id', 'store customer id'],
		required: true
	},
	{
		key: 'linkageId',
		names: [
			'旧カートの顧客番号(連携用ID)',
			'旧カートの顧客番号',
			'連携用ID',
			'顧客番号',
			'linkage id',
			'link id',
			'old customer id',
			'old customer number',
			'old cart customer id'
		],
		required: true
	}
] as const satisfies readonly ColumnSpec[];

export type CustomerListField = (typeof customerListColumns)[number]['key'];

/** The 9 columns of the card import file (項目名 of the source), in their fixed order. */
export const cardImportColumns = [
	{ key: 'service', names: ['決済代行会社', 'payment provider', 'service'], required: true },
	{ key: 'customerId', names: ['顧客ID', 'サブスクストアの顧客ID', 'customer id'], required: true },
	{ key: 'last3', names: ['カード番号下3桁', '下3桁', 'last3', 'last 3 digits'], required: true },
	{ key: 'brand', names: ['カードブランド', 'ブランド', 'brand', 'card brand'], required: true },
	{ key: 'holder', names: ['カード名義人', 'card holder', 'cardholder'], required: false, blank: true },
	{ key: 'sendId', names: ['SEND ID', 'sendid'], required: false, blank: true },
	{ key: 'serial', names: ['連番物理', 'serial'], required: false },
	{ key: 'expiry', names: ['有効期限', 'expiry', 'expiration', 'exp'], required: true },
	{
		key: 'token',
		names: ['クロネコwebコレクトカード認証キー', 'カード認証キー', '認証キー', 'auth key', 'token'],
		required: true
	}
] as const satisfies readonly ColumnSpec[];

export type CardImportField = (typeof cardImportColumns)[number]['key'];

/** The header row of the card import file, as written. */
export const cardImportHeader = cardImportColumns.map((column) => column.names[0]);

/** Columns of an old cart's customer export (一括登録 › 顧客情報). */
export const oldCartCustomerColumns = [
	{
		key: 'linkageId',
		names: [
			'旧カートの顧客番号',
			'旧カートの顧客番号(連携用ID)',
			'連携用ID',
			'顧客番号',
			'会員番号',
			'customer number',
			'customer id',
			'linkage id',
			'old customer id'
		],
		required: true
	},
	{ key: 'name', names: ['氏名', '名前', 'お名前', 'name', 'full name'], required: false },
	{ key: 'kana', names: ['氏名(カナ)', 'フリガナ', 'カナ', 'ふりがな', 'kana', 'name kana'], required: false },
	{ key: 'email', names: ['メールアドレス', 'メール', 'email', 'e-mail', 'mail'], required: false },
	{ key: 'phone', names: ['電話番号', '電話', 'phone', 'tel', 'telephone'], required: false },
	{ key: 'zip', names: ['郵便番号', 'zip', 'zip code', 'postal code', 'postcode'], required: false },
	{ key: 'address', names: ['住所', 'address'], required: false }
] as const satisfies readonly ColumnSpec[];

export type OldCartCustomerField = (typeof oldCartCustomerColumns)[number]['key'];
