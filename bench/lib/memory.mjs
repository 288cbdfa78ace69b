// Memory and CPU of the browser under test while a step runs: the resident size of its renderer
// processes (the page's main thread, its dedicated worker and their buffers all live there) read
// from /proc, the JS heaps of the page and of the app worker read over CDP, and the CPU time each
// thread used (on a shared machine, CPU time says what the step cost when wall time is inflated).
import { readdir, readFile } from 'node:fs/promises';

async function processes() {
	const list = [];
	for (const name of await readdir('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = await readFile(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			// Chromium rewrites its children's titles: the arguments are one string, not NUL-separated.
			const cmdline = (await readFile(`/proc/${name}/cmdline`, 'utf8')).replaceAll('\0', ' ');
			list.push({ pid: Number(name), ppid, cmdline });
		} catch {
			// the process ended while we looked
		}
	}
	return list;
}

/**
 * The processes of the Chromium that uses `profileDir`: pid and type ('browser', 'renderer', 'gpu-process',
 * …). Headless Chromium's own WebUI renderer (--top-chrome-webui) is typed 'webui': it is not the page.
 */
export async function browserProcesses(profileDir) {
	const all = await processes();
	const root = all.find((p) => p.cmdline.includes(`--user-data-dir=${profileDir} `) && !p.cmdline.includes('--type='));
	if (!root) return [];
	const tree = [root];
	for (let i = 0; i < tree.length; i++) for (const p of all) if (p.ppid === tree[i].pid) tree.push(p);
	const typeOf = (p) => (p.cmdline.includes('--top-chrome-webui') ? 'webui' : (/--type=(\S+)/.exec(p.cmdline)?.[1] ?? 'browser'));
	return tree.map((p) => ({ pid: p.pid, type: typeOf(p) }));
}

async function rssBytes(pid) {
	try {
		const status = await readFile(`/proc/${pid}/status`, 'utf8');
		return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
	} catch {
		return 0;
	}
}

/**
 * One reading: resident bytes of the page's renderers, of the browser process (where large blobs
 * live), of the whole browser (every process of it), and the JS heaps of the page and the worker.
 */
async function reading(procs, cdp, withHeap) {
	let renderers = 0;
	let browser = 0;
	let total = 0;
	for (const p of procs) {
		const rss = await rssBytes(p.pid);
		total += rss;
		if (p.type === 'renderer') renderers += rss;
		else if (p.type === 'browser') browser += rss;
	}
	const heap = withHeap && cdp ? await cdp.heapUsed().catch(() => ({ page: null, worker: null })) : { page: null, worker: null };
	return { renderers, browser, total, pageHeap: heap.page, workerHeap: heap.worker };
}

const ticksPerSecond = 100;

async function cpuMs(path) {
	try {
		const stat = await readFile(path, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
	} catch {
		return 0;
	}
}

/**
 * CPU ms used so far: renderer main threads (`page`), dedicated worker threads (`worker`), other
 * renderer threads (`rendererOther`: GC helpers, compositor…), every other process (`browserSide`:
 * browser, storage service with IndexedDB, network…).
 */
async function cpuTimes(procs) {
	const times = { page: 0, worker: 0, rendererOther: 0, browserSide: 0 };
	for (const p of procs) {
		if (p.type !== 'renderer') {
			times.browserSide += await cpuMs(`/proc/${p.pid}/stat`);
			continue;
		}
		let threads = [];
		try {
			threads = await readdir(`/proc/${p.pid}/task`);
		} catch {
			continue;
		}
		for (const tid of threads) {
			const ms = await cpuMs(`/proc/${p.pid}/task/${tid}/stat`);
			const name = await readFile(`/proc/${p.pid}/task/${tid}/comm`, 'utf8').catch(() => '');
			if (Number(tid) === p.pid) times.page += ms;
			else if (name.startsWith('DedicatedWorker')) times.worker += ms;
			else times.rendererOther += ms;
		}
	}
	return times;
}

const keys = ['renderers', 'browser', 'total', 'pageHeap', 'workerHeap'];

/**
 * Samples memory every `intervalMs` (JS heaps every other sample; the process list once a second,
 * as scanning /proc costs CPU) until `stop()`, which resolves with the idle reading taken at the
 * start after a garbage collection, the peaks, a reading after the step and a garbage collection
 * (`settled`: what the step left behind), the number of samples and the CPU ms used meanwhile
 * (a thread that ended in between is not counted; the app's worker lives as long as its page).
 */
export async function sampleMemory(profileDir, cdp, intervalMs = 50) {
	await cdp?.collectGarbage();
	let procs = await browserProcesses(profileDir);
	const idle = await reading(procs, cdp, true);
	const cpuBefore = await cpuTimes(procs);
	const peak = { ...idle };
	let count = 0;
	let running = true;
	const loop = (async () => {
		while (running) {
			if (count % Math.round(1000 / intervalMs) === 0) procs = await browserProcesses(profileDir);
			const now = await reading(procs, cdp, count % 2 === 0);
			for (const key of keys) if (now[key] !== null && (peak[key] === null || now[key] > peak[key])) peak[key] = now[key];
			count++;
			await new Promise((resolve) => setTimeout(resolve, intervalMs));
		}
	})();
	return {
		idle,
		async stop() {
			running = false;
			await loop;
			const procsAfter = await browserProcesses(profileDir);
			const cpuAfter = await cpuTimes(procsAfter);
			const cpu = {};
			for (const key of Object.keys(cpuAfter)) cpu[key] = cpuAfter[key] - cpuBefore[key];
			// What stays once the step is over and garbage is collected (RSS may keep freed pages).
			await cdp?.collectGarbage();
			const settled = await reading(procsAfter, cdp, true);
			return { idle, peak, settled, samples: count, cpu };
		}
	};
}

/** One reading after a garbage collection on the page and the worker: what stays, not what passes. */
export async function settledReading(profileDir, cdp) {
	await cdp.collectGarbage();
	return reading(await browserProcesses(profileDir), cdp, true);
}

/** CPU ms used so far by the browser of `profileDir`, by thread kind (see `cpuTimes`). */
export async function cpuNow(profileDir) {
	return cpuTimes(await browserProcesses(profileDir));
}

/** The CPU ms used between two `cpuNow` readings. */
export function cpuBetween(before, after) {
	const used = {};
	for (const key of Object.keys(after)) used[key] = after[key] - (before[key] ?? 0);
	return used;
}
