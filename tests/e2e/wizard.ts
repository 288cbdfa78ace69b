import type { Locator, Page } from '@playwright/test';
import { chooseFile, fixture } from './files';
import { expect } from './support';

/** Steps a・b of カード情報移行 (SPEC screen 3), found by its heading. */
export const stepBOf = (page: Page) => page.getByRole('region', { name: 'a・b. 顧客一覧を読み込む' });

/**
 * On カード情報移行, loads the store's Shift_JIS customer list (four customers, three with a 連携用ID)
 * in steps a・b as an operator does: the file source, the file, 「顧客一覧を読み込む」.
 */
export async function loadStoreList(page: Page): Promise<void> {
	const stepB = stepBOf(page);
	await stepB.getByRole('radio', { name: 'ファイル（ストアの顧客一覧）' }).check();
	await chooseFile(page, stepB, fixture('store-customer-list.sjis.csv'));
	await stepB.getByRole('button', { name: '顧客一覧を読み込む' }).click();
}

/** The header row of Yamato's return file (SPEC step d), as Yamato writes it. */
export const returnHeader = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';

/**
 * A two-row return file with a 「メモ」 column right of the header's five: `memo` stands in row 3,
 * column 6 (the place an operator pastes a note); row 2's memo is empty.
 */
export const returnFileWithMemo = (memo: string) =>
	`${returnHeader},メモ\r\nUS-00010000,111,VISA,2912,AbCdEf0123456789xyZ1,\r\nUS-00010001,042,JCB,2803,QwErTy9876543210abC2,${memo}\r\n`;

/**
 * On 顧客一覧, registers the old-cart fixture's four customers (US-00010000…US-00010003) through
 * 一括登録; returns that region.
 */
export async function registerOldCartCustomers(page: Page): Promise<Locator> {
	await page.goto('/customers');
	const bulk = page.getByRole('region', { name: '一括登録' });
	await chooseFile(page, bulk, fixture('oldcart-customers.utf8bom.csv'));
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	await expect(bulk.getByText('4行を読み込み、4件を登録しました。')).toBeVisible();
	return bulk;
}

/**
 * On 支払い方法設定, saves a 加盟店コード and アクセスキー (the settings an import needs), with the
 * 利用可否 choice named by `availability` when given.
 */
export async function saveShopSettings(page: Page, availability?: RegExp): Promise<void> {
	await page.goto('/settings');
	await page.getByLabel('加盟店コード').fill('12345678');
	await page.getByLabel('アクセスキー', { exact: true }).fill('1234567');
	if (availability) await page.getByRole('radio', { name: availability }).check();
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByText('保存しました。')).toBeVisible();
}
