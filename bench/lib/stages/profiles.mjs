// --profile: where the time goes. Builds the app unminified (function names and module paths
// survive), runs the heavy steps again with the V8 sampling profiler on the worker (and the page),
// writes each .cpuprofile (open it in DevTools › Performance) and prints the heaviest functions.
// Profiling slows the code a little: these runs give proportions, the main run gives the figures.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildApp, removeBuild } from '../app-build.mjs';
import { generatedFile } from '../generate.mjs';
import { launchBrowser } from '../browser.mjs';
import { profileLines, summariseProfile } from '../profile.mjs';
import { startServer } from '../server.mjs';
import { measureConversion } from '../steps/conversion.mjs';
import { measureFirstLoad } from '../steps/first-load.mjs';
import { breakdown } from '../bundle-breakdown.mjs';
import { measureSearch, measureUpload, openCustomers } from '../steps/registry.mjs';
import { runRehearsal } from '../steps/rehearsal.mjs';
import { measureWide } from './wide-header.mjs';
import { traceLines } from '../trace.mjs';
import { ms } from '../report.mjs';

/** What the home page's first-load JS is made of, by package and app module (a minified build with maps). */
async function firstLoadBreakdown(outDir, log) {
	log('profiling: what the first load ships (minified build with source maps)');
	const appDir = await buildApp({ sourcemap: true });
	const server = await startServer(appDir);
	const browser = await launchBrowser();
	try {
		const home = await measureFirstLoad(browser, server.origin, '/');
		const parts = await breakdown(join(appDir, 'build'), home.files.map((file) => file.path));
		const lines = [`First load of / — ${(home.gzip / 1024).toFixed(1)} KB gzip in ${home.files.length} files, by source (gzip shared in proportion to raw bytes):`];
		for (const part of parts.slice(0, 30)) lines.push(`  ${(part.gzip / 1024).toFixed(1).padStart(6)} KB gz  ${(part.bytes / 1024).toFixed(1).padStart(7)} KB raw  ${part.module}`);
		console.log(lines.join('\n'), '\n');
		await writeFile(join(outDir, 'first-load-breakdown.txt'), lines.join('\n'));
	} finally {
		await browser.close();
		server.stop();
		await removeBuild(appDir);
	}
}

/**
 * The profiles of the stages `wanted` names (a full run: all of them); `--only=shapes` profiles each
 * shape of the return file, whose end (a warned file's problems, history record) the others lack.
 */
export async function runProfiles(input, outDir, log, wanted = () => true) {
	if (wanted('first-load')) await firstLoadBreakdown(outDir, log);
	log('profiling: building an unminified copy');
	const appDir = await buildApp({ readable: true });
	const buildDir = join(appDir, 'build');
	const server = await startServer(appDir);
	const report = [];
	const save = async (name, title, profile) => {
		if (!profile) return;
		await writeFile(join(outDir, `${name}.cpuprofile`), JSON.stringify(profile));
		const lines = profileLines(title, await summariseProfile(profile, buildDir));
		report.push(...lines, '');
		console.log(lines.join('\n'), '\n');
	};
	const browser = await launchBrowser();
	try {
		const returns = wanted('conversion') ? input.returns.filter((f) => f.rows === input.rows) : [];
		for (const file of [...returns, ...(wanted('shapes') ? input.shapes : [])]) {
			const path = file.path ?? (await generatedFile(`yamato-return-${file.shape}`, file.rows, file.encoding));
			const run = await measureConversion(browser, server.origin, path, { profile: true });
			const tag = file.shape ?? file.encoding.replace(/[-_]/g, '');
			await save(`convert-${tag}-worker`, `Conversion ${file.label}, worker (${ms(run.ms)} under the profiler)`, run.profiles.worker);
			await save(`convert-${tag}-page`, `Conversion ${file.label}, page main thread`, run.profiles.page);
		}
		if (wanted('wide') || wanted('registry') || wanted('rehearsal')) {
			// The wide header's long tasks are the page's own (layout, text, the result's build): a trace names them.
			const wide = await measureWide(browser, server.origin, 100_000, { trace: true });
			const wideLines = await traceLines(`Wide header (100,000 columns), page main thread (longest task ${ms(wide.longTasks.longest ?? 0)})`, wide.events, join(outDir, 'wide-100000-page.trace.json'), 20);
			report.push(...wideLines, '');
			console.log(wideLines.join('\n'), '\n');
			let screen = await openCustomers(browser, server.origin);
			const register = await measureUpload(browser, screen, '顧客情報', input.customers, { profile: true });
			await save('register-worker', `一括登録 › 顧客情報, worker (${ms(register.ms)} under the profiler)`, register.profiles.worker);
			screen = await openCustomers(browser, server.origin, { profile: true });
			await save('open-customers-worker', `Opening /customers with the customers, worker from its start (${ms(screen.loadMs)})`, screen.loadProfile);
			const cards = await measureUpload(browser, screen, 'クレジットカード情報', input.cards, { profile: true });
			await save('cards-worker', `一括登録 › クレジットカード情報, worker (${ms(cards.ms)} under the profiler)`, cards.profiles.worker);
			screen = await openCustomers(browser, server.origin, { profile: true });
			await save('open-customers-cards-worker', `Opening /customers with customers and cards, worker from its start (${ms(screen.loadMs)})`, screen.loadProfile);
			await measureSearch(screen, '顧客ID', 'US-00500000');
			const name = await measureSearch(screen, '氏名', '髙橋 美咲', { profile: true });
			await save('search-name-first-worker', `First search by 氏名, worker (${ms(name.ms)})`, name.profile);
			await browser.close();
			const fresh = await launchBrowser();
			try {
				const rehearsal = await runRehearsal(fresh, server.origin, { customers: input.customers, returnFile: input.returnForRehearsal }, outDir, input.rows, { profile: true });
				for (const [index, step] of rehearsal.steps.entries()) {
					await save(`rehearsal-${index + 1}-worker`, `Rehearsal: ${step.name}, worker (${ms(step.ms)})`, rehearsal.profiles[step.name]);
				}
			} finally {
				await fresh.close();
			}
		}
	} finally {
		await browser.close().catch(() => null);
		server.stop();
		await removeBuild(appDir);
	}
	await writeFile(join(outDir, 'profiles.txt'), report.join('\n'));
	log(`profiles: ${outDir} (*.cpuprofile, profiles.txt)`);
}
