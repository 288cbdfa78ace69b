import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { test, type Download, type Locator, type Page } from '@playwright/test';

export const fixture = (name: string) => `tests/fixtures/${name}`;

/** Shift_JIS fixture bytes re-encoded as UTF-8 (with a BOM when asked). */
export async function asUtf8(name: string, bom = false): Promise<Buffer> {
	const text = new TextDecoder('shift_jis').decode(await readFile(fixture(name)));
	return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

/**
 * Writes `contents` as `name` in the running test's (or hook's) own output folder under test-results/,
 * which every run empties first, and returns its path: the made-up files of 300,000–1,500,000 rows
 * (up to 75 MB each) no longer pile up in the system's temporary folder run after run.
 */
export async function testFile(name: string, contents: string | Buffer): Promise<string> {
	const path = test.info().outputPath(name);
	await mkdir(dirname(path), { recursive: true });
	await writeFile(path, contents);
	return path;
}

/** A return file of step d with a Japanese header and `rows` valid rows (CRLF, ASCII after the header). */
export function bigReturnFile(rows: number): string {
	const lines = ['サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー'];
	for (let i = 0; i < rows; i++) lines.push(`US-${String(10000 + i).padStart(8, '0')},${String(i % 1000).padStart(3, '0')},VISA,2912,Tok${i}abcdefghijKLMN`);
	return lines.join('\r\n');
}

type ChosenFile = string | { name: string; mimeType: string; buffer: Buffer };

/**
 * Opens the file chooser the way an operator does — `activate` clicks (or presses a key on) the button — and
 * sets `file` in it. The page must have painted a frame first: Chromium drops input that arrives before
 * the first paint of a freshly loaded page (a click Playwright judged actionable once opened no chooser
 * for 60 s on a loaded machine), so this waits for two animation frames before acting. A chooser that
 * still does not open within 15 s is asked once more and the test is marked with a warning annotation;
 * a button that never opens one fails the test.
 */
export async function setFileThrough(page: Page, activate: () => Promise<void>, file: ChosenFile) {
	await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
	for (let attempt = 1; ; attempt++) {
		const chooser = page.waitForEvent('filechooser', { timeout: attempt === 1 ? 15_000 : 45_000 });
		await activate();
		try {
			await (await chooser).setFiles(file);
			return;
		} catch (error) {
			if (attempt === 2) throw error;
			test.info().annotations.push({ type: 'warning', description: 'the file chooser opened only on the second try' });
		}
	}
}

/** Chooses a file through the button named `button` (「ファイルを指定する」 unless told) in `scope`. */
export async function chooseFile(page: Page, scope: Locator, file: ChosenFile, button = 'ファイルを指定する') {
	await setFileThrough(page, () => scope.getByRole('button', { name: button }).click(), file);
}

/** Clicks a button that starts a download and returns the downloaded bytes. */
export async function downloadBytes(page: Page, button: Locator): Promise<{ bytes: Buffer; download: Download }> {
	const pending = page.waitForEvent('download');
	await button.click();
	const download = await pending;
	return { bytes: await readFile((await download.path())!), download };
}
