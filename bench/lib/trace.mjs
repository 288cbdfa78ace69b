// What the page's main thread did in its longest tasks: a DevTools trace (the timeline's own
// categories) read back by task. A CPU profile of the page names the JavaScript only; a task that
// is long for a forced layout, text shaping, paint or a garbage collection shows here by name.
import { writeFile } from 'node:fs/promises';

const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'].join(',');

/** Starts a trace on a page's CDP session; `stop()` resolves with its events (Chrome's trace event format). */
export async function startTrace(session) {
	const events = [];
	const collect = ({ value }) => events.push(...value);
	session.on('Tracing.dataCollected', collect);
	await session.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
	return {
		async stop() {
			const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
			await session.send('Tracing.end');
			await complete;
			session.off('Tracing.dataCollected', collect);
			return events;
		}
	};
}

/**
 * The renderer main thread's tasks of `minMs` or more, longest first: each with its length and the
 * trace events it held, summed by name (nested events are each counted: a forced layout shows as
 * FunctionCall, Document::UpdateStyleAndLayout and Layout, with the time of each).
 */
export function longTaskBreakdown(events, minMs = 50, top = 10) {
	const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
	const onMain = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X');
	const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur >= minMs * 1000).sort((a, b) => b.dur - a.dur);
	return tasks.map((task) => {
		const inside = new Map();
		for (const e of onMain) {
			if (e === task || e.pid !== task.pid || e.tid !== task.tid || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur || e.dur < 500) continue;
			inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur / 1000);
		}
		const parts = [...inside].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => ({ name, ms: Math.round(ms) }));
		return { ms: Math.round(task.dur / 1000), parts };
	});
}

/** A breakdown as text lines; the trace itself is written to `path` (open it in DevTools › Performance). */
export async function traceLines(title, events, path, minMs = 50) {
	await writeFile(path, JSON.stringify({ traceEvents: events }));
	const tasks = longTaskBreakdown(events, minMs);
	const lines = [`${title} — main-thread tasks of ${minMs} ms or more: ${tasks.length} (trace: ${path})`];
	for (const task of tasks) lines.push(`  ${task.ms} ms: ${task.parts.map((part) => `${part.name} ${part.ms}`).join(', ') || '(nothing traced inside)'}`);
	return lines;
}
