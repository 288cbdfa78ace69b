// Launches Debian's Chromium the way the e2e tests do, with a fresh on-disk profile (IndexedDB on
// disk, as an operator's browser has it), and installs the in-page instruments.
import { chromium } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installInstruments } from './instruments.mjs';

/** Debian's Chromium and its flags, the same file playwright.config.ts reads. */
const chromiumConfig = JSON.parse(await readFile(new URL('../../tests/chromium.json', import.meta.url), 'utf8'));
export const chromiumArgs = chromiumConfig.args;
export const chromiumPath = chromiumConfig.executablePath;

/** A browser with one persistent context; `close()` also deletes its profile. */
export async function launchBrowser() {
	const profileDir = await mkdtemp(join(tmpdir(), 'webcollect-bench-profile-'));
	const context = await chromium.launchPersistentContext(profileDir, {
		executablePath: chromiumPath,
		args: chromiumArgs,
		headless: true,
		locale: 'ja-JP',
		timezoneId: 'Asia/Tokyo',
		acceptDownloads: true,
		viewport: { width: 1280, height: 900 }
	});
	await installInstruments(context);
	return {
		context,
		profileDir,
		async close() {
			await context.close();
			await rm(profileDir, { recursive: true, force: true });
		}
	};
}

/** A fresh page of the context, every other page closed (one app tab, as an operator has it). */
export async function onlyPage(context) {
	const page = await context.newPage();
	for (const other of context.pages()) if (other !== page) await other.close();
	return page;
}
