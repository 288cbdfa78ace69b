import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { chooseFile, fixture } from './files';
import { expect, test } from './support';
import { loadStoreList } from './wizard';

/** A Shift_JIS return file whose rows 3 and 4 fail (month 13, unknown brand). */
async function badReturnFile(): Promise<Buffer> {
	const good = await readFile(fixture('yamato-return.sjis.csv'));
	const header = good.subarray(0, good.indexOf('\r\n'));
	const rows = [
		'US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1',
		'US-00010001,042,JCB,2813,QwErTy9876543210abC2',
		'US-00010002,300,DISCOVER,3001,ZxCvBn1122334455dfG3'
	];
	return Buffer.concat([header, ...rows.map((row) => Buffer.from(`\r\n${row}`))]);
}

/** Steps b and d of the wizard: the customer list, then the bad return file; two notices. */
async function seed(page: Page) {
	await page.goto('/migration');
	await loadStoreList(page);
	await expect(bell(page)).toHaveAccessibleDescription('未読 1件');
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseFile(page, stepD, { name: 'bad-return.csv', mimeType: 'text/csv', buffer: await badReturnFile() });
	await stepD.getByRole('button', { name: '変換する' }).click();
	// The worker wrote the notice; the bell sees it live, with no reload.
	await expect(bell(page)).toHaveAccessibleDescription('未読 2件');
}

const bell = (page: Page) => page.getByRole('button', { name: '通知', exact: true });
const panel = (page: Page) => page.getByRole('dialog', { name: '通知' });

test('the bell counts unread notices, shows the report and opens the history entry', async ({ page }) => {
	await seed(page);
	await expect(page.locator('.bell-badge')).toHaveText('2');
	await bell(page).click();
	await expect(bell(page)).toHaveAttribute('aria-expanded', 'true');
	const notices = panel(page).getByRole('listitem');
	await expect(notices).toHaveCount(2);
	const newest = notices.first();
	await expect(newest).toContainText('インポート用CSV');
	await expect(newest).toContainText('bad-return.csv');
	// A conversion writes a file and registers nothing: its report says 書き出し, never 登録.
	await expect(newest).toContainText('読み込み 3行 · 書き出し 1 · エラー 2 · 警告 0');
	await expect(newest).not.toContainText('登録');
	await expect(notices.nth(1)).toContainText('連携用CSV');
	await expect(notices.nth(1)).toContainText('store-customer-list.sjis.csv');
	// Open, the panel shows what is new; it is read once the panel closes.
	await expect(notices.getByText('新着')).toHaveCount(2);
	await expect(bell(page)).toHaveAccessibleDescription('未読 2件');

	await newest.getByRole('link', { name: '履歴を見る' }).click();
	await expect(page).toHaveURL(/\/history\?entry=\d+$/);
	await expect(panel(page)).toHaveCount(0);
	await expect(page.getByRole('heading', { name: '履歴の詳細: bad-return.csv' })).toBeFocused();
	await expect(page.getByRole('table').first()).toContainText('3');

	await page.reload();
	await expect(bell(page)).toHaveAccessibleDescription('未読はありません');
});

test('notices can be starred and filtered to the starred ones', async ({ page }) => {
	await seed(page);
	await bell(page).click();
	const notices = panel(page).getByRole('listitem');
	const star = notices.first().getByRole('button', { name: 'スターを付ける' });
	await expect(star).toHaveAttribute('aria-pressed', 'false');
	await star.click();
	await expect(star).toHaveAttribute('aria-pressed', 'true');
	await expect(star).toHaveText('★');

	await panel(page).getByRole('checkbox', { name: 'スター付きのみ' }).check();
	await expect(notices).toHaveCount(1);
	await expect(notices.first()).toContainText('bad-return.csv');

	await page.reload();
	await bell(page).click();
	await expect(panel(page).getByRole('listitem').first().getByRole('button', { name: 'スターを付ける' })).toHaveAttribute('aria-pressed', 'true');
	const filter = panel(page).getByRole('checkbox', { name: 'スター付きのみ' });
	await filter.check();
	await expect(panel(page).getByRole('listitem')).toHaveCount(1);
	await panel(page).getByRole('listitem').first().getByRole('button', { name: 'スターを付ける' }).click();
	await expect(panel(page).getByText('スター付きの通知はありません。')).toBeVisible();
	await filter.uncheck();
	await expect(panel(page).getByRole('listitem')).toHaveCount(2);
});

test('Escape and an outside click close the panel', async ({ page }) => {
	await seed(page);
	await bell(page).click();
	await expect(panel(page)).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(panel(page)).toHaveCount(0);
	await expect(bell(page)).toBeFocused();

	await bell(page).click();
	await expect(panel(page)).toBeVisible();
	await page.getByRole('heading', { level: 1 }).click();
	await expect(panel(page)).toHaveCount(0);
	await expect(bell(page)).toHaveAttribute('aria-expanded', 'false');
});

test('open, the panel marks unread notices 新着 and すべて既読にする reads them; closing reads what was shown', async ({ page }) => {
	await seed(page);
	await bell(page).click();
	const markAll = panel(page).getByRole('button', { name: 'すべて既読にする' });
	await expect(markAll).toBeEnabled();
	await expect(panel(page).getByText('新着')).toHaveCount(2);
	await markAll.click();
	await expect(panel(page).getByText('新着')).toHaveCount(0);
	await expect(bell(page)).toHaveAccessibleDescription('未読はありません');
	await expect(markAll).toBeDisabled();
	await panel(page).getByRole('listitem').first().getByRole('button', { name: 'スターを付ける' }).click();
	await panel(page).getByRole('checkbox', { name: 'スター付きのみ' }).check();
	await page.keyboard.press('Escape');

	await page.getByRole('region', { name: 'd. インポート用データを作る' }).getByRole('button', { name: '変換する' }).click();
	await expect(bell(page)).toHaveAccessibleDescription('未読 1件');
	await bell(page).click();
	await expect(panel(page).getByRole('listitem')).toHaveCount(1);
	await expect(bell(page)).toHaveAccessibleDescription('未読 1件');
	// Filtered to the starred notice, the panel did not show the new one: closing leaves it unread.
	await expect(panel(page).getByText('新着')).toHaveCount(0);
	await page.keyboard.press('Escape');
	await expect(bell(page)).toHaveAccessibleDescription('未読 1件');
	await bell(page).click();
	await panel(page).getByRole('button', { name: 'すべて既読にする' }).click();
	await expect(bell(page)).toHaveAccessibleDescription('未読はありません');
	await expect(page.locator('.bell-badge')).toHaveCount(0);
	await panel(page).getByRole('checkbox', { name: 'スター付きのみ' }).uncheck();
	await expect(panel(page).getByText('新着')).toHaveCount(0);
});
