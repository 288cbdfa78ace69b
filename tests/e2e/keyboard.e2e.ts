import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support';
import { fixture, setFileThrough } from './files';

/** Presses Tab until `target` has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 120) {
	for (let presses = 0; presses < limit; presses++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`never reached ${target}`);
}

async function press(page: Page, target: Locator, key = 'Enter') {
	await tabTo(page, target);
	await page.keyboard.press(key);
}

async function chooseByKeyboard(page: Page, scope: Locator, file: string | { name: string; mimeType: string; buffer: Buffer }) {
	await setFileThrough(page, () => press(page, scope.getByRole('button', { name: 'ファイルを指定する' })), file);
}

test('the whole migration can be done with the keyboard alone, with a visible focus', async ({ page }) => {
	await page.goto('/settings');
	await tabTo(page, page.getByLabel('加盟店コード'));
	await expect(page.getByLabel('加盟店コード')).toHaveCSS('outline-style', 'solid');
	await page.keyboard.type('12345678');
	await tabTo(page, page.getByLabel('アクセスキー', { exact: true }));
	await page.keyboard.type('1234567');
	await press(page, page.getByRole('button', { name: '保存' }));
	await expect(page.getByText('保存しました。')).toBeVisible();

	await press(page, page.getByRole('navigation').getByRole('link', { name: '顧客一覧', exact: true }));
	const bulk = page.getByRole('region', { name: '一括登録' });
	await chooseByKeyboard(page, bulk, fixture('oldcart-customers.utf8bom.csv'));
	await press(page, bulk.getByRole('button', { name: 'データアップロード' }));
	await expect(bulk.getByText('4行を読み込み、4件を登録しました。')).toBeVisible();

	await press(page, page.getByRole('navigation').getByRole('link', { name: 'カード情報移行' }));
	await press(page, page.getByRole('button', { name: '登録済みの顧客から作る' }));
	const linkage = page.waitForEvent('download');
	await press(page, page.getByRole('button', { name: '連携用CSVをダウンロード' }));
	await linkage;
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseByKeyboard(page, stepD, fixture('yamato-return.sjis.csv'));
	await press(page, stepD.getByRole('button', { name: '変換する' }));
	const pending = page.waitForEvent('download');
	await press(page, stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' }));
	const output = await (await pending).path();

	await press(page, page.getByRole('navigation').getByRole('link', { name: '顧客一覧', exact: true }));
	await tabTo(page, bulk.getByRole('radio', { name: /顧客情報/ }));
	await page.keyboard.press('ArrowDown');
	await expect(bulk.getByRole('radio', { name: /クレジットカード情報/ })).toBeChecked();
	await chooseByKeyboard(page, bulk, output!);
	await press(page, bulk.getByRole('button', { name: 'データアップロード' }));
	await expect(bulk.getByText('3行を読み込み、3件を登録しました。')).toBeVisible();
	await expect(page.getByRole('region', { name: '顧客一覧(検索)' }).getByText('VISA ・・・111 12/29')).toBeVisible();

	await press(page, page.getByRole('button', { name: '通知', exact: true }));
	await expect(page.getByRole('dialog', { name: '通知' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog', { name: '通知' })).toHaveCount(0);
});
