// The whole rehearsal for a 1M-customer shop as one scripted run, as an operator clicks it:
// 一括登録 › 顧客情報 → カード情報移行: 登録済みの顧客から作る (linkage CSV) → step d with the return
// file → download the card import file → 一括登録 › クレジットカード情報 with it.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openCdp } from '../cdp.mjs';
import { onlyPage } from '../browser.mjs';
import { cpuBetween, cpuNow, sampleMemory } from '../memory.mjs';
import { longTasksIn, readInstruments } from '../timeline.mjs';
import { chooseFile, lastClick, saveDownload, waitUnlessFailed, whenButtonEnabled, whenNewText } from '../ui.mjs';

const resultPattern = '^[\\d,]+行を読み込み、[\\d,]+件を登録しました。';

async function tag(region, name) {
	await region.evaluate((element, value) => element.setAttribute('data-bench', value), name);
	return `[data-bench="${name}"]`;
}

/** Waits for `name`, or throws with the alert the region shows when the app reports a failure. */
async function finished(page, name, scope) {
	await whenNewText(page, `${name}-failed`, `${scope} [role="alert"]`, '.');
	return waitUnlessFailed(page, name, `${name}-failed`, `${scope} [role="alert"]`);
}

/** Clicks the header's menu link, as an operator moves between screens (client-side navigation). */
async function openScreen(page, name) {
	await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name }).click();
}

/**
 * Runs the rehearsal in a fresh profile; `files` = { customers, returnFile }, `outDir` receives the
 * downloaded card import file. Every step's time is measured on the page's clock; `totalMs` runs from
 * the first データアップロード click to the card import's result.
 */
export async function runRehearsal(browser, origin, files, outDir, rows, { profile = false } = {}) {
	const n = rows >= 1e6 ? `${rows / 1e6}M` : `${rows / 1000}k`;
	const page = await onlyPage(browser.context);
	await page.goto(`${origin}/customers`);
	const cdp = await openCdp(browser.context, page);
	await cdp.worker();
	const timeOrigin = await page.evaluate(() => performance.timeOrigin);
	const memory = await sampleMemory(browser.profileDir, cdp);
	const steps = [];
	const profiles = {};
	let cpuMark = await cpuNow(browser.profileDir);
	// Called just before a step's click: CPU (and, when profiling, the worker's profile) from here.
	const beginStep = async () => {
		cpuMark = await cpuNow(browser.profileDir);
		if (profile) await cdp.startWorkerProfile();
	};
	const step = async (name, from, to) => {
		const cpu = cpuBetween(cpuMark, await cpuNow(browser.profileDir));
		if (profile) profiles[name] = await cdp.stopWorkerProfile();
		steps.push({ name, ms: to - from, cpu });
	};

	const bulk = page.getByRole('region', { name: '一括登録' });
	await chooseFile(page, bulk, files.customers);
	const bulkScope = await tag(bulk, 'bulk');
	await whenNewText(page, 'customers', `${bulkScope} p`, resultPattern);
	await beginStep();
	await bulk.getByRole('button', { name: 'データアップロード' }).click();
	const begin = await lastClick(page, 'データアップロード');
	const registered = await finished(page, 'customers', bulkScope);
	await step(`register ${n} customers (一括登録 › 顧客情報)`, begin, registered);

	await openScreen(page, 'カード情報移行');
	const stepB = page.getByRole('region', { name: 'a・b. 顧客一覧を読み込む' });
	await stepB.getByRole('button', { name: '登録済みの顧客から作る' }).waitFor();
	const stepBScope = await tag(stepB, 'step-b');
	await whenButtonEnabled(page, 'linkage', '連携用CSVをダウンロード');
	await beginStep();
	await stepB.getByRole('button', { name: '登録済みの顧客から作る' }).click();
	const linkageStart = await lastClick(page, '登録済みの顧客から作る');
	const linkageDone = await finished(page, 'linkage', stepBScope);
	await step('linkage CSV from the registry (登録済みの顧客から作る)', linkageStart, linkageDone);

	const stepD = page.getByRole('region', { name: 'd. インポート用データを作る' });
	await chooseFile(page, stepD, files.returnFile);
	const stepDScope = await tag(stepD, 'step-d');
	await whenButtonEnabled(page, 'converted', 'インポート用CSVをダウンロード');
	await beginStep();
	await stepD.getByRole('button', { name: '変換する', exact: true }).click();
	const convertStart = await lastClick(page, '変換する');
	const converted = await finished(page, 'converted', stepDScope);
	await step(`convert the ${n}-row return file, checked against the list (変換する)`, convertStart, converted);
	const convertSummary = (await stepD.locator('p', { hasText: /行を読み込み/ }).first().textContent())?.trim() ?? '';

	const cardFile = join(outDir, 'rehearsal-card-import.csv');
	await beginStep();
	const downloadStart = await page.evaluate(() => performance.now());
	await saveDownload(page, stepD.getByRole('button', { name: 'インポート用CSVをダウンロード' }), cardFile);
	const downloadDone = await page.evaluate(() => performance.now());
	await step('download the card import file', downloadStart, downloadDone);

	await openScreen(page, '顧客一覧');
	const bulkAgain = page.getByRole('region', { name: '一括登録' });
	await bulkAgain.getByRole('radio', { name: /クレジットカード情報/ }).check();
	await chooseFile(page, bulkAgain, cardFile);
	const cardsScope = await tag(bulkAgain, 'bulk-cards');
	await whenNewText(page, 'cards', `${cardsScope} p`, resultPattern);
	await beginStep();
	await bulkAgain.getByRole('button', { name: 'データアップロード' }).click();
	const cardsStart = await lastClick(page, 'データアップロード');
	const cardsDone = await finished(page, 'cards', cardsScope);
	await step(`import ${n} cards (一括登録 › クレジットカード情報)`, cardsStart, cardsDone);
	const cardsResult = (await bulkAgain.locator('p', { hasText: new RegExp(resultPattern) }).first().textContent())?.trim() ?? '';

	// Every time above is on one page clock: the screens are changed by the app's own (client-side) links.
	if ((await page.evaluate(() => performance.timeOrigin)) !== timeOrigin) throw new Error('the page reloaded during the rehearsal');
	const records = await readInstruments(page);
	const mem = await memory.stop();
	await rm(cardFile, { force: true });
	await cdp.detach();
	const busy = steps.reduce((sum, s) => sum + s.ms, 0);
	return {
		totalMs: cardsDone - begin,
		stepsMs: busy,
		operatorMs: cardsDone - begin - busy,
		steps,
		convertSummary,
		cardsResult,
		longTasks: longTasksIn(records, begin, cardsDone),
		memory: mem,
		profiles
	};
}
