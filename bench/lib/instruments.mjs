// In-page instruments, installed before any app script runs (addInitScript is not subject to the
// page's CSP). Everything is stamped with the page's own clock (performance.now()), so a duration
// never includes Playwright's polling.

/* global window, document, performance, PerformanceObserver, MutationObserver, HTMLProgressElement, Element */
function instruments() {
	if (window.__bench) return;
	const bench = {
		/** PerformanceObserver 'longtask' entries of the main thread. */
		longtasks: [],
		/** Every change of a <progress> value (and every <progress> added), as the user sees it. */
		progress: [],
		/** Clicks on buttons, links and radios (capture phase: before the app's handler runs). */
		clicks: [],
		/** Messages to and from the app's workers: type and requestId only, never content. */
		messages: [],
		/** Named conditions, checked after every DOM change; `at` is when each first held. */
		conditions: []
	};
	window.__bench = bench;
	try {
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) bench.longtasks.push({ start: entry.startTime, duration: entry.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		bench.longtasks = null;
	}
	document.addEventListener(
		'click',
		(event) => {
			const target = event.target instanceof Element ? event.target.closest('button, a, input, label') : null;
			const click = { t: performance.now(), text: (target?.textContent ?? '').trim() };
			bench.clicks.push(click);
			// Conditions armed by a click take their "before" now, ahead of the app's own handler.
			for (const condition of bench.conditions) if (condition.at === null && condition.arm) condition.arm(click);
		},
		true
	);
	const check = () => {
		const now = performance.now();
		for (const condition of bench.conditions) {
			if (condition.at !== null) continue;
			try {
				if (condition.test()) condition.at = now;
			} catch {
				// a condition reads the DOM; a half-built view only means "not yet"
			}
		}
	};
	const watch = new MutationObserver((records) => {
		const now = performance.now();
		for (const record of records) {
			if (record.type === 'attributes' && record.target instanceof HTMLProgressElement && record.attributeName === 'value') {
				bench.progress.push({ t: now, value: record.target.value });
			} else if (record.type === 'childList') {
				for (const node of record.addedNodes) {
					if (!(node instanceof Element)) continue;
					const bars = node.matches('progress') ? [node] : node.querySelectorAll('progress');
					for (const bar of bars) bench.progress.push({ t: now, value: bar.value, added: true });
				}
			}
		}
		check();
	});
	const start = () => watch.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
	if (document.documentElement) start();
	else document.addEventListener('DOMContentLoaded', start);

	const buttons = () => [...document.querySelectorAll('button')];
	const normalize = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
	/** Registers a named condition; a second one of the same name replaces the first. */
	bench.when = (name, test) => {
		bench.conditions = bench.conditions.filter((condition) => condition.name !== name);
		const condition = { name, test, at: null };
		bench.conditions.push(condition);
		check();
		return condition;
	};
	bench.whenButtonEnabled = (name, label) =>
		bench.when(name, () => buttons().some((button) => normalize(button.textContent) === label && !button.disabled));
	const matching = (selector, pattern) =>
		[...document.querySelectorAll(selector)].filter((element) => new RegExp(pattern).test(normalize(element.textContent)));
	/** Holds once an element matching `selector`, with text matching `pattern`, is one that was not there before. */
	bench.whenNewText = (name, selector, pattern) => {
		const before = new Set(matching(selector, pattern));
		return bench.when(name, () => matching(selector, pattern).some((element) => !before.has(element)));
	};
	/** True once a message of `type` posted at or after `from` has had its answer (or failure). */
	const answeredSince = (type, from) => {
		const asked = new Set();
		for (const m of bench.messages) {
			if (m.t < from) continue;
			if (m.dir === 'out' && m.type === type) asked.add(m.id);
			else if (m.dir === 'in' && m.type !== 'progress' && asked.has(m.id)) return true;
		}
		return false;
	};
	/**
	 * Holds once the text of `scope` differs from now and an element in it has text matching `pattern`.
	 * With `after` ({ click, answerTo }): "now" is the next click on a control labelled `after.click`,
	 * and the condition holds only once the worker answered an `after.answerTo` command posted since
	 * that click — a change that came before the click, or from an earlier command's late answer (a
	 * list re-rendered once its cards were read), is never taken for the result.
	 */
	bench.whenChanged = (name, scope, selector, pattern, after = null) => {
		const text = () => normalize(document.querySelector(scope)?.textContent);
		let before = after ? null : text();
		let clickedAt = null;
		const condition = bench.when(name, () => {
			if (after && (clickedAt === null || (after.answerTo && !answeredSince(after.answerTo, clickedAt)))) return false;
			return text() !== before && matching(`${scope} ${selector}`, pattern).length > 0;
		});
		if (after) {
			condition.arm = (click) => {
				if (clickedAt !== null || click.text !== after.click) return;
				clickedAt = click.t;
				before = text();
			};
		}
		return condition;
	};
	bench.at = (name) => bench.conditions.find((condition) => condition.name === name)?.at ?? null;
	bench.lastClick = (label) => [...bench.clicks].reverse().find((click) => click.text === label)?.t ?? null;

	const PageWorker = window.Worker;
	if (PageWorker) {
		window.Worker = class extends PageWorker {
			constructor(url, options) {
				super(url, options);
				this.addEventListener('message', (event) => {
					bench.messages.push({ t: performance.now(), dir: 'in', type: event.data?.type, id: event.data?.requestId });
				});
			}
			postMessage(message, ...rest) {
				bench.messages.push({ t: performance.now(), dir: 'out', type: message?.type, id: message?.requestId });
				return super.postMessage(message, ...rest);
			}
		};
	}
}

/** Adds the instruments to every page of `context`. */
export async function installInstruments(context) {
	await context.addInitScript(instruments);
}
