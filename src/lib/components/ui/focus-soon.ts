/**
 * Moves the keyboard to `element` in a task of its own, after the one that built it. A focus reads
 * the layout: called while a result is being shown, it made the browser lay out the whole page inside
 * the task that built the result (issue 14: step d's result task with a 100,000-column header took
 * 12–39 ms, 6–19 ms of it that forced layout). In a task of its own, building the result and laying
 * out the page are two tasks, and the focus lands the same. An element gone meanwhile is left alone.
 */
export function focusSoon(element: HTMLElement | undefined): void {
	if (!element) return;
	setTimeout(() => {
		if (element.isConnected) element.focus();
	}, 0);
}
