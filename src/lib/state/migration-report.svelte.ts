import type { HistoryEntry } from '$lib/domain/records/history-entry';
import { errorCodeOf } from '$lib/domain/records/failure-code';
import { lastFinishedCardImport, lastFinishedStepD } from '$lib/domain/records/last-step-d';
import { reportFigures } from '$lib/domain/report/report-figures';
import { supportMessage } from '$lib/i18n/support-message';
import type { CardFindings } from '$lib/registry/card-findings';
import { workbench } from '$lib/workers/workbench-client';
import type { HistoryPage } from '$lib/storage/history-repository';
import { loadStorage, watchStored } from './lazy-storage';
import { locale } from './locale.svelte';

/** History entries the report lists at most (the newest); a rehearsal has a handful. */
export const reportedEntries = 200;

/**
 * 移行レポート (SPEC §6): the rehearsal's files from the history (oldest first), the last step d
 * with its reconciliation numbers, and the registry's multi-card customers and expired cards, read
 * afresh each time the page opens and again whenever any tab (or a worker) records, finishes or
 * deletes a run while it is shown (SPEC "Several tabs"). Nothing here holds a token or a card number.
 */
class MigrationReportState {
	entries = $state.raw<HistoryEntry[]>([]);
	totalEntries = $state(0);
	findings = $state.raw<CardFindings | null>(null);
	madeAt = $state(0);
	isLoaded = $state(false);
	/** Why reading failed (a failure code), or null. */
	failureCode = $state<string | null>(null);
	copied = $state<'done' | 'failed' | null>(null);
	/**
	 * True while a report already shown is read again (something changed in some tab): what is on
	 * screen is not current, so the message is not shown nor copied until the read ends.
	 */
	isRereading = $state(false);

	/** The newest conversion of a return file (step d) that finished (done or with errors), or null. */
	lastStepD = $derived(lastFinishedStepD(this.entries));

	/** The newest card import that finished, or null: compared with the last step d's output. */
	lastCardImport = $derived(lastFinishedCardImport(this.entries));

	/** The report's group figures: one source for its tables and its message (`reportFigures`). */
	figures = $derived(reportFigures(this.lastStepD, this.findings, this.lastCardImport));

	/** The ready-to-send text in the chosen language; null while nothing is rehearsed (no message to send). */
	supportText = $derived(supportMessage(locale.language, this.figures));

	// Pages showing the report now, and the number of the newest read (an older read that ends
	// later never overwrites it).
	private shown = 0;
	private reads = 0;

	/**
	 * The report page is on screen: reads the report now, and again each time the history changes in
	 * any tab (Dexie's liveQuery: a run recorded, finished or deleted by a tab or its worker — step d,
	 * the uploads of customers and cards, the a・b list); returns the function to call on leaving.
	 */
	show(): () => void {
		this.shown++;
		const stop = watchStored(
			({ historyRepository }) => historyRepository.query({ limit: reportedEntries }),
			(page) => void this.load(page),
			(error) => {
				// The history could not be followed (e.g. the database closed by a newer copy's upgrade
				// elsewhere): said, rather than 読み込み中… for ever or a report shown as current; a read
				// still under way never puts it back.
				this.reads++;
				this.failureCode = errorCodeOf(error);
				this.isLoaded = true;
				this.isRereading = false;
			}
		);
		return () => {
			this.shown--;
			stop();
		};
	}

	/**
	 * After an erase or an import in any tab (SPEC "Several tabs"): a report on screen is read again,
	 * so nothing erased stays shown or printable; one not on screen is dropped.
	 */
	async refresh() {
		if (this.shown > 0) return this.load();
		this.entries = [];
		this.totalEntries = 0;
		this.findings = null;
		this.isLoaded = false;
		this.isRereading = false;
	}

	/**
	 * Reads the report: the history's newest entries (`read`, when the history was just read) and the
	 * registry's findings, shown together once both are in. While a shown report is read again,
	 * `isRereading` holds.
	 */
	async load(read?: HistoryPage) {
		this.copied = null;
		const number = ++this.reads;
		if (this.isLoaded) this.isRereading = true;
		try {
			const today = Date.now();
			const [page, findings] = await Promise.all([
				read ?? loadStorage().then(({ historyRepository }) => historyRepository.query({ limit: reportedEntries })),
				workbench.ask('card-findings', { today })
			]);
			if (number !== this.reads) return;
			this.entries = [...page.entries].reverse();
			this.totalEntries = page.total;
			this.findings = findings;
			this.madeAt = today;
			this.failureCode = null;
		} catch (error) {
			if (number === this.reads) this.failureCode = errorCodeOf(error);
		} finally {
			if (number === this.reads) {
				this.isLoaded = true;
				this.isRereading = false;
			}
		}
	}

	/** Copies the message; never one being read again (the copy would not be current), nor none. */
	async copyMessage() {
		if (this.isRereading || this.supportText === null) return;
		try {
			await navigator.clipboard.writeText(this.supportText);
			this.copied = 'done';
		} catch {
			this.copied = 'failed';
		}
	}
}

export const migrationReport = new MigrationReportState();
