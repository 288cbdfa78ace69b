// --memory-dump: where the renderer's memory goes during an upload, by allocator, from Chromium's
// memory-infra (the data behind chrome://tracing's memory dumps): V8's heap spaces (committed),
// PartitionAlloc's partitions (ArrayBuffer contents; Blink's strings and buffers, such as the text
// a TextDecoder returns), malloc, Blink's GC heap… Dumps are slow (about 1 s each under load) and
// perturb the times they overlap: the figures of such a run say where memory goes, not how fast.
import { browserProcesses } from './memory.mjs';

const mb = (hex) => parseInt(hex, 16) / 2 ** 20;

/** The renderer processes' allocators of the dump whose trace id is `id`, summed by name: MB of `size` (what they hold). */
function allocatorsOf(events, id, rendererPids) {
	const sizes = {};
	for (const event of events) {
		if (event.ph !== 'v' || event.id !== id || !rendererPids.has(event.pid)) continue;
		for (const [name, entry] of Object.entries(event.args?.dumps?.allocators ?? {})) {
			const size = entry.attrs?.size?.value;
			if (size && !/0x|\/__/.test(name)) sizes[name] = (sizes[name] ?? 0) + mb(size);
		}
	}
	return sizes;
}

/**
 * The trace ids of the dumps in the order they were taken. The id in the trace is not the
 * `dumpGuid` that `Tracing.requestMemoryDump` answers (seen here: ids 0x0, 0x1 for guids 0x2, 0x3),
 * and the dumps are taken one after another, so the n-th id in time is the n-th dump that succeeded.
 */
function dumpIdsInOrder(events) {
	const first = new Map();
	for (const event of events) if (event.ph === 'v' && (!first.has(event.id) || event.ts < first.get(event.id))) first.set(event.id, event.ts);
	return [...first.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

const totalOf = (sizes) => Object.entries(sizes).reduce((sum, [name, size]) => (name.includes('/') ? sum : sum + size), 0);

/**
 * Starts tracing memory-infra on the page's CDP session and takes a detailed dump now (the idle
 * one) and every `everyMs` until `stop()`, which resolves with the idle dump, the dump whose
 * renderer allocators sum highest (`peak`) and each dump's time (ms from the start) and total (MB).
 */
export async function startMemoryDumps(session, profileDir, everyMs = 250) {
	const events = [];
	const onData = ({ value }) => events.push(...value);
	session.on('Tracing.dataCollected', onData);
	await session.send('Tracing.start', {
		traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } },
		transferMode: 'ReportEvents'
	});
	const start = Date.now();
	const dump = async () => ({ t: Date.now() - start, isDone: (await session.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed' })).success });
	const taken = [await dump()];
	let running = true;
	const loop = (async () => {
		while (running) {
			await new Promise((resolve) => setTimeout(resolve, everyMs));
			if (running) taken.push(await dump().catch(() => ({ t: Date.now() - start, isDone: false })));
		}
	})();
	return {
		async stop() {
			running = false;
			await loop;
			taken.push(await dump().catch(() => ({ t: Date.now() - start, isDone: false })));
			const ended = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
			await session.send('Tracing.end');
			await ended;
			session.off('Tracing.dataCollected', onData);
			const renderers = new Set((await browserProcesses(profileDir)).filter((p) => p.type === 'renderer').map((p) => p.pid));
			const ids = dumpIdsInOrder(events);
			const dumps = taken
				.filter((d) => d.isDone)
				.map((d, n) => ({ t: d.t, sizes: allocatorsOf(events, ids[n], renderers) }))
				.map((d) => ({ ...d, total: totalOf(d.sizes) }))
				.filter((d) => d.total > 0);
			if (dumps.length === 0 || ids.length !== taken.filter((d) => d.isDone).length) throw new Error('memory-infra dumps do not match the ones asked for');
			const peak = dumps.slice(1).reduce((best, d) => (d.total > best.total ? d : best), dumps[0]);
			return { idle: dumps[0], peak, timeline: dumps.map((d) => ({ t: d.t, total: d.total })) };
		}
	};
}

// The rows of the table: every top-level allocator, V8's heap spaces, PartitionAlloc's partitions,
// and any PartitionAlloc bucket (one allocation size) that grew by `bucketMb` or more.
const detailRow = /^(v8\/(main|workers)\/heap\/[^/]+|partition_alloc\/partitions\/[^/]+|malloc\/partitions\/[^/]+)$/;
const bucketRow = /^partition_alloc\/partitions\/[^/]+\/buckets\/[^/]+$/;

/** The peak dump as text: one line per allocator, MB at the peak and above the idle dump. */
export function memoryDumpTable({ idle, peak, timeline }, bucketMb = 4) {
	const rows = Object.keys(peak.sizes)
		.filter((name) => !name.includes('/') || detailRow.test(name) || (bucketRow.test(name) && peak.sizes[name] - (idle.sizes[name] ?? 0) >= bucketMb))
		.filter((name) => peak.sizes[name] >= 1 || (idle.sizes[name] ?? 0) >= 1)
		.sort();
	const line = (name, at, above) => `${name.padEnd(64)} ${at.toFixed(1).padStart(8)} ${above.toFixed(1).padStart(8)}`;
	return [
		`peak dump at ${peak.t} ms (of ${timeline.length} dumps: ${timeline.map((d) => `${d.t} ms ${d.total.toFixed(0)}`).join(', ')} MB)`,
		line('allocator (renderer processes)', 0, 0).replace(/ +0\.0 +0\.0$/, '       MB  + idle'),
		...rows.map((name) => line(name, peak.sizes[name], peak.sizes[name] - (idle.sizes[name] ?? 0))),
		line('total of the top-level allocators', peak.total, peak.total - idle.total)
	].join('\n');
}
