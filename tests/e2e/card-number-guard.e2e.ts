import { readFile } from 'node:fs/promises';
import Encoding from 'encoding-japanese';
import type { Page } from '@playwright/test';
import { expect, test } from './support';
import { chooseFile, downloadBytes, fixture } from './files';
import { returnFileWithMemo, returnHeader } from './wizard';

// Card numbers as people paste them out of web pages, chat and spreadsheets (SPEC, "Refused outright").
const cards = [
	{ digits: '4111111111111111', written: '4111\u00a01111\u00a01111\u00a01111' },
	{ digits: '5500000000000004', written: '5500ー0000ー0000ー0004' },
	{ digits: '378282246310005', written: '３７８２\u2009８２２４６３\u2009１０００５' },
	{ digits: '3530111333300000', written: '3530.1113.3330.0000' },
	{ digits: '6011111111111117', written: '6011/1111/1111\u200b1117' }
];
const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${text}`) });

/** Every place the app could keep or show a value: IndexedDB (every database), localStorage, Cache Storage, the DOM. */
async function dumpEverything(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const parts: string[] = [document.documentElement.outerHTML, document.body.innerText];
		for (const { name } of await indexedDB.databases()) {
			if (!name) continue;
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open(name);
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			for (const store of Array.from(db.objectStoreNames)) {
				const rows = await new Promise<unknown[]>((resolve, reject) => {
					const request = db.transaction(store).objectStore(store).getAll();
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
				parts.push(`${name}/${store}`, JSON.stringify(rows));
			}
			db.close();
		}
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i)!;
			parts.push(key, localStorage.getItem(key) ?? '');
		}
		for (const key of await caches.keys()) {
			const cache = await caches.open(key);
			for (const request of await cache.keys()) {
				parts.push(request.url, await ((await cache.match(request))?.text() ?? ''));
			}
		}
		return parts.join('\n');
	});
}

/** Whether the text holds a card number: as typed, or as its digits once everything else is gone. */
function expectNoCardNumber(text: string, where: string) {
	const ascii = text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
	const digitsOnly = ascii.replace(/\D/g, '');
	for (const { digits, written } of cards) {
		expect(text, where).not.toContain(written);
		expect(digitsOnly, `${where} (digits only)`).not.toContain(digits);
	}
}

test('a card number in any file, file name, settings text or search is refused and kept nowhere', async ({ page }) => {
	test.setTimeout(120_000);
	const consoleText: string[] = [];
	page.on('console', (message) => consoleText.push(message.text()));
	const downloads: Buffer[] = [];

	await page.goto('/migration');
	const stepB = page.getByRole('region', { name: 'a・b. 顧客一覧を読み込む' });
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	for (const [index, { written }] of cards.entries()) {
		// Yamato's return file: the number in an extra column, in a quoted multi-line field, in the header.
		const places = [
			[returnFileWithMemo(written), '3行目6列目'],
			[`${returnHeader}\r\nUS-00010000,111,VISA,2912,AbCdEf0123456789xyZ1\r\n"US-00010001\r\n${written}",042,JCB,2803,QwErTy9876543210abC2\r\n`, '3行目1列目'],
			[`${returnHeader},${written}\r\nUS-00010000,111,VISA,2912,AbCdEf0123456789xyZ1\r\n`, '1行目6列目']
		];
		for (const [text, where] of places) {
			await chooseFile(page, stepD, file(`return-${index}.csv`, text));
			await stepD.getByRole('button', { name: '変換する' }).click();
			await expect(stepD.getByRole('alert')).toContainText(`${where}に、カード番号の全桁と思われる数字があります`);
			await expect(stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' })).toBeDisabled();
			downloads.push((await downloadBytes(page, stepD.getByRole('button', { name: '問題の一覧をダウンロード' }))).bytes);
		}
		// The store's customer list for the linkage CSV.
		const list = `サブスクストアの顧客ID,旧カートの顧客番号(連携用ID),氏名\r\nUS-00010000,C${index},"山田\r\n${written}"\r\n`;
		await chooseFile(page, stepB, file(`list-${index}.csv`, list));
		await stepB.getByRole('button', { name: '顧客一覧を読み込む' }).click();
		await expect(page.getByRole('region', { name: 'c. 連携用CSVを作る' }).getByRole('alert')).toContainText('カード番号の全桁');
	}

	// A card number in a file's name: refused before it is read, its name never shown.
	for (const { written } of cards.slice(0, 2)) {
		await chooseFile(page, stepD, file(`返却 ${written}.csv`, `${returnHeader}\r\nUS-00010000,111,VISA,2912,AbCdEf0123456789xyZ1\r\n`));
		await expect(stepD.getByRole('alert').filter({ hasText: 'ファイル名に、カード番号の全桁と思われる数字があります' })).toBeVisible();
		await expect(stepD.getByRole('button', { name: '変換する' })).toBeDisabled();
	}

	await page.goto('/customers');
	const bulk = page.getByRole('region', { name: '一括登録' });
	for (const [index, { written }] of cards.entries()) {
		await chooseFile(page, bulk, file(`oldcart-${index}.csv`, `旧カートの顧客番号,氏名,住所\r\nC1,山田,東京都\r\nC2,佐藤,"大阪府\r\n${written}"\r\n`));
		await bulk.getByRole('button', { name: 'データアップロード' }).click();
		await expect(bulk.getByRole('alert')).toContainText('3行目3列目に、カード番号の全桁');
	}
	await chooseFile(page, bulk, file(`顧客 ${cards[0].written}.csv`, '旧カートの顧客番号,氏名\r\nC1,山田\r\n'));
	await expect(bulk.getByRole('alert').filter({ hasText: 'ファイル名に、カード番号の全桁' })).toBeVisible();
	await expect(bulk.getByRole('button', { name: 'データアップロード' })).toBeDisabled();

	await bulk.getByRole('radio', { name: /クレジットカード情報/ }).check();
	const importText = new TextDecoder('shift_jis').decode(await readFile(fixture('yamato-return.card-import.expected.sjis.csv')));
	for (const [index, { written }] of cards.entries()) {
		const rows = importText.split('\r\n');
		rows[1] = `${rows[1]},${written}`;
		await chooseFile(page, bulk, file(`cards-${index}.csv`, rows.join('\r\n')));
		await bulk.getByRole('button', { name: 'データアップロード' }).click();
		await expect(bulk.getByRole('alert')).toContainText('2行目10列目に、カード番号の全桁');
	}

	// Search boxes: such a query is not run and not kept.
	const search = page.getByRole('region', { name: '顧客一覧(検索)' });
	await search.getByLabel('検索語').fill(cards[1].written);
	await search.getByRole('button', { name: '検索', exact: true }).click();
	await expect(search.getByRole('alert')).toContainText('カード番号の全桁では検索できません');
	await expect(search.getByLabel('検索語')).toHaveValue('');
	expect(page.url()).not.toContain('5500');

	// Settings free texts: shown next to the field, never saved, never previewed.
	await page.goto('/settings');
	await page.getByRole('radio', { name: /消費者に表示/ }).check();
	await page.getByLabel('加盟店コード').fill('12345678');
	await page.getByLabel('アクセスキー', { exact: true }).fill('1234567');
	await page.getByLabel('支払いの説明').fill(`テスト用カード ${cards[0].written}`);
	await page.getByLabel('通知メール文').fill(`番号 ${cards[2].written}`);
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByText('カード番号の全桁と思われる数字があります。カード番号の全桁は入力しないでください。')).toHaveCount(2);
	await expect(page.getByTestId('cart-preview')).toContainText('クレジットカード');
	expectNoCardNumber(await page.locator('.previews').innerText(), 'previews');
	await page.reload();
	await expect(page.getByLabel('支払いの説明')).toHaveValue('');

	await page.goto('/history');
	const history = page.getByRole('region', { name: '履歴を検索' });
	await history.getByLabel('ファイル名').fill(cards[3].written);
	await history.getByRole('button', { name: '検索', exact: true }).click();
	await expect(history.getByRole('alert')).toContainText('カード番号の全桁では検索できません');
	await expect(history.getByLabel('ファイル名')).toHaveValue('');
	expect(page.url()).not.toContain('3530');
	await expect(page.getByRole('table')).toBeVisible();

	expectNoCardNumber(await dumpEverything(page), 'storage and DOM');
	expectNoCardNumber(consoleText.join('\n'), 'console');
	for (const [index, bytes] of downloads.entries()) {
		expectNoCardNumber(bytes.toString('utf8'), `download ${index}`);
		expectNoCardNumber(new TextDecoder('shift_jis').decode(bytes), `download ${index} (Shift_JIS)`);
	}
});

test('a card number pasted with UTF-8 separators into a Shift_JIS row is refused in the browser, and kept nowhere', async ({ page }) => {
	const sjisBytes = (text: string) => Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
	await page.goto('/customers');
	// The premise, in this browser: such rows decode without error (0x80 is U+0080, WHATWG Encoding).
	const decoded = await page.evaluate(() => new TextDecoder('shift_jis', { fatal: true }).decode(new Uint8Array([0x31, 0xe3, 0x80, 0x80, 0x32, 0xe3, 0x83, 0xbc, 0x33])));
	expect(decoded).toBe('1縲\u00802繝ｼ3');
	const bulk = page.getByRole('region', { name: '一括登録' });
	for (const [index, separator] of ['\u3000', 'ー', '\u00b7'].entries()) {
		const pasted = Buffer.from(['4111', '1111', '1111', '1111'].join(separator), 'utf8');
		const bytes = Buffer.concat([sjisBytes('旧カートの顧客番号,氏名,住所\r\nC1,山田 太郎,東京都\r\nC2,佐藤 花子,'), pasted, sjisBytes('\r\nC3,鈴木 一,大阪府\r\n')]);
		await chooseFile(page, bulk, { name: `sjis-${index}.csv`, mimeType: 'text/csv', buffer: bytes });
		await bulk.getByRole('button', { name: 'データアップロード' }).click();
		await expect(bulk.getByRole('alert')).toContainText('3行目3列目に、カード番号の全桁');
	}
	const everything = await dumpEverything(page);
	expect(everything).not.toMatch(/4111[^0-9]{1,3}1111[^0-9]{1,3}1111[^0-9]{1,3}1111/);
	expectNoCardNumber(everything, 'the browser’s storage and page');
});
