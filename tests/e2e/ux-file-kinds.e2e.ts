import type { Locator, Page } from '@playwright/test';
import { translate, type Language, type MessageKey } from '../../src/lib/i18n';
import { chooseFile, fixture } from './files';
import { expect, test } from './support';

// Operator trial: a file of another kind dropped on a step is named rightly and told what that
// screen reads, in that screen's words; a refused file's first record, when it is a header, is
// shown as one (「見出し行：はい」); a refused upload's history entry counts the rows the file holds.

const viewports = [
	{ width: 1280, height: 900 },
	{ width: 390, height: 844 }
];
const languages: Language[] = ['ja', 'en'];

/** What step d and steps a・b say of a file of another kind, in each language. */
const words = {
	ja: {
		customerFile: 'このファイルは顧客情報（旧カートの顧客）のファイルのようです。',
		linkage: '連携用CSV（ヤマト運輸に送るファイル）のようです。',
		stepD: 'この d. では、ヤマト運輸から返却されたファイルを指定してください。',
		stepB: 'この a・b. では、サブスクストアの顧客一覧',
		registration: '登録の種類を確認',
		header: '見出し行：はい',
		peopleList: 'このファイルは、このアプリが書き出した確認用の一覧',
		returnFile: 'このファイルはヤマト運輸からの返却ファイルのようです。',
		customersKind: '登録の種類「顧客情報」で取り込むのは、旧カートから書き出した顧客のファイルです。'
	},
	en: {
		customerFile: 'This file looks like a customer file (the old cart’s customers).',
		linkage: 'This file looks like the linkage CSV made in',
		stepD: 'Here in step d, choose the file Yamato returned.',
		stepB: 'Here in steps a-b, choose the store’s customer list',
		registration: 'Check the kind of registration',
		header: 'Header row: Yes',
		peopleList: 'This file looks like one of the lists this app writes for people to read',
		returnFile: 'This file looks like Yamato’s return file.',
		customersKind: 'The kind of registration “Customer information” takes the customers exported from the old cart.'
	}
} as const;

async function useLanguage(page: Page, language: Language) {
	await page.addInitScript((value) => localStorage.setItem('webcollect-workbench.language', value), language);
}

/** 「ファイルを指定する」 in `language`, through the browser tests' one chooser (it waits for a painted frame first). */
async function chooseIn(page: Page, scope: Locator, language: Language, file: string | { name: string; mimeType: string; buffer: Buffer }) {
	await chooseFile(page, scope, file, translate(language, 'upload.choose'));
}

/** True when the box ends inside the viewport (a long message wraps, it does not run off a phone). */
async function fitsWidth(page: Page, box: Locator): Promise<boolean> {
	const right = await box.evaluate((element) => element.getBoundingClientRect().right);
	return right <= page.viewportSize()!.width + 1;
}

for (const language of languages) {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
	const w = words[language];

	for (const viewport of viewports) {
		test(`${language} ${viewport.width}px: step d names a customer file and a linkage CSV in its own words`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await useLanguage(page, language);
			await page.goto('/migration');
			const stepD = page.getByRole('region', { name: t('migration.stepD') });

			// The real-world file whose encoding changes half-way: its first line is the customer file's header.
			await chooseIn(page, stepD, language, fixture('real-world/oldcart-mixed-encoding.csv'));
			await stepD.getByRole('button', { name: t('migration.convert') }).click();
			const refusal = stepD.getByRole('alert');
			await expect(refusal).toContainText(w.customerFile);
			await expect(refusal).toContainText(w.stepD);
			await expect(refusal).not.toContainText(w.registration);
			// The one problem: its Shift_JIS rows are not listed as undecodable beside the refusal.
			await expect(stepD.locator('table.problems-table').getByRole('row')).toHaveCount(2);
			expect(await fitsWidth(page, refusal)).toBe(true);
			await expect(stepD.locator('p.meta')).toContainText(w.header);

			await chooseIn(page, stepD, language, fixture('store-customer-list.linkage.expected.sjis.csv'));
			await stepD.getByRole('button', { name: t('migration.convert') }).click();
			await expect(refusal).toContainText(w.linkage);
			await expect(refusal).toContainText(w.stepD);
			await expect(refusal).not.toContainText(w.stepB);
			expect(await fitsWidth(page, refusal)).toBe(true);

			// The problems list this screen downloads, dropped back on it.
			const problemsList = Buffer.from('\ufeff行数,列,重要度,コード,内容\r\n3,4,エラー,bad-month,3行目の有効期限「2813」は月が13です。\r\n', 'utf8');
			await chooseIn(page, stepD, language, { name: 'problems.csv', mimeType: 'text/csv', buffer: problemsList });
			await stepD.getByRole('button', { name: t('migration.convert') }).click();
			await expect(refusal).toContainText(w.peopleList);
			await expect(refusal).toContainText(w.stepD);
			await expect(refusal.getByRole('listitem')).toHaveCount(1);
		});
	}

	test(`${language}: a linkage CSV in steps a・b is read with a warning that names it`, async ({ page }) => {
		await useLanguage(page, language);
		await page.goto('/migration');
		const stepB = page.getByRole('region', { name: t('migration.stepB') });
		await stepB.getByRole('radio').first().check();
		await chooseIn(page, stepB, language, fixture('store-customer-list.linkage.expected.sjis.csv'));
		await stepB.getByRole('button', { name: t('migration.stepBAction') }).click();
		const stepC = page.getByRole('region', { name: t('migration.stepC'), exact: true });
		await expect(stepC.getByText(w.linkage).first()).toBeVisible();
		await expect(stepC.getByText(w.stepB).first()).toBeVisible();
		await expect(stepC.getByRole('button', { name: t('migration.downloadLinkage') })).toBeEnabled();
	});

	test(`${language}: a store list without the 連携用ID column is refused, its first line shown as the header it is`, async ({ page }) => {
		await useLanguage(page, language);
		await page.goto('/migration');
		const stepB = page.getByRole('region', { name: t('migration.stepB') });
		await stepB.getByRole('radio').first().check();
		const file = { name: 'ids-only.csv', mimeType: 'text/csv', buffer: Buffer.from('サブスクストアの顧客ID,氏名\r\nUS-00010000,山田\r\nUS-00010001,佐藤\r\n') };
		await chooseIn(page, stepB, language, file);
		await stepB.getByRole('button', { name: t('migration.stepBAction') }).click();
		const stepC = page.getByRole('region', { name: t('migration.stepC'), exact: true });
		await expect(stepC.getByRole('alert')).toBeVisible();
		await expect(stepC.locator('p.meta')).toContainText(w.header);
	});

	test(`${language}: Yamato's return file without a header, chosen as 顧客情報, is named by its rows`, async ({ page }) => {
		await useLanguage(page, language);
		await page.goto('/customers');
		const bulk = page.getByRole('region', { name: t('bulk.title') });
		await chooseIn(page, bulk, language, fixture('real-world/return-noheader-forced-header.csv'));
		await bulk.getByRole('button', { name: t('upload.upload') }).click();
		const refusal = bulk.getByRole('alert');
		await expect(refusal.getByRole('listitem')).toHaveCount(1);
		await expect(refusal.getByRole('listitem')).toContainText(w.returnFile);
		await expect(refusal.getByRole('listitem')).toContainText(w.customersKind);
	});

	test(`${language}: a customer file without a header counts its two rows in the history`, async ({ page }) => {
		await useLanguage(page, language);
		await page.goto('/customers');
		const bulk = page.getByRole('region', { name: t('bulk.title') });
		const file = { name: 'no-header.csv', mimeType: 'text/csv', buffer: Buffer.from('C1,山田,a@example.jp\r\nC2,佐藤,b@example.jp\r\n') };
		await chooseIn(page, bulk, language, file);
		await bulk.getByRole('button', { name: t('upload.upload') }).click();
		await expect(bulk.getByRole('alert')).toContainText(t('bulk.refused'));
		await page.goto('/history');
		const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'SHA-256' }) });
		const row = table.locator('tbody').getByRole('row').filter({ hasText: 'no-header.csv' });
		await expect(row).toHaveCount(1);
		const names = (await table.getByRole('columnheader').allTextContents()).map((name) => name.trim());
		const rowsColumn = names.indexOf(t('history.col.rows'));
		expect(rowsColumn).toBeGreaterThan(0);
		await expect(row.locator('th, td').nth(rowsColumn)).toHaveText('2');
	});
}
