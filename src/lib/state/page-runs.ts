import type { ErasedWhere } from './job-run.svelte';

/** What the page's run list (`PageRuns`) asks of each run it holds: see `JobRun.erased`. */
export interface ErasableRun {
	/** True when the run was stopped. */
	erased(where: ErasedWhere, finishedToo?: boolean): boolean;
	eraseFailed(where?: ErasedWhere): void;
}

/**
 * How an erase rejects when it failed after the data was erased (a later step: the worker's reload of
 * its registry): the runs then say they were erased. Its message is the failure code. Any other
 * rejection means nothing was erased.
 */
export class FailedAfterErasing extends Error {}

/**
 * The runs this page holds — 一括登録's upload, steps a・b and d's conversions — each added where it
 * is made (a module not loaded has no run to reach). 「すべてのデータを消去」 reaches every one of them
 * through this one list, whether this tab or another one erased (SPEC "Several tabs"); it touches
 * the runs only, never the chosen files, which the erase's notice clears once the erase is done.
 */
export class PageRuns {
	readonly #runs = new Set<ErasableRun>();
	// Erases of this tab under way: the notice this tab hears of its own erase is told as 'here'.
	#erasingHere = 0;
	// The runs an erase of another tab stopped as it began, until it is done or failed.
	readonly #stoppedByOtherTab = new Set<ErasableRun>();

	/** Adds `run` to the page's runs; returns it. */
	add<R extends ErasableRun>(run: R): R {
		this.#runs.add(run);
		return run;
	}

	/**
	 * 「すべてのデータを消去」 pressed in this tab, `erase` doing it. The runs not finished are stopped
	 * first (nothing of them is registered after the erase, and the erase does not wait behind their
	 * jobs); once `erase` resolved, every run says it was erased here. When `erase` rejects (the
	 * rejection is passed on, for the page to say why) nothing was erased: a finished run keeps its
	 * result, and the runs stopped first say the erase was asked for and failed (`eraseFailed`) —
	 * unless it rejects with `FailedAfterErasing`, when every run says it was erased.
	 */
	async eraseHere(erase: () => Promise<void>): Promise<void> {
		const stopped = [...this.#runs].filter((run) => run.erased('here', false));
		this.#erasingHere++;
		try {
			await erase();
		} catch (error) {
			if (error instanceof FailedAfterErasing) for (const run of this.#runs) run.erased('here');
			else for (const run of stopped) run.eraseFailed();
			throw error;
		} finally {
			this.#erasingHere--;
		}
		for (const run of this.#runs) run.erased('here');
	}

	/**
	 * The erase's notice as this tab hears it, from another tab or from its own erase (then told as
	 * 'here', whether the notice comes before `eraseHere` resolved or after): every run says so.
	 */
	heardErase(): void {
		const where: ErasedWhere = this.#erasingHere > 0 ? 'here' : 'other-tab';
		this.#stoppedByOtherTab.clear();
		for (const run of this.#runs) run.erased(where);
	}

	/**
	 * An erase's start as this tab hears it ('erasing', told before its transaction): the runs not
	 * finished stop now, as this tab's own erase stops them (`eraseHere`), so none finishes while the
	 * erase waits for it — each then says it was stopped, no result made, never that its result was
	 * erased. A run finished before keeps its result until the erase is done (`heardErase`). This
	 * tab's own erase stopped its runs already.
	 */
	heardErasing(): void {
		if (this.#erasingHere > 0) return;
		for (const run of this.#runs) if (run.erased('other-tab', false)) this.#stoppedByOtherTab.add(run);
	}

	/**
	 * Another tab's erase failed ('erase-failed'): nothing was erased, and the runs its start stopped
	 * say so (`eraseFailed('other-tab')`). This tab's own erase says it itself (`eraseHere`).
	 */
	heardEraseFailed(): void {
		if (this.#erasingHere > 0) return;
		for (const run of this.#stoppedByOtherTab) run.eraseFailed('other-tab');
		this.#stoppedByOtherTab.clear();
	}
}

/** This page's runs. */
export const pageRuns = new PageRuns();
