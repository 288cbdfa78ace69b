import type { Action } from 'svelte/action';

/**
 * A table's container that scrolls sideways on its own when the table cannot fit (phones), never
 * the page: it becomes a named region the keyboard can reach and scroll (arrow keys) exactly
 * while it overflows (named `name`, e.g. 「問題の一覧（表）」), and carries `is-scrollable` for the edge shadows that show there is more.
 */
export const scrollable: Action<HTMLElement, string> = (node, name) => {
	let label = name;
	const update = () => {
		const overflows = node.scrollWidth > node.clientWidth + 1;
		node.classList.toggle('is-scrollable', overflows);
		if (overflows) {
			node.setAttribute('tabindex', '0');
			node.setAttribute('role', 'region');
			node.setAttribute('aria-label', label);
		} else {
			for (const attribute of ['tabindex', 'role', 'aria-label']) node.removeAttribute(attribute);
		}
	};
	// No measure now: reading the widths while the page is being built forces a layout of the whole
	// page in the middle of it (issue 14: 64 of the 190 ms the customer list's first page took to show
	// after registering a million customers). The observer's first report, after the layout the browser
	// does anyway and before the paint, judges it.
	const observer = new ResizeObserver(update);
	observer.observe(node);
	if (node.firstElementChild) observer.observe(node.firstElementChild);
	return {
		update: (next: string) => {
			label = next;
			if (node.hasAttribute('aria-label')) node.setAttribute('aria-label', label);
		},
		destroy: () => observer.disconnect()
	};
};
