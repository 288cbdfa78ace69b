// The stages of a run; each gets a browser of its own (a fresh profile, so an empty registry).
import { generatedFile } from '../generate.mjs';
import { measureConversion } from '../steps/conversion.mjs';
import { measureFirstLoad } from '../steps/first-load.mjs';
import { measureHash } from '../steps/hash.mjs';
import { measureHuge } from '../steps/huge.mjs';
import { measureLinkage } from '../steps/linkage.mjs';
import { loadAverage } from '../machine.mjs';
import { measurePapa } from '../steps/papa-baseline.mjs';
import { measureSearch, measureUpload, openCustomers } from '../steps/registry.mjs';
import { runRehearsal } from '../steps/rehearsal.mjs';
import { ms } from '../report.mjs';

// Every screen, and an unknown path (the 404 page): a first visit of any of them is ≤ 100 KB.
const firstLoadPaths = ['/settings', '/migration', '/customers', '/history', '/report', '/no-such-screen'];

/** JS a first visit of each route loads: the home page, then every other screen (each a target). */
export async function firstLoadStage(browser, origin) {
	const home = await measureFirstLoad(browser, origin, '/');
	const others = [];
	for (const path of firstLoadPaths) others.push(await measureFirstLoad(browser, origin, path));
	return { home, others };
}

/** Every return file converted `runs` times through the UI, then parsed `runs` times by Papa. */
export async function conversionStage(browser, origin, returns, runs, log) {
	const conversions = [];
	for (const file of returns) {
		const measured = [];
		for (let i = 0; i < runs; i++) {
			const load = loadAverage();
			const run = await measureConversion(browser, origin, file.path);
			log(`  convert ${file.label}: ${ms(run.ms)} — ${run.summary}`);
			measured.push({ ...run, load });
		}
		const papa = await measurePapa(browser, file.path, file.encoding, runs);
		log(`  Papa.parse ${file.label}: ${ms(papa.parseMs)} (decode ${ms(papa.decodeMs)})`);
		conversions.push({ label: file.label, rows: file.rows, size: measured[0].size, runs: measured, papa });
	}
	return conversions;
}

/**
 * Issue 14: SHA-256 of the largest return file, the app's stream hash against @noble/hashes, in one
 * page, alternated `reps` times (see steps/hash.mjs).
 */
export async function hashStage(browser, file, reps, log) {
	const hash = await measureHash(browser, file.path, reps);
	const list = (times) => times.map(ms).join(', ');
	log(`  SHA-256 of ${file.label}: ours ${list(hash.times.ours)}; @noble/hashes ${list(hash.times.noble)} (load ${hash.load.before} → ${hash.load.after}; digests ${hash.agree ? "agree with node:crypto's" : 'DIFFER'})`);
	return { label: file.label, ...hash };
}

const idQueries = (n) => [0.5, 0.9, 0.1, 0.7, 0.3].map((f) => `US-${String(10000 + Math.floor(n * f)).padStart(8, '0')}`);
const linkageQueries = (n) => [0.75, 0.25, 0.95, 0.05, 0.6].map((f) => `C${String(Math.floor(n * f) + 1).padStart(7, '0')}`);
// Full names and kana of the generated pools; consecutive queries must list different customers.
const nameQueries = ['髙橋 美咲', '渡邊', 'ヤマダ ハナコ', '佐藤 健太', 'スズキ'];

/** Registers the customers, imports the cards, reopens the screen each time, then searches. */
export async function registryStage(browser, origin, input, log, { memoryDump = false, settleList = false } = {}) {
	const customers = input.rows;
	let screen = await openCustomers(browser, origin);
	const registerLoad = loadAverage();
	const register = { ...(await measureUpload(browser, screen, '顧客情報', input.customers, { memoryDump })), load: registerLoad };
	log(`  register: ${ms(register.ms)} — ${register.result}`);
	if (register.memoryDump) log(`  register, renderer memory by allocator:\n${register.memoryDump}`);
	screen = await openCustomers(browser, origin);
	const loadAfterCustomers = screen.loadMs;
	log(`  reopen with customers: ${ms(loadAfterCustomers)}`);
	const cardsLoad = loadAverage();
	const cards = { ...(await measureUpload(browser, screen, 'クレジットカード情報', input.cards, { memoryDump, settleList })), load: cardsLoad };
	log(`  import cards: ${ms(cards.ms)} — ${cards.result}`);
	log(`  … registry listed when the file was chosen: ${cards.listedAtIdle.before}, at the idle sample: ${cards.listedAtIdle.atIdle}${cards.listedAtIdle.waitedMs === null ? '' : ` (waited ${ms(cards.listedAtIdle.waitedMs)})`}`);
	if (cards.memoryDump) log(`  import cards, renderer memory by allocator:\n${cards.memoryDump}`);
	screen = await openCustomers(browser, origin);
	const loadAfterCards = screen.loadMs;
	log(`  reopen with customers and cards: ${ms(loadAfterCards)}`);
	const searches = { id: [], linkage: [], name: [], nameCold: null, firstAfterOpen: null };
	// ID and 連携用ID alternate so that each search lists another customer than the one before.
	const ids = idQueries(customers);
	const links = linkageQueries(customers);
	// The very first search, as soon as the list shows: it waits for whatever the worker does on opening.
	searches.firstAfterOpen = await measureSearch(screen, '顧客ID', `US-${String(10000 + Math.floor(customers * 0.2)).padStart(8, '0')}`);
	for (let i = 0; i < ids.length; i++) {
		searches.id.push(await measureSearch(screen, '顧客ID', ids[i]));
		searches.linkage.push(await measureSearch(screen, '連携用ID', links[i]));
	}
	for (const [i, query] of nameQueries.entries()) {
		const search = await measureSearch(screen, '氏名', query);
		if (i === 0) searches.nameCold = search;
		else searches.name.push(search);
	}
	log(`  searches: first ${ms(searches.firstAfterOpen.ms)}; ID ${searches.id.map((s) => ms(s.ms)).join(', ')}; 連携用ID ${searches.linkage.map((s) => ms(s.ms)).join(', ')}; 氏名 ${ms(searches.nameCold.ms)} then ${searches.name.map((s) => ms(s.ms)).join(', ')}`);
	// While the registry loads, a search's first page may show before its count (still counting).
	const firstPages = (list) => list.map((s) => ms(s.firstPageMs)).join(', ');
	log(`  … first page shown: first ${ms(searches.firstAfterOpen.firstPageMs)}; ID ${firstPages(searches.id)}; 連携用ID ${firstPages(searches.linkage)}; 氏名 ${ms(searches.nameCold.firstPageMs)} then ${firstPages(searches.name)}`);
	await screen.cdp.detach();
	// Steps a/b/c: the linkage CSV from the registry just filled, and from the store's list file.
	const linkage = [await measureLinkage(browser, origin), await measureLinkage(browser, origin, input.storeCustomers)];
	for (const run of linkage) log(`  linkage from the ${run.source}: ${ms(run.ms)}, longest progress wait ${ms(run.progress.maxGap)} (load ${run.load})`);
	return { customers, register, cards, loadAfterCustomers, loadAfterCards, searches, linkage };
}

/** The whole rehearsal in one scripted run. */
export async function rehearsalStage(browser, origin, input, outDir, log) {
	const rehearsal = await runRehearsal(browser, origin, { customers: input.customers, returnFile: input.returnForRehearsal }, outDir, input.rows);
	for (const step of rehearsal.steps) log(`  ${step.name}: ${ms(step.ms)}`);
	log(`  total: ${ms(rehearsal.totalMs)} — ${rehearsal.cardsResult}`);
	return { customers: input.rows, ...rehearsal };
}

/** A return file beyond one JS string's limit, through the app; and what a plain parse does with it. */
export async function hugeStage(browser, origin, log) {
	const rows = 9_500_000;
	log(`  generating ${rows.toLocaleString()} rows (once)`);
	const path = await generatedFile('yamato-return', rows, 'utf-8');
	const huge = await measureHuge(browser, origin, path);
	log(`  ${huge.outcome}; plain: ${huge.papaOutcome}`);
	return { label: `${(rows / 1e6).toFixed(1)}M rows, UTF-8`, ...huge };
}
