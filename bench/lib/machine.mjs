// The machine a run measured: CPU, cores, RAM, Chromium, and how busy the machine was.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { chromiumPath } from './browser.mjs';

function cpuModel() {
	const info = readFileSync('/proc/cpuinfo', 'utf8');
	return /model name\s*:\s*(.+)/.exec(info)?.[1].trim() ?? cpus()[0]?.model ?? 'unknown';
}

function osName() {
	try {
		return /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'Linux';
	} catch {
		return 'Linux';
	}
}

function chromiumVersion() {
	const out = execFileSync(chromiumPath, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
	return /Chromium [\d.]+/.exec(out)?.[0] ?? out.trim();
}

function gitState(repo) {
	try {
		const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo }).toString().trim();
		const changed = execFileSync('git', ['status', '--porcelain'], { cwd: repo }).toString().split('\n').filter(Boolean).length;
		return changed ? `${head} + ${changed} uncommitted changes` : head;
	} catch {
		return 'unknown';
	}
}

/** Other Chromium browsers running now (other people's tests compete for the same cores). */
export function otherBrowsers(ownProfiles = []) {
	try {
		const lines = execFileSync('ps', ['-eo', 'args'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().split('\n');
		return lines.filter((line) => /chromium\b.*--remote-debugging-pipe/.test(line) && !ownProfiles.some((dir) => line.includes(dir))).length;
	} catch {
		return 0;
	}
}

export const loadAverage = () => loadavg()[0].toFixed(2);

/** A description of this machine and run. */
export function describeMachine(repo) {
	return {
		date: new Date().toISOString(),
		cpu: cpuModel(),
		cores: cpus().length,
		ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		os: osName(),
		chromium: chromiumVersion(),
		node: process.version,
		commit: gitState(repo)
	};
}

/** Waits until the 1-min load average is below `limit`, at most `maxMs`; says so when it gives up. */
export async function waitForQuiet(limit, log, maxMs = 10 * 60_000) {
	const deadline = Date.now() + maxMs;
	if (loadavg()[0] < limit) return;
	log(`waiting for the load average (${loadAverage()}) to fall below ${limit}`);
	while (loadavg()[0] >= limit) {
		if (Date.now() > deadline) return log(`still ${loadAverage()} after ${maxMs / 60_000} min: going on`);
		await new Promise((resolve) => setTimeout(resolve, 5000));
	}
}
