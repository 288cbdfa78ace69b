// Steps a/b/c on /migration: the linkage CSV (連携用CSV) from this app's registry
// (「登録済みの顧客から作る」) or from the store's customer list file, through the app's worker and UI.
import { onlyPage } from '../browser.mjs';
import { loadAverage } from '../machine.mjs';
import { progressGaps, readInstruments } from '../timeline.mjs';
import { chooseFile, lastClick, waitUnlessFailed, whenButtonEnabled, whenNewText } from '../ui.mjs';

const regionB = 'a・b. 顧客一覧を読み込む';
const downloadLabel = '連携用CSVをダウンロード';

/**
 * Builds the linkage CSV in a fresh /migration page, from `file` or (no file) from the registry:
 * time from the click to 「連携用CSVをダウンロード」 enabled, and the longest wait between visible
 * progress updates, with the machine's load average when it ran.
 */
export async function measureLinkage(browser, origin, file = null) {
	const page = await onlyPage(browser.context);
	await page.goto(`${origin}/migration`);
	const stepB = page.getByRole('region', { name: regionB });
	const label = file ? '顧客一覧を読み込む' : '登録済みの顧客から作る';
	if (file) {
		await stepB.getByRole('radio', { name: /ファイル/ }).check();
		await chooseFile(page, stepB, file);
	}
	await stepB.getByRole('button', { name: label }).waitFor();
	await stepB.evaluate((element) => element.setAttribute('data-bench', 'step-b'));
	await whenButtonEnabled(page, 'linked', downloadLabel);
	await whenNewText(page, 'link-failed', '[data-bench="step-b"] [role="alert"]', '.');
	const load = loadAverage();
	await stepB.getByRole('button', { name: label }).click();
	const done = await waitUnlessFailed(page, 'linked', 'link-failed', '[data-bench="step-b"] [role="alert"]');
	const start = await lastClick(page, label);
	const records = await readInstruments(page);
	await page.close();
	return { source: file ? 'file' : 'registry', ms: done - start, load, progress: progressGaps(records, start, done) };
}
