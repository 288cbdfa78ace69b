import type { Action } from 'svelte/action';

/**
 * Brings `node` whole onto the screen when it is mounted, if it is not already: a running job's
 * progress row (its bar and キャンセル) stands below the button that started it, and on a phone
 * (390 × 844, 一括登録) it came below the fold — the operator could neither see the upload run nor
 * stop it without scrolling. Scrolls the least that shows it (`block: 'nearest'`), once per mount:
 * when a job starts, and again when the operator comes back to the page (/customers, /migration)
 * while its job still runs, since the row is then mounted anew. That is meant: the running job is
 * what the page has to tell on return, and its キャンセル the one control that acts on it. Between
 * two mounts it never scrolls: an operator who scrolls away while the job runs is left there.
 * Judged on an IntersectionObserver's first report, which comes after the browser's own layout, so
 * showing the row forces no layout of the page inside the task that built it (issue 14: no long
 * task on the main thread).
 */
export const showOnStart: Action<HTMLElement> = (node) => {
	const observer = new IntersectionObserver(([entry]) => {
		observer.disconnect();
		if (entry && entry.intersectionRatio < 1) node.scrollIntoView({ block: 'nearest' });
	});
	observer.observe(node);
	return { destroy: () => observer.disconnect() };
};
