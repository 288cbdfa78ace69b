import type { OutputEncoding } from '$lib/domain/encoding/encode-text';
import type { ProblemRecord } from '$lib/domain/records/problem-record';
import type { ProblemFilter } from '$lib/jobs/conversion-types';
import { errorCodeOf } from '$lib/domain/records/failure-code';
import { workbench } from '$lib/workers/workbench-client';
import { PeopleDownload } from './people-download.svelte';
import { Pager } from './pager.svelte';

/** The problems of a finished conversion, one page at a time from the worker, filtered by severity. */
export class ProblemList {
	filter = $state<ProblemFilter>('all');
	readonly pager = new Pager(50);
	rows = $state.raw<ProblemRecord[]>([]);
	/** The cap's closing note (how many problems the list leaves out), shown apart from the pages. */
	note = $state.raw<ProblemRecord | null>(null);
	/** Why the current page could not be read (a failure code, e.g. 'unknown-job'), or null: said instead of the rows. */
	failureCode = $state<string | null>(null);

	constructor(private readonly jobId: () => string) {}

	/**
	 * Loads the current page (an effect calls it again whenever the job, filter or page changes). A read
	 * that fails keeps its reason in `failureCode`; the promise never rejects.
	 */
	load() {
		const request = { jobId: this.jobId(), filter: this.filter, offset: this.pager.offset, limit: this.pager.pageSize };
		const isCurrent = () => request.jobId === this.jobId() && request.filter === this.filter && request.offset === this.pager.offset;
		return workbench.ask('problems', request).then(
			(page) => {
				if (!isCurrent()) return;
				this.failureCode = null;
				this.pager.total = page.total;
				this.rows = page.problems;
				this.note = page.note;
			},
			(error) => {
				if (isCurrent()) this.failureCode = errorCodeOf(error);
			}
		);
	}

	setFilter(next: ProblemFilter) {
		this.filter = next;
		this.pager.goTo(0);
	}

	/** Where the problems list is written, and the cells Shift_JIS could not hold. */
	readonly file = new PeopleDownload();

	/** Every problem as a CSV for people, in the current language; null when Shift_JIS cannot hold it. */
	download(encoding?: OutputEncoding): Promise<Blob | null> {
		return this.file.fetch(this.jobId(), 'problems', encoding);
	}
}
