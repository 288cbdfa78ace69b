/** One pager over a list of `total` items: the page maths of every table in one place. */
export class Pager {
	private count: (() => number) | undefined = undefined;
	offset = $state(0);
	pageSize = $state(20);
	/** How many items there are: set by the owner, or followed from the list given at construction. */
	total = $derived(this.count?.() ?? 0);

	/** 1-based number of the first item shown, and of the last. */
	from = $derived(this.offset + 1);
	to = $derived(Math.min(this.total, this.offset + this.pageSize));
	hasPrevious = $derived(this.offset > 0);
	hasNext = $derived(this.offset + this.pageSize < this.total);
	/** True when the items fill more than one page. */
	isPaged = $derived(this.total > this.pageSize);

	constructor(pageSize = 20, count?: () => number) {
		this.pageSize = pageSize;
		this.count = count;
	}

	/** Goes to the page that starts at `offset` (never before the first). */
	goTo(offset: number) {
		this.offset = Math.max(0, offset);
	}

	previous() {
		this.goTo(this.offset - this.pageSize);
	}

	next() {
		if (this.hasNext) this.goTo(this.offset + this.pageSize);
	}

	/** A new page size starts again from the first page. */
	setPageSize(size: number) {
		this.pageSize = size;
		this.offset = 0;
	}
}
