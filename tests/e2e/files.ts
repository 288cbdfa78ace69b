import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';

export const fixture = (name: string) => `tests/fixtures/${name}`;

/** Shift_JIS fixture bytes re-encoded as UTF-8 (with a BOM when asked). */
export async function asUtf8(name: string, bom = false): Promise<Buffer> {
	const text = new TextDecoder('shift_jis').decode(await readFile(fixture(name)));
	return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

/** Chooses a file the way an operator does: 「ファイルを指定する」, then the file chooser. */
export async function chooseFile(
	page: Page,
	scope: Locator,
	file: string | { name: string; mimeType: string; buffer: Buffer }
) {
	const chooser = page.waitForEvent('filechooser');
	await scope.getByRole('button', { name: 'ファイルを指定する' }).click();
	await (await chooser).setFiles(file);
}

/** Clicks a button that starts a download and returns the downloaded bytes. */
export async function downloadBytes(page: Page, button: Locator): Promise<{ bytes: Buffer; download: Download }> {
	const pending = page.waitForEvent('download');
	await button.click();
	const download = await pending;
	return { bytes: await readFile((await download.path())!), download };
}
