// Where the time goes in a V8 CPU profile (.cpuprofile): self and total time per function, with the
// source module each function comes from (the readable build keeps a `// path` line before every
// module it bundles).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const moduleLine = /^\/\/ (\S+\.(?:m?[jt]s|svelte)(?:\?\S*)?)$/;

const sourceLines = new Map();

/** For each bundled file: the module that starts at each line, to name a function's source. */
async function moduleIndex(buildDir, url) {
	try {
		const text = await readFile(join(buildDir, new URL(url).pathname), 'utf8');
		const starts = [];
		const lines = text.split('\n');
		sourceLines.set(url, lines);
		lines.forEach((line, index) => {
			const match = moduleLine.exec(line);
			if (match) starts.push({ line: index, module: match[1].replace(/^(\.\.\/)+work\/main\//, '').replace(/^.*node_modules\//, '') });
		});
		return starts;
	} catch {
		return [];
	}
}

/** The module holding bundle line `line`, and the line within that module (approximate: 1-based). */
function moduleAt(starts, line) {
	let found = null;
	for (const start of starts) {
		if (start.line > line) break;
		found = start;
	}
	return found ? { module: found.module, line: line - found.line } : null;
}

/**
 * Sums a profile by function: `self` (time on top of the stack) and `total` (time on the stack,
 * counted once per sample even in recursion), in ms, the heaviest first.
 */
export async function summariseProfile(profile, buildDir, top = 25) {
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const indexes = new Map();
	const keyOf = new Map();
	for (const node of profile.nodes) {
		const { functionName, url, lineNumber } = node.callFrame;
		let where = '';
		if (url) {
			if (!indexes.has(url)) indexes.set(url, buildDir ? await moduleIndex(buildDir, url) : []);
			const at = moduleAt(indexes.get(url), lineNumber);
			// an anonymous function is told apart by its line in the module
			where = at ? (functionName ? at.module : `${at.module}:${at.line}`) : new URL(url).pathname.split('/').pop();
		}
		keyOf.set(node.id, `${functionName || '(anonymous)'}${where ? `  [${where}]` : ''}`);
	}
	const self = new Map();
	const total = new Map();
	const deltas = profile.timeDeltas ?? [];
	for (let i = 0; i < profile.samples.length; i++) {
		const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
		const leaf = profile.samples[i];
		self.set(keyOf.get(leaf), (self.get(keyOf.get(leaf)) ?? 0) + ms);
		const seen = new Set();
		for (let id = leaf; id !== undefined; id = parent.get(id)) {
			const key = keyOf.get(id);
			if (seen.has(key) || !nodes.has(id)) continue;
			seen.add(key);
			total.set(key, (total.get(key) ?? 0) + ms);
		}
	}
	// Hot lines of the heaviest app functions (V8's positionTicks: samples per source line).
	const lineTicks = new Map();
	for (const node of profile.nodes) {
		const key = keyOf.get(node.id);
		if (!node.positionTicks || !key.includes('[src/')) continue;
		const perLine = lineTicks.get(key) ?? new Map();
		for (const { line, ticks } of node.positionTicks) perLine.set(line, (perLine.get(line) ?? 0) + ticks);
		lineTicks.set(key, perLine);
		perLine.url = node.callFrame.url;
	}
	const hotLines = [...self.entries()]
		.filter(([key]) => lineTicks.has(key))
		.sort((a, b) => b[1] - a[1])
		.slice(0, 6)
		.map(([fn, ms]) => {
			const perLine = lineTicks.get(fn);
			const all = [...perLine.values()].reduce((sum, n) => sum + n, 0);
			const code = sourceLines.get(perLine.url) ?? [];
			const lines = [...perLine.entries()]
				.sort((a, b) => b[1] - a[1])
				.slice(0, 3)
				.map(([line, ticks]) => ({ share: Math.round((100 * ticks) / all), code: (code[line - 1] ?? '').trim().slice(0, 110) }));
			return { fn, ms: Math.round(ms), lines };
		});
	const sorted = (map) =>
		[...map.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
	const wallMs = (profile.endTime - profile.startTime) / 1000;
	return { wallMs: Math.round(wallMs), self: sorted(self), total: sorted(total), hotLines };
}

/** A summary as text lines (for the console and the profile report). */
export function profileLines(title, summary) {
	const lines = [`${title} — profile of ${summary.wallMs} ms`, '  self time:'];
	for (const { fn, ms } of summary.self) lines.push(`    ${String(ms).padStart(6)} ms  ${fn}`);
	lines.push('  total time (function and what it calls):');
	for (const { fn, ms } of summary.total) lines.push(`    ${String(ms).padStart(6)} ms  ${fn}`);
	if (summary.hotLines?.length) lines.push('  hot lines of the heaviest app functions (share of the function\'s self time):');
	for (const { fn, ms, lines: hot } of summary.hotLines ?? []) {
		lines.push(`    ${fn} (${ms} ms self)`);
		for (const { share, code } of hot) lines.push(`      ${String(share).padStart(3)}%  ${code}`);
	}
	return lines;
}
