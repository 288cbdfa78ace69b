import type { Page } from '@playwright/test';
import { translate, type Language, type MessageKey } from '../../src/lib/i18n';
import { chooseFile } from './files';
import { holdStore } from './storage';
import { expect, test } from './support';
import { registerOldCartCustomers, saveShopSettings } from './wizard';

/** Issue 14: a search typed while 顧客一覧 still reads the registry answers before the load ends. */
const viewports = [
	{ width: 1280, height: 900 },
	{ width: 390, height: 844 }
];

// Cards for C0001 (two) and C0003, as step e registers them (the 9-column file without its header).
const cardFile = ['YAMATO,US-00010000,111,VISA,,,0,2912,AbCdEf0123456789xyZ1', 'YAMATO,US-00010000,222,JCB,,,0,3001,QwErTy9876543210abC2', 'YAMATO,US-00010002,333,AMEX,,,0,2812,ZxCvBn1122334455qwE3'].join('\r\n');

/** Four customers and three cards, registered in Japanese as an operator does. */
async function registerCustomersAndCards(page: Page) {
	await saveShopSettings(page);
	const bulk = await registerOldCartCustomers(page);
	await bulk.getByRole('radio', { name: /クレジットカード情報/ }).check();
	await chooseFile(page, bulk, { name: 'cards.csv', mimeType: 'text/csv', buffer: Buffer.from(cardFile) });
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	await expect(bulk.getByText('3行を読み込み、3件を登録しました。')).toBeVisible();
}

/**
 * Holds the card chunks in a write transaction of another tab until let go: a load of the registry
 * reads every customer, then waits for the cards — the state of a large registry part-way through its
 * load, held for as long as the test looks at it, whatever the machine's speed.
 */
async function holdCardChunks(other: Page): Promise<{ release: () => Promise<void> }> {
	await other.goto('/settings');
	return { release: await holdStore(other, 'cardChunks') };
}

for (const language of ['ja', 'en'] as Language[]) {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);

	for (const viewport of viewports) {
		test(`${language} at ${viewport.width} px: a search during the load shows its first page marked, then the full answer in place`, async ({ page, context }) => {
			await page.setViewportSize(viewport);
			await registerCustomersAndCards(page);
			await page.evaluate((value) => localStorage.setItem('webcollect-workbench.language', value), language);
			const cards = await holdCardChunks(await context.newPage());

			await page.goto('/customers');
			const list = page.getByRole('region', { name: t('search.title') });
			// The blank list's first page, straight from the stored customers: its count still pending.
			await expect(list.getByRole('status')).toHaveText(t('search.loading', { size: '4' }));

			await list.getByRole('combobox', { name: t('search.field') }).selectOption('linkageId');
			await list.getByLabel(t('search.query')).fill('C000');
			await list.getByRole('button', { name: t('search.submit'), exact: true }).click();
			// Every customer read, the cards not yet: the page and its count are the search's, its cards
			// marked as being read.
			await expect(list.getByRole('status')).toHaveText(t('search.count', { total: '4', size: '4' }));
			const idCells = list.locator('td.customer-id');
			await expect(idCells).toHaveText(['US-00010000', 'US-00010001', 'US-00010002', 'US-00010003']);
			await expect(list.getByRole('cell', { name: t('search.cardsLoading'), exact: true })).toHaveCount(4);
			await expect(list.getByText('VISA ・・・111 12/29')).toHaveCount(0);
			const firstRow = await idCells.first().elementHandle();

			await cards.release();
			await expect(list.getByText('VISA ・・・111 12/29')).toBeVisible();
			await expect(list.getByRole('status')).toHaveText(t('search.count', { total: '4', size: '4' }));
			await expect(list.getByText('JCB ・・・222 01/30')).toBeVisible();
			await expect(list.getByText('AMEX ・・・333 12/28')).toBeVisible();
			await expect(list.getByRole('cell', { name: t('search.cardsLoading'), exact: true })).toHaveCount(0);
			await expect(list.getByRole('cell', { name: t('search.noCard'), exact: true })).toHaveCount(2);
			// The same rows in the same order, the very same row elements: the page did not jump.
			await expect(idCells).toHaveText(['US-00010000', 'US-00010001', 'US-00010002', 'US-00010003']);
			expect(await firstRow!.evaluate((cell) => cell.isConnected)).toBe(true);
		});
	}
}
