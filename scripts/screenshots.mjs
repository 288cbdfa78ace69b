// Takes the README's screenshots: every screen at 1280 px with the demo store walked through the UI,
// the migration report (on screen and as printed) and two phone (390 px) views.
// Run after `npm run build`: node scripts/screenshots.mjs (writes docs/screenshots/*.png).
// Japanese text needs a CJK font on the machine (Debian: apt-get install fonts-noto-cjk).
import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';

/** A port nobody listens on, so the script runs beside the dev server and the tests. */
async function freePort() {
	const probe = createServer().listen(0, '127.0.0.1');
	await new Promise((resolve) => probe.once('listening', resolve));
	const { port } = probe.address();
	await new Promise((resolve) => probe.close(resolve));
	return port;
}

const port = await freePort();
const origin = `http://localhost:${port}`;
const out = new URL('../docs/screenshots/', import.meta.url).pathname;

async function startServer() {
	const server = spawn(process.execPath, ['scripts/serve.js'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise((resolve, reject) => {
		server.stdout.once('data', resolve);
		server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
	});
	return server;
}

/** Clicks a button that downloads a file and returns the file, ready to upload again. */
async function download(page, button) {
	const pending = page.waitForEvent('download');
	await button.click();
	const file = await pending;
	return { name: file.suggestedFilename(), mimeType: 'text/csv', buffer: await readFile(await file.path()) };
}

async function choose(page, scope, file) {
	const chooser = page.waitForEvent('filechooser');
	await scope.getByRole('button', { name: 'ファイルを指定する' }).click();
	await (await chooser).setFiles(file);
}

async function shot(page, name) {
	await page.evaluate(() => document.fonts.ready);
	await page.mouse.move(0, 0);
	await page.screenshot({ path: `${out}${name}.png`, fullPage: true });
	console.log(`docs/screenshots/${name}.png`);
}

async function walkThrough(page) {
	const nav = page.getByRole('navigation', { name: 'メインメニュー' });
	await page.goto(`${origin}/`);
	await page.getByRole('button', { name: 'デモデータを作成' }).click();
	const demo = page.getByRole('region', { name: 'デモで試す' });
	const oldCart = await download(page, demo.getByRole('button', { name: '旧カートの顧客ファイルをダウンロード' }));
	const customerList = await download(page, demo.getByRole('button', { name: 'ストアの顧客一覧をダウンロード' }));
	const yamatoReturn = await download(page, demo.getByRole('button', { name: '返却ファイルをダウンロード' }));
	await shot(page, 'home');

	await nav.getByRole('link', { name: '支払い方法設定' }).click();
	await page.getByRole('radio', { name: /消費者に表示/ }).check();
	await page.getByLabel('加盟店コード').fill('12345678');
	await page.getByLabel('アクセスキー', { exact: true }).fill('1234567');
	await page.getByLabel('支払いの説明').fill('VISA・Mastercard・JCB・AMEX・Dinersがご利用いただけます。');
	await page.getByLabel('通知メール文').fill('クレジットカードでのお支払いを承りました。決済は商品発送時に確定します。');
	await page.getByRole('button', { name: '保存' }).click();
	await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
	await shot(page, 'settings');

	await nav.getByRole('link', { name: '顧客一覧' }).click();
	const bulk = page.getByRole('region', { name: '一括登録' });
	await choose(page, bulk, oldCart);
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	await bulk.getByText('付けた顧客IDは').waitFor();

	await nav.getByRole('link', { name: 'カード情報移行' }).click();
	const stepB = page.getByRole('region', { name: 'a・b. 顧客一覧を読み込む' });
	await stepB.getByRole('radio', { name: /このアプリの顧客一覧/ }).and(page.locator(':checked')).waitFor();
	await stepB.getByRole('radio', { name: 'ファイル（ストアの顧客一覧）' }).check();
	await choose(page, stepB, customerList);
	await stepB.getByRole('button', { name: '顧客一覧を読み込む' }).click();
	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await choose(page, stepD, yamatoReturn);
	await stepD.getByRole('button', { name: '変換する' }).click();
	const cardImport = await download(page, stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' }));
	await stepD.getByText('bad-month').waitFor();
	await shot(page, 'migration');

	await nav.getByRole('link', { name: '顧客一覧' }).click();
	await bulk.getByRole('radio', { name: /クレジットカード情報/ }).check();
	await choose(page, bulk, cardImport);
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	await bulk.getByText(/件を登録しました/).waitFor();
	await page.getByRole('row', { name: /^US-00010000 / }).getByText('・・・').first().waitFor();
	await shot(page, 'customers');

	await page.getByRole('button', { name: '通知' }).click();
	await page.waitForTimeout(300);
	await page.screenshot({ path: `${out}notifications.png`, clip: { x: 0, y: 0, width: 1280, height: 720 } });
	console.log('docs/screenshots/notifications.png');
	await page.keyboard.press('Escape');

	await nav.getByRole('link', { name: '顧客データ取り込み履歴' }).click();
	await page.getByRole('heading', { level: 1 }).waitFor();
	await page.waitForTimeout(500);
	await shot(page, 'history');

	// 移行レポート, opened from the history as an operator does, then as printed (the PDF's look).
	await page.getByRole('link', { name: '移行レポート', exact: true }).click();
	await page.getByRole('region', { name: 'サポートへの連絡文' }).waitFor();
	await shot(page, 'report');
	await page.emulateMedia({ media: 'print' });
	await shot(page, 'report-print');
	await page.emulateMedia({ media: 'screen' });

	// A phone (390 px): the report and the customer list as they fit a small screen.
	await page.setViewportSize({ width: 390, height: 844 });
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.waitForTimeout(300);
	await page.screenshot({ path: `${out}phone-report.png` });
	console.log('docs/screenshots/phone-report.png');
	await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '顧客一覧' }).click();
	await page.getByRole('row', { name: /^US-00010000 / }).waitFor();
	await page.getByRole('region', { name: '顧客一覧(検索)', exact: true }).evaluate((section) => section.scrollIntoView({ block: 'start' }));
	await page.waitForTimeout(300);
	await page.screenshot({ path: `${out}phone-customers.png` });
	console.log('docs/screenshots/phone-customers.png');
}

await mkdir(out, { recursive: true });
const server = await startServer();
// Debian's Chromium with the flags the tests use (tests/chromium.json), in Japanese.
const launch = JSON.parse(await readFile(new URL('../tests/chromium.json', import.meta.url), 'utf8'));
const browser = await chromium.launch({ ...launch, args: [...launch.args, '--lang=ja-JP'] });
try {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		locale: 'ja-JP',
		timezoneId: 'Asia/Tokyo',
		acceptDownloads: true
	});
	await walkThrough(await context.newPage());
} finally {
	await browser.close();
	server.kill();
}
