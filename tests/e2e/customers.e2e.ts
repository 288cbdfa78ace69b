import { readFile } from 'node:fs/promises';
import { expect, test } from './support';
import { chooseFile, downloadBytes, fixture, testFile } from './files';
import { registerOldCartCustomers, saveShopSettings } from './wizard';

test('register the old-cart customers, get US- IDs in order, and a delta run skips them', async ({ page }) => {
	const bulk = await registerOldCartCustomers(page);
	await expect(bulk.getByText('付けた顧客IDは US-00010000〜US-00010003 です。')).toBeVisible();

	const list = page.getByRole('region', { name: '顧客一覧(検索)' });
	await expect(list.getByRole('status')).toHaveText('4件（登録 4件）');
	await expect(list.getByRole('cell', { name: 'US-00010003' })).toBeVisible();

	await chooseFile(page, bulk, fixture('oldcart-customers.utf8bom.csv'));
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	await expect(bulk.getByText(/0件を登録しました。スキップ 4件/)).toBeVisible();
	await page.reload();
	await expect(list.getByRole('status')).toHaveText('4件（登録 4件）');

	await list.getByLabel('検索語').fill('C0002');
	await list.getByRole('button', { name: '検索' }).click();
	await expect(list.getByRole('status')).toHaveText('1件（登録 4件）');
	await expect(list.getByRole('cell', { name: 'US-00010001' })).toBeVisible();

	// IDs and 連携用IDs match in part; a search with no match has nothing to download, and says so.
	const download_ = list.getByRole('button', { name: 'データダウンロード' });
	for (const [query, count] of [['US-0001000', 4], ['us-00010002', 1], ['c000', 4], ['0312', 1], ['HANAKO@', 1], ['該当なしZZ', 0]] as const) {
		await list.getByLabel('検索語').fill(query);
		await list.getByRole('button', { name: '検索' }).click();
		await expect(list.getByRole('status'), query).toHaveText(`${count}件（登録 4件）`);
		if (count === 0) {
			await expect(download_).toBeDisabled();
			await expect(download_).toHaveAccessibleDescription('条件に合う顧客はいません。 一致する顧客がいないため、ダウンロードするデータはありません。検索の言葉を変えてください。');
		} else {
			await expect(download_).toBeEnabled();
		}
	}

	await list.getByLabel('検索語').fill('');
	await list.getByRole('button', { name: '検索' }).click();
	const download = await downloadBytes(page, list.getByRole('button', { name: 'データダウンロード' }));
	const text = new TextDecoder('shift_jis').decode(download.bytes);
	const lines = text.split('\r\n');
	expect(lines[0].startsWith('サブスクストアの顧客ID,旧カートの顧客番号(連携用ID),')).toBe(true);
	expect(lines[1].startsWith('US-00010000,')).toBe(true);
	expect(lines).toHaveLength(6);
	expect(text).toContain('髙');
});

test('a card file is refused with a link to settings when cards are not in use', async ({ page }) => {
	await page.goto('/settings');
	await page.getByRole('radio', { name: /利用しない/ }).check();
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByText('保存しました。')).toBeVisible();
	await page.goto('/customers');
	const bulk = page.getByRole('region', { name: '一括登録' });
	await bulk.getByRole('radio', { name: /クレジットカード情報/ }).check();
	await expect(bulk.getByText(/カード情報は取り込めません/)).toBeVisible();
	await chooseFile(page, bulk, fixture('yamato-return.card-import.expected.sjis.csv'));
	await expect(bulk.getByRole('button', { name: 'データアップロード' })).toBeDisabled();
	await bulk.getByRole('link', { name: '支払い方法設定を確認する' }).click();
	await expect(page).toHaveURL(/\/settings$/);
});

test('a file without a header row is refused and the box says why, at 1280 and 390 px', async ({ page }) => {
	const path = await testFile('no-header.csv', 'OC-11,山田 太郎,taro@example.jp\r\nOC-12,佐藤 花子,hana@example.jp\r\n');
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await page.goto('/customers');
		const bulk = page.getByRole('region', { name: '一括登録' });
		await chooseFile(page, bulk, path);
		await bulk.getByRole('button', { name: 'データアップロード' }).click();
		await expect(bulk.getByRole('alert')).toContainText('このファイルは取り込めませんでした。');
		await expect(bulk.getByRole('alert').getByRole('listitem')).toHaveText('1行目に「連携用ID」の見出しが見つかりません。見出し行のあるファイルを指定してください。');
		// Another file chosen: the refusal spoke of the file before, and goes.
		await chooseFile(page, bulk, fixture('oldcart-customers.utf8bom.csv'));
		await expect(bulk.getByText('このファイルは取り込めませんでした。')).toHaveCount(0);
	}
});

test('the whole rehearsal: registry → linkage CSV → conversion → card import → cards on customers', async ({ page }) => {
	await saveShopSettings(page);

	const bulk = await registerOldCartCustomers(page);

	await page.goto('/migration');
	const stepB = page.getByRole('region', { name: 'a・b. 顧客一覧を読み込む' });
	await expect(stepB.getByRole('radio', { name: /このアプリの顧客一覧（4件）/ })).toBeChecked();
	await stepB.getByRole('button', { name: '登録済みの顧客から作る' }).click();
	const stepC = page.getByRole('region', { name: 'c. 連携用CSVを作る' });
	const linkage = await downloadBytes(page, stepC.getByRole('button', { name: '連携用CSVをダウンロード' }));
	const linkageText = new TextDecoder('shift_jis').decode(linkage.bytes);
	expect(linkageText.split('\r\n').slice(0, 2)).toEqual(['旧カートの顧客番号(連携用ID),サブスクストアの顧客ID', 'C0001,US-00010000']);

	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseFile(page, stepD, fixture('yamato-return.sjis.csv'));
	await stepD.getByRole('button', { name: '変換する' }).click();
	await expect(stepD.getByTestId('recon-sent-not-returned')).toHaveText('1');
	const output = await downloadBytes(page, stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' }));
	expect(output.bytes.equals(await readFile(fixture('yamato-return.card-import.expected.sjis.csv')))).toBe(true);

	await page.goto('/customers');
	await bulk.getByRole('radio', { name: /クレジットカード情報/ }).check();
	await chooseFile(page, bulk, { name: 'card-import.csv', mimeType: 'text/csv', buffer: output.bytes });
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	await expect(bulk.getByText('3行を読み込み、3件を登録しました。')).toBeVisible();
	await page.reload();
	const list = page.getByRole('region', { name: '顧客一覧(検索)' });
	await expect(list.getByText('VISA ・・・111 12/29')).toBeVisible();
	await expect(list.getByText('****xyZ1')).toBeVisible();
	expect(await page.content()).not.toContain('AbCdEf0123456789xyZ1');
});

test('a Shift_JIS list download that cannot hold 𠮷 or — names the cells and offers UTF-8 (BOM)', async ({ page }) => {
	await page.goto('/customers');
	const bulk = page.getByRole('region', { name: '一括登録' });
	await chooseFile(page, bulk, fixture('real-world/oldcart-names-outside-cp932.utf8bom.csv'));
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	await expect(bulk.getByText('2行を読み込み、2件を登録しました。')).toBeVisible();

	const list = page.getByRole('region', { name: '顧客一覧(検索)' });
	let downloads = 0;
	page.on('download', () => downloads++);
	await list.getByRole('button', { name: 'データダウンロード' }).click();
	const notice = list.getByRole('alert');
	await expect(notice).toContainText('Shift_JISで書き出せない文字が2か所にあるため、ファイルを書き出しませんでした。');
	// The operator's field first; the row and column are those of the file being written, and said so.
	await expect(notice).toContainText('行・列は書き出すファイルでの位置です。');
	await expect(notice).toContainText('氏名の「𠮷」は、Shift_JISで書き出せません（2行目・3列目）。');
	await expect(notice).toContainText('住所の「—」は、Shift_JISで書き出せません（2行目・8列目）。');
	await expect(notice).not.toContainText('千代田区');
	expect(downloads).toBe(0);

	const { bytes } = await downloadBytes(page, notice.getByRole('button', { name: 'UTF-8（BOM付き）でダウンロード' }));
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
	const lines = text.split('\r\n');
	expect(lines[0]).toBe('サブスクストアの顧客ID,旧カートの顧客番号(連携用ID),氏名,氏名(カナ),メールアドレス,電話番号,郵便番号,住所,カード枚数');
	expect(lines[1]).toBe('US-00010000,OC-0001,𠮷田 一郎,,,,,東京都千代田区1—2—3,0');
	expect(lines[2]).toBe('US-00010001,OC-0002,山田 花子,,,,,大阪府大阪市北区4-5-6,0');
	expect(text).not.toContain('?');
	await expect(list.getByRole('alert')).toHaveCount(0);

	await page.getByRole('combobox', { name: '表示言語' }).selectOption('en');
	const listEn = page.getByRole('region', { name: 'Customer list (search)' });
	await listEn.getByRole('button', { name: 'Download data' }).click();
	const noticeEn = listEn.getByRole('alert');
	await expect(noticeEn).toContainText('2 cells hold characters that Shift_JIS cannot write, so no file was written.');
	await expect(noticeEn).toContainText('Rows and columns are those of the file being written');
	await expect(noticeEn).toContainText('The name "𠮷" cannot be written in Shift_JIS (row 2, column 3).');
	await expect(noticeEn.getByRole('button', { name: 'Download as UTF-8 (with BOM)' })).toBeVisible();
	expect(downloads).toBe(1);
});

test('a file that turns from UTF-8 to Shift_JIS registers its UTF-8 rows and lists the others, nothing garbled', async ({ page }) => {
	await page.goto('/customers');
	const bulk = page.getByRole('region', { name: '一括登録' });
	await chooseFile(page, bulk, fixture('real-world/oldcart-mixed-encoding.csv'));
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	await expect(bulk.getByText('3,002行を読み込み、3,000件を登録しました。スキップ 0件、エラー 2件、警告 0件。')).toBeVisible();
	const list = page.getByRole('region', { name: '顧客一覧(検索)' });
	await expect(list.getByRole('status')).toHaveText('3,000件（登録 3,000件）');
	const { bytes } = await downloadBytes(page, list.getByRole('button', { name: 'データダウンロード' }));
	const text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
	expect(text.split('\r\n')).toHaveLength(3002);
	expect(text).not.toContain('\uFFFD');
	expect(await page.locator('body').innerText()).not.toContain('\uFFFD');
});

/** 200,000 customers as an old cart writes them (UTF-8 with a BOM, CRLF). */
function manyCustomers(count: number): Buffer {
	const lines = ['旧カートの顧客番号,氏名,氏名(カナ),メールアドレス,電話番号'];
	for (let i = 0; i < count; i++) lines.push(`C${String(i).padStart(7, '0')},顧客 ${i},コキャク,c${i}@example.jp,03${String(i).padStart(8, '0')}`);
	return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

test('right after a large first registration, 顧客一覧 never says no customers are registered', async ({ page }) => {
	test.setTimeout(180_000);
	await page.goto('/customers');
	const bulk = page.getByRole('region', { name: '一括登録' });
	const list = page.getByRole('region', { name: '顧客一覧(検索)' });
	await expect(list.getByText('顧客はまだ登録されていません。')).toBeVisible();
	await chooseFile(page, bulk, { name: 'customers-200k.csv', mimeType: 'text/csv', buffer: manyCustomers(200_000) });
	// Every frame from the click to the final list: the result's text beside the list's, as the operator sees them.
	await page.evaluate(() => {
		const frames: { registered: boolean; list: string }[] = [];
		(window as unknown as { frames_: typeof frames }).frames_ = frames;
		const region = () => [...document.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent?.includes('顧客一覧'));
		const sample = () => {
			const registered = document.body.textContent?.includes('200,000件を登録しました') ?? false;
			frames.push({ registered, list: region()?.textContent ?? '' });
			requestAnimationFrame(sample);
		};
		requestAnimationFrame(sample);
	});
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	await expect(bulk.getByText(/200,000件を登録しました/)).toBeVisible({ timeout: 150_000 });
	await expect(list.getByRole('status')).toHaveText('200,000件（登録 200,000件）', { timeout: 30_000 });
	const frames = await page.evaluate(() => (window as unknown as { frames_: { registered: boolean; list: string }[] }).frames_);
	const afterRegistration = frames.filter((frame) => frame.registered);
	expect(afterRegistration.length).toBeGreaterThan(0);
	expect(afterRegistration.filter((frame) => frame.list.includes('まだ登録されていません')).length).toBe(0);
	// Each of those frames shows the registered customers, or says they are being read.
	expect(afterRegistration.filter((frame) => !/登録 200,000件|登録された顧客を読み込んでいます/.test(frame.list)).length).toBe(0);

	// A search typed right after: from its click on, no frame shows the blank list's count under it
	// (「200,000件」 stood under US-0002 until its 10,000 came, operator trial).
	await list.getByLabel('検索する項目').selectOption({ label: '顧客ID' });
	await list.getByLabel('検索語').fill('US-0002');
	await page.evaluate(() => {
		const marks = window as unknown as { frames_: { registered: boolean; list: string }[]; clickedAt_: number };
		const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === '検索');
		button?.addEventListener('click', () => (marks.clickedAt_ = marks.frames_.length), { capture: true, once: true });
	});
	await list.getByRole('button', { name: '検索', exact: true }).click();
	await expect(list.getByRole('status')).toHaveText('10,000件（登録 200,000件）', { timeout: 30_000 });
	const afterSearch = await page.evaluate(() => {
		const marks = window as unknown as { frames_: { list: string }[]; clickedAt_: number };
		return marks.frames_.slice(marks.clickedAt_).map((frame) => frame.list);
	});
	expect(afterSearch.length).toBeGreaterThan(0);
	expect(afterSearch.filter((list) => list.includes('200,000件（登録')).length).toBe(0);
});

// Words typed but not searched: the list, its count and 「データダウンロード」 still answer the last search,
// and the screen names that search until 「検索」 is pressed (the count was taken for the new word's).
for (const [language, width] of [['ja', 1280], ['en', 390]] as const) {
	test(`typed but not searched: the screen names the search the list answers (${language}, ${width} px)`, async ({ page }) => {
		await page.setViewportSize({ width, height: 800 });
		await registerOldCartCustomers(page);
		const words =
			language === 'ja'
				? { region: '顧客一覧(検索)', query: '検索語', search: '検索', download: 'データダウンロード', all: '表示中の一覧・件数とデータダウンロードは、前に検索したすべての顧客のものです。入力した条件で探すには「検索」を押してください。', one: '表示中の一覧・件数とデータダウンロードは、前に検索した「C0002」（すべて）のものです。入力した条件で探すには「検索」を押してください。', count: '1件（登録 4件）' }
				: { region: 'Customer list (search)', query: 'Search for', search: 'Search', download: 'Download data', all: 'The list, its count and the download are still those of the last search: all customers. Press "Search" to search for what you typed.', one: 'The list, its count and the download are still those of the last search: "C0002" (All). Press "Search" to search for what you typed.', count: '1 found (4 registered)' };
		if (language === 'en') await page.getByRole('combobox', { name: '表示言語' }).selectOption('en');
		const list = page.getByRole('region', { name: words.region });
		const download = list.getByRole('button', { name: words.download });
		await list.getByLabel(words.query).fill('C0002');
		await expect(list.getByText(words.all)).toBeVisible();
		await expect(download).toHaveAccessibleDescription(words.all);
		// The download is the list shown: all four customers, not the one typed.
		const all = new TextDecoder('shift_jis').decode((await downloadBytes(page, download)).bytes);
		expect(all.split('\r\n')).toHaveLength(6);
		await list.getByRole('button', { name: words.search }).click();
		await expect(list.getByRole('status')).toHaveText(words.count);
		await expect(list.getByText(words.all)).toHaveCount(0);
		await list.getByLabel(words.query).fill('');
		await expect(list.getByText(words.one)).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
	});
}
