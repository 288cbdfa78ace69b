// npm run bench — issue 7's benchmark: builds the app (in a temp copy), serves it, drives it in
// Debian's headless Chromium through its own UI and worker, and prints the figures beside their
// targets. Not a test: nothing here asserts a time, and `npm test` never runs it.
//
// Options:  --quick     100k-row files only (a smoke run of the harness; the README is left alone)
//           --runs=N    conversions and Papa.parse N times each, the median kept (default 3)
//           --only=a,b  stages among first-load, conversion, shapes, hash, registry, rehearsal, wide, memory, huge, profile
//           --huge      also a file beyond one JS string's limit (9.5M rows, ~555 MB)
//           --profile   afterwards, CPU profiles of the worker in a readable (unminified) build
//           --memory-dump  in the registry stage, memory-infra dumps of the renderer by allocator at the
//                      peak of each upload (slow: that stage's times are not comparable)
//           --settle-list  before the card import's idle sample, wait until 顧客一覧 lists the loaded
//                      registry (the worker's load of it otherwise falls inside the import's peak)
//           --quiet=L   before each stage, wait (up to 10 min) until the 1-min load average is below L
//           --report=F  no run: print the table of a saved results.json (and rewrite the README from it)
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, removeBuild } from './lib/app-build.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { generatedFile } from './lib/generate.mjs';
import { describeMachine, loadAverage, otherBrowsers, waitForQuiet } from './lib/machine.mjs';
import { consoleTable } from './lib/report.mjs';
import { writeReadme } from './lib/readme.mjs';
import { startServer } from './lib/server.mjs';
import { runProfiles } from './lib/stages/profiles.mjs';
import { repeatedConversionsStage } from './lib/stages/repeated-conversions.mjs';
import { conversionStage, firstLoadStage, hashStage, hugeStage, registryStage, rehearsalStage } from './lib/stages/stages.mjs';
import { wideHeaderStage } from './lib/stages/wide-header.mjs';

const repo = new URL('../', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const options = {
	quick: args.includes('--quick'),
	huge: args.includes('--huge'),
	profile: args.includes('--profile') || Boolean(option('only')?.split(',').includes('profile')),
	runs: Number(option('runs') ?? 3),
	memoryDump: args.includes('--memory-dump'),
	settleList: args.includes('--settle-list'),
	quiet: option('quiet') ? Number(option('quiet')) : null,
	only: option('only')?.split(',') ?? null
};
const wanted = (stage) => (options.only ? options.only.includes(stage) : stage !== 'huge' || options.huge);
const log = (text) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);

const rowsLabel = (rows) => (rows >= 1e6 ? `${rows / 1e6}M` : `${rows / 1000}k`);

async function files() {
	const big = options.quick ? 1e5 : 1e6;
	log(`generating files in ${tmpdir()} (kept for later runs)`);
	return {
		rows: big,
		returns: [
			{ label: `${rowsLabel(big)} rows, Shift_JIS`, rows: big, encoding: 'shift_jis', path: await generatedFile('yamato-return', big, 'shift_jis') },
			{ label: `${rowsLabel(big)} rows, UTF-8`, rows: big, encoding: 'utf-8', path: await generatedFile('yamato-return', big, 'utf-8') },
			...(options.quick
				? []
				: [
						{ label: '100k rows, Shift_JIS', rows: 1e5, encoding: 'shift_jis', path: await generatedFile('yamato-return', 1e5, 'shift_jis') },
						{ label: '100k rows, UTF-8', rows: 1e5, encoding: 'utf-8', path: await generatedFile('yamato-return', 1e5, 'utf-8') }
					])
		],
		// Issue 14's other shapes of the return file (Shift_JIS, the encoding Yamato sends), 1M rows each.
		shapes: options.quick
			? []
			: [
					['LF line ends', 'lf'],
					['no header row', 'noheader'],
					['8-character tokens', 'short'],
					['2 % of rows with a warning', 'warn2'],
					['20 % of rows with a warning', 'warn20']
				].map(([what, shape]) => ({ label: `1M rows, Shift_JIS, ${what}`, rows: 1e6, encoding: 'shift_jis', shape })),
		customers: await generatedFile('oldcart-customers', big, 'utf-8-bom'),
		storeCustomers: await generatedFile('store-customers', big, 'utf-8-bom'),
		cards: await generatedFile('card-import', big, 'shift_jis'),
		returnForRehearsal: await generatedFile('yamato-return', big, 'shift_jis')
	};
}

/** Profiles are written apart (--profile); results.json keeps figures only. */
const stripProfiles = (key, value) => (key === 'profiles' || key === 'profile' || key === 'loadProfile' || key === 'memoryDump' ? undefined : value);

async function main() {
	const outDir = join(tmpdir(), `webcollect-bench-out-${new Date().toISOString().replace(/[:.]/g, '-')}`);
	await mkdir(outDir, { recursive: true });
	const results = { machine: describeMachine(repo), load: { start: loadAverage(), stages: {}, otherBrowsers: otherBrowsers() }, options };
	log(`building the app in a temp copy of the working tree (${results.machine.commit})`);
	const appDir = await buildApp();
	const server = await startServer(appDir);
	const input = await files();
	const stage = async (name, run) => {
		if (!wanted(name)) return;
		if (options.quiet !== null) await waitForQuiet(options.quiet, log);
		results.load.stages[name] = loadAverage();
		log(`stage ${name} (load average ${results.load.stages[name]})`);
		const browser = await launchBrowser();
		try {
			await run(browser);
		} finally {
			await browser.close();
		}
	};
	try {
		await stage('first-load', async (browser) => (results.firstLoad = await firstLoadStage(browser, server.origin)));
		await stage('conversion', async (browser) => (results.conversions = await conversionStage(browser, server.origin, input.returns, options.runs, log)));
		await stage('shapes', async (browser) => {
			for (const file of input.shapes) file.path = await generatedFile(`yamato-return-${file.shape}`, file.rows, file.encoding);
			results.shapes = await conversionStage(browser, server.origin, input.shapes, options.runs, log);
		});
		await stage('hash', async (browser) => (results.hash = await hashStage(browser, input.returns[0], options.quick ? 3 : 5, log)));
		await stage('registry', async (browser) => (results.registry = await registryStage(browser, server.origin, input, log, { memoryDump: options.memoryDump, settleList: options.settleList })));
		await stage('rehearsal', async (browser) => (results.rehearsal = await rehearsalStage(browser, server.origin, input, outDir, log)));
		await stage('wide', async (browser) => (results.wide = await wideHeaderStage(browser, server.origin, log)));
		// The same file 30 times: 445k rows (26 MB, the size of issue 12's report); --quick: 100k rows.
		await stage('memory', async (browser) => (results.repeated = await repeatedConversionsStage(browser, server.origin, options.quick ? 1e5 : 445_000, 30, log)));
		await stage('huge', async (browser) => (results.huge = await hugeStage(browser, server.origin, log)));
	} finally {
		server.stop();
		await removeBuild(appDir);
	}
	results.load.end = loadAverage();
	await writeFile(join(outDir, 'results.json'), JSON.stringify(results, stripProfiles, '\t'));
	console.log(`\n${consoleTable(results)}\n`);
	log(`raw figures: ${join(outDir, 'results.json')}`);
	if (!options.quick && !options.only && !options.memoryDump) {
		await writeReadme(results);
		log('bench/README.md updated with these figures');
	}
	// --only=profile alone profiles every step, as before; with stages named, theirs.
	const profiled = options.only?.some((name) => name !== 'profile') ? wanted : () => true;
	if (options.profile) await runProfiles(input, outDir, log, profiled);
}

/** --report: the table of an earlier run, and the README from it when that run was a full one. */
async function reprint(path) {
	const results = JSON.parse(await readFile(path, 'utf8'));
	console.log(`\n${consoleTable(results)}\n`);
	if (!results.options?.quick && !results.options?.only) {
		await writeReadme(results);
		log('bench/README.md rewritten from that run');
	}
}

(option('report') ? reprint(option('report')) : main()).catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
