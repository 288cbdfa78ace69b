import { expect, test } from './support';
import { chooseFile as chooseThrough, downloadBytes } from './files';
import type { Locator, Page } from '@playwright/test';
import { returnHeader } from './wizard';
import { readFile } from 'node:fs/promises';

// Problems travel and are stored as codes: in English, every screen and download says them in English.

async function chooseFile(page: Page, scope: Locator, name: string, text: string) {
	await chooseThrough(page, scope, { name, mimeType: 'text/csv', buffer: Buffer.from(text) }, 'Choose file');
}

async function toEnglish(page: Page) {
	await page.goto('/migration');
	await page.getByRole('combobox', { name: '表示言語' }).selectOption('en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Card migration');
}

const japanese = /[ぁ-んァ-ン一-龯]/;

test('a conversion: the problem table and its download are English', async ({ page }) => {
	await toEnglish(page);
	const stepD = page.getByRole('region', { name: 'd. Make the import file' });
	await chooseFile(page, stepD, 'bad.csv', `${returnHeader}\r\nUS-00010001,11,Visa,2813,QwErTy9876543210abC2\r\n`);
	await stepD.getByRole('button', { name: 'Convert', exact: true }).click();
	await expect(stepD.getByText('Row 2: expiry "2813" has month 13. Enter it as YYMM (e.g. 2912).')).toBeVisible();
	await expect(stepD.getByText('Row 2: card brand "Visa" was changed to "VISA".')).toBeVisible();
	// Each row names its own severity in the singular.
	const rows = stepD.getByRole('table').getByRole('row');
	await expect(rows.filter({ hasText: 'has month 13' }).getByRole('cell', { name: 'Error', exact: true })).toBeVisible();
	await expect(rows.filter({ hasText: 'was changed to' }).getByRole('cell', { name: 'Warning', exact: true })).toBeVisible();
	const { bytes } = await downloadBytes(page, stepD.getByRole('button', { name: 'Download the problem list' }));
	const text = new TextDecoder('shift_jis').decode(bytes);
	expect(text.split('\r\n')[0]).toBe('Row,Column,Severity,Code,Message');
	expect(text).toContain('2,4,Error,bad-month,"Row 2: expiry ""2813"" has month 13. Enter it as YYMM (e.g. 2912)."');
	expect(text).not.toMatch(japanese);
});

// Operator trial: in English, a refusal's problem list could not be written in Shift_JIS (the
// default): the app's own words held "–" and "›". Each step's list of a file of another kind downloads
// in Shift_JIS, its English whole, as the screen says it.
test('a refusal\'s problem list downloads in Shift_JIS in English, at step c and at step d', async ({ page }) => {
	await toEnglish(page);
	const stepB = page.getByRole('region', { name: 'a-b. Load the customer list' });
	await stepB.getByRole('radio', { name: 'A file (the store\'s customer list)' }).check();
	await chooseThrough(page, stepB, { name: 'return.csv', mimeType: 'text/csv', buffer: await readFile('tests/fixtures/yamato-return.sjis.csv') }, 'Choose file');
	await stepB.getByRole('button', { name: 'Load customer list' }).click();
	const stepC = page.getByRole('region', { name: 'c. Make the linkage CSV' });
	await expect(stepC.getByRole('table')).toContainText('Here in steps a-b, choose');
	const listC = await downloadBytes(page, stepC.getByRole('button', { name: 'Download the problem list' }));
	const textC = new TextDecoder('shift_jis').decode(listC.bytes);
	expect(textC).toContain('This file looks like Yamato’s return file. Here in steps a-b, choose');
	expect(textC).not.toMatch(japanese);

	const stepD = page.getByRole('region', { name: 'd. Make the import file' });
	await chooseThrough(page, stepD, { name: 'customers.csv', mimeType: 'text/csv', buffer: await readFile('tests/fixtures/oldcart-customers.utf8bom.csv') }, 'Choose file');
	await stepD.getByRole('button', { name: 'Convert', exact: true }).click();
	await expect(stepD.getByRole('alert')).toContainText('Customers > Bulk registration');
	const listD = await downloadBytes(page, stepD.getByRole('button', { name: 'Download the problem list' }));
	const textD = new TextDecoder('shift_jis').decode(listD.bytes);
	expect(textD).toContain('Customer files are registered under Customers > Bulk registration');
	expect(textD).not.toMatch(japanese);
});

test('an upload: refusal reasons and the history detail are English', async ({ page }) => {
	await toEnglish(page);
	await page.getByRole('navigation').getByRole('link', { name: 'Customers', exact: true }).click();
	const bulk = page.getByRole('region', { name: 'Bulk registration' });
	await chooseFile(page, bulk, 'pan.csv', '旧カートの顧客番号,氏名\r\nC1,4111 1111 1111 1111\r\n');
	await bulk.getByRole('button', { name: 'Upload data' }).click();
	await expect(bulk.getByRole('alert')).toContainText('Row 2, column 2 holds what looks like a full card number.');
	await expect(bulk.getByRole('alert')).not.toContainText(japanese);

	// A file without a header row is refused at its row 1: the box says why, not only that it was.
	await chooseFile(page, bulk, 'no-header.csv', 'OC-11,山田 太郎,taro@example.jp\r\nOC-12,佐藤 花子,hana@example.jp\r\n');
	await bulk.getByRole('button', { name: 'Upload data' }).click();
	await expect(bulk.getByRole('alert')).toContainText('This file could not be imported.');
	await expect(bulk.getByRole('alert').getByRole('listitem')).toContainText('Row 1 does not name "linkage ID". Choose a file with a header row.');

	await chooseFile(page, bulk, 'customers.csv', '旧カートの顧客番号,氏名\r\nC1,a\r\n,b\r\n');
	await bulk.getByRole('button', { name: 'Upload data' }).click();
	await expect(bulk.getByText('Read 2 rows and registered 1.', { exact: false })).toBeVisible();
	await bulk.getByRole('link').last().click();
	const detail = page.getByRole('region', { name: 'Entry details: customers.csv' });
	await expect(detail.getByRole('table')).toContainText('Row 3: the linkage ID is empty. Enter the linkage ID.');
});

test('an entry stored before problems were codes reads in both languages', async ({ page }) => {
	// An app of schema version 2 left this database behind: its failures are Japanese text. A blank
	// page of the app's origin (not the app, which would open the database first) writes it.
	await page.route('**/seed-old-database', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,"><title>seed</title>' }));
	await page.goto('/seed-old-database');
	const message = '3行目の有効期限「2813」は月が13です。YYMM形式（例：2912）で入力してください。';
	await page.evaluate(async (text) => {
		localStorage.setItem('webcollect-workbench.language', 'en');
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.open('webcollect-workbench', 20);
			request.onupgradeneeded = () => {
				const db = request.result;
				db.createObjectStore('settings', { keyPath: 'key' });
				const customers = db.createObjectStore('customerChunks', { keyPath: 'id', autoIncrement: true });
				customers.createIndex('uploadId', 'uploadId');
				customers.createIndex('firstSeq', 'firstSeq');
				db.createObjectStore('cardChunks', { keyPath: 'id', autoIncrement: true }).createIndex('uploadId', 'uploadId');
				const history = db.createObjectStore('history', { keyPath: 'id', autoIncrement: true });
				for (const index of ['startedAt', 'fileName', 'status']) history.createIndex(index, index);
				db.createObjectStore('notifications', { keyPath: 'id', autoIncrement: true }).createIndex('createdAt', 'createdAt');
				db.createObjectStore('meta', { keyPath: 'key' });
				history.add({
					kind: 'card-file', fileName: 'old-return.csv', size: 120, sha256: 'a'.repeat(64), encoding: 'shift_jis',
					startedAt: Date.UTC(2026, 10, 20), finishedAt: Date.UTC(2026, 10, 20), rows: 3, succeeded: 2, failed: 1,
					warnings: 0, skipped: 0, status: 'errors', failedRows: [3], failures: [{ row: 3, column: 4, code: 'bad-month', message: text }]
				});
			};
			request.onsuccess = () => (request.result.close(), resolve());
			request.onerror = () => reject(request.error);
		});
	}, message);

	await page.goto('/history?entry=1');
	const detail = page.getByRole('region', { name: 'Entry details: old-return.csv' });
	await expect(detail.getByRole('table')).toContainText('Row 3: expiry "2813" has month 13. Enter it as YYMM (e.g. 2912).');
	await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
	await expect(page.getByRole('region', { name: '履歴の詳細: old-return.csv' }).getByRole('table')).toContainText(message);
});
