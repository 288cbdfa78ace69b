// Reading the in-page instruments back: durations, long tasks and progress gaps of one step.

/** The instruments' records of the page (see instruments.mjs). */
export function readInstruments(page) {
	return page.evaluate(() => {
		const b = window.__bench;
		return {
			longtasks: b.longtasks,
			progress: b.progress,
			messages: b.messages,
			clicks: b.clicks,
			conditions: b.conditions.map(({ name, at }) => ({ name, at }))
		};
	});
}

/**
 * The page's clock once the frame after this call has been produced (a task after the next animation
 * frame): the end of a long-task window that holds the result's own layout and paint, and work the
 * page defers just past the result (a focus in a task of its own), not only the task that built it.
 */
export function afterNextFrame(page) {
	// A page that produces no frame (hidden) ends the window half a second later all the same.
	return page.evaluate(
		() =>
			new Promise((resolve) => {
				const end = () => resolve(performance.now());
				const fallback = setTimeout(end, 500);
				requestAnimationFrame(() => setTimeout(() => (clearTimeout(fallback), end()), 0));
			})
	);
}

/** Long tasks that overlap [from, to]: count, the longest and when it began after `from`, in ms (null when unsupported). */
export function longTasksIn(records, from, to) {
	if (records.longtasks === null) return { count: null, longest: null, longestAt: null };
	const inside = records.longtasks.filter((task) => task.start + task.duration >= from && task.start <= to);
	const longest = inside.reduce((max, task) => (!max || task.duration > max.duration ? task : max), null);
	return { count: inside.length, longest: longest?.duration ?? 0, longestAt: longest ? longest.start - from : null };
}

/**
 * Gaps between what the operator sees of progress in [from, to]: the click, every change of the
 * bar, and the end. `maxGap` is the longest wait without visible news; `updates` the changes seen.
 */
export function progressGaps(records, from, to) {
	const seen = records.progress.filter((p) => p.t >= from && p.t <= to);
	const times = seen.map((p) => p.t);
	const marks = [from, ...times, to];
	// The bar's value (percent) at each mark: which phase a long wait sat in.
	const values = ['click', ...seen.map((p) => `${p.value} %`), 'result'];
	const waits = [];
	for (let i = 1; i < marks.length; i++) waits.push({ ms: marks[i] - marks[i - 1], at: marks[i - 1] - from, from: values[i - 1], to: values[i] });
	waits.sort((a, b) => b.ms - a.ms);
	let maxGap = 0;
	let maxGapAt = 0;
	for (let i = 1; i < marks.length; i++) {
		if (marks[i] - marks[i - 1] > maxGap) {
			maxGap = marks[i] - marks[i - 1];
			maxGapAt = marks[i - 1] - from;
		}
	}
	const between = [];
	for (let i = 1; i < times.length; i++) between.push(times[i] - times[i - 1]);
	return {
		updates: times.length,
		maxGap,
		/** When the longest wait began, in ms after the click. */
		maxGapAt,
		/** The three longest waits: ms, start after the click, and the bar at each end. */
		longest: waits.slice(0, 3),
		maxGapBetweenUpdates: between.length ? Math.max(...between) : null,
		firstAfter: times.length ? times[0] - from : null,
		lastToEnd: times.length ? to - times[times.length - 1] : null
	};
}

/** The worker's side of one request: time from posting it to its answer, and its progress cadence. */
export function workerRoundTrip(records, type, from) {
	const sent = records.messages.find((m) => m.dir === 'out' && m.type === type && m.t >= from);
	if (!sent) return null;
	const mine = records.messages.filter((m) => m.id === sent.id && m.dir === 'in');
	const answer = mine.find((m) => m.type !== 'progress');
	const progress = mine.filter((m) => m.type === 'progress').map((m) => m.t);
	let maxProgressGap = null;
	for (let i = 1; i < progress.length; i++) maxProgressGap = Math.max(maxProgressGap ?? 0, progress[i] - progress[i - 1]);
	return {
		postedAt: sent.t,
		ms: answer ? answer.t - sent.t : null,
		answer: answer?.type ?? null,
		progressMessages: progress.length,
		maxProgressGap,
		lastProgressToAnswer: answer && progress.length ? answer.t - progress[progress.length - 1] : null
	};
}
