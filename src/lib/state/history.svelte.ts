import { containsCardNumber } from '$lib/domain/guard/card-number';
import { errorCodeOf } from '$lib/domain/records/failure-code';
import type { HistoryEntry } from '$lib/domain/records/history-entry';
import type { ProblemRecord } from '$lib/domain/records/problem-record';
import type { FailedRowsReport } from '$lib/jobs/extract-failed-rows';
import type { HistoryPage } from '$lib/storage/history-repository';
import { languages, translate, type Language } from '$lib/i18n';
import { problemText } from '$lib/i18n/problem-text';
import { problemListWordsEn } from '$lib/i18n/problems.en';
import { JobRun } from './job-run.svelte';
import { loadStorage, watchStored } from './lazy-storage';
import { Pager } from './pager.svelte';

/** The page sizes the history table offers. */
export const historyPageSizes = [10, 20, 50, 100] as const;

const dayMs = 86_400_000;

// A list taken from the registry is shown under a label in the language of the moment: a name
// search finds it by either language's label.
const registryNames = languages.map((language) => translate(language, 'migration.registryName'));

/** The first millisecond of a `YYYY-MM-DD` day in Japan (Asia/Tokyo has no daylight saving). */
export function tokyoDayStart(day: string): number {
	return Date.parse(`${day}T00:00:00+09:00`);
}

// Files read this session, by history id: failed rows can be given back without asking again.
// Only File handles (no content is read until asked); gone on reload, like everything unsaved.
const sources = new Map<number, File>();

/** Forgets every remembered original file (after an erase). */
export function forgetSources(): void {
	sources.clear();
}

/** Keeps the file an upload or conversion read, so its failed rows can be downloaded this session. */
export function rememberSource(historyId: number, file: File): void {
	sources.set(historyId, file);
}

interface Search {
	fileName: string;
	from: string;
	to: string;
}

/** 顧客データ取り込み履歴: the search, one live page of entries, the opened entry. */
class HistoryState {
	/** The search form as typed. */
	form = $state<Search>({ fileName: '', from: '', to: '' });
	applied = $state<Search>({ fileName: '', from: '', to: '' });
	readonly pager = new Pager(20);
	page = $state.raw<HistoryPage | null>(null);
	/** How many entries there are in all, whatever the search. */
	allCount = $state(0);
	openId = $state<number | null>(null);
	/** The opened entry: undefined while loading, null when there is none. */
	opened = $state.raw<HistoryEntry | null | undefined>(undefined);
	/** Why the list could not be read (a failure code, e.g. 'database-closed'), or null: said where the list would be. */
	pageFailure = $state<string | null>(null);
	/** Why the opened entry could not be read (a failure code), or null: said where the entry would be. */
	openedFailure = $state<string | null>(null);

	/** True when 開始日 is after 終了日. */
	isRangeReversed = $derived(this.form.from !== '' && this.form.to !== '' && this.form.from > this.form.to);

	/** Follows the database for the applied search and page; returns the unsubscribe. */
	watchPage(): () => void {
		const { fileName, from, to } = this.applied;
		const request = {
			fileName,
			registryNames,
			from: from ? tokyoDayStart(from) : undefined,
			to: to ? tokyoDayStart(to) + dayMs - 1 : undefined,
			offset: this.pager.offset,
			limit: this.pager.pageSize
		};
		this.pageFailure = null;
		return watchStored(
			async ({ historyRepository }) => ({
				page: await historyRepository.query(request),
				all: (await historyRepository.query({ limit: 0 })).total
			}),
			({ page, all }) => {
				this.allCount = all;
				this.pager.total = page.total;
				// Deleting the last entries of the last page: step back to a page that has some.
				if (page.entries.length === 0 && page.total > 0 && request.offset > 0) {
					this.pager.goTo(Math.floor((page.total - 1) / request.limit) * request.limit);
				} else this.page = page;
				this.pageFailure = null;
			},
			(error) => (this.pageFailure = errorCodeOf(error))
		);
	}

	/** Follows the opened entry (it can be deleted, or still running elsewhere). */
	watchOpened(): () => void {
		const id = this.openId;
		this.opened = undefined;
		this.openedFailure = null;
		if (id === null) return () => {};
		return watchStored(
			({ historyRepository }) => historyRepository.get(id),
			(entry) => {
				this.opened = entry ?? null;
				this.openedFailure = null;
			},
			(error) => (this.openedFailure = errorCodeOf(error))
		);
	}

	/** True when the last file-name search held a card number: it was not run, and is kept nowhere. */
	isCardNumberRefused = $state(false);

	submit(): boolean {
		this.isCardNumberRefused = containsCardNumber(this.form.fileName);
		if (this.isCardNumberRefused) {
			this.form.fileName = '';
			return false;
		}
		if (this.isRangeReversed) return false;
		this.applied = { ...this.form, fileName: this.form.fileName.trim() };
		this.pager.goTo(0);
		return true;
	}

	clear() {
		this.form = { fileName: '', from: '', to: '' };
		this.submit();
	}

	open(id: number | null) {
		this.openId = id;
	}

	async remove(id: number) {
		await (await loadStorage()).historyRepository.delete(id);
		sources.delete(id);
	}

	async removeAll() {
		await (await loadStorage()).historyRepository.deleteAll();
		sources.clear();
	}

	/**
	 * The problems an entry keeps, errors and warnings, as a CSV for people in `language`
	 * (行数, 列, 重要度, コード, 内容). UTF-8 with BOM, so no character of a message is lost. The CSV
	 * writer (and its Shift_JIS tables) loads on the first download, not with the screen.
	 */
	async problemsCsv(entry: HistoryEntry, language: Language): Promise<Blob> {
		const { problemListWordsJa, problemsCsv } = await import('$lib/domain/report/people-lists');
		const words = language === 'ja' ? problemListWordsJa : problemListWordsEn;
		const bytes = problemsCsv<ProblemRecord>(entry.problems, { encoding: 'utf-8-bom', words, text: (problem) => problemText(problem, language) });
		return new Blob([bytes as BlobPart], { type: 'text/csv' });
	}

	/** Every entry as a JSON backup. */
	async exportJson(): Promise<Blob> {
		return new Blob([await (await loadStorage()).historyRepository.exportJson()], { type: 'application/json' });
	}
}

export const historyView = new HistoryState();

/**
 * The problems one finished run keeps (its history entry), errors and warnings apart, for a
 * screen that shows a run's result (the upload result on /customers).
 */
export class RunProblems {
	entry = $state.raw<HistoryEntry | null>(null);
	errors = $derived(this.entry?.problems.filter((problem) => problem.severity === 'error') ?? []);
	warnings = $derived(this.entry?.problems.filter((problem) => problem.severity === 'warning') ?? []);
	/** Why the entry could not be read (a failure code), or null: the result says so instead of its problem list. */
	failureCode = $state<string | null>(null);

	constructor(private readonly historyId: () => number | null) {}

	/** Follows the entry of the current run; returns the unsubscribe (an effect's teardown). */
	watch(): () => void {
		const id = this.historyId();
		this.entry = null;
		this.failureCode = null;
		if (id === null) return () => {};
		return watchStored(
			({ historyRepository }) => historyRepository.get(id),
			(entry) => {
				this.entry = entry ?? null;
				this.failureCode = null;
			},
			(error) => (this.failureCode = errorCodeOf(error))
		);
	}
}

type DownloadStatus = 'idle' | 'need-file' | 'working' | Exclude<FailedRowsReport['status'], 'unknown-entry'>;

/**
 * The failed rows of one entry, given back from its source file by the worker (which checks the
 * file's SHA-256 and reads it with its kind's header rule); the file is asked for when not known.
 */
export class FailedRowsDownload {
	file = $state<File | null>(null);
	readonly run = new JobRun('failed-rows');
	private asked = $state(false);

	/** Where the download stands: asking for the file, working, or how the worker's job ended. */
	status: DownloadStatus = $derived.by(() => {
		if (this.run.status === 'running') return 'working';
		const report = this.run.result?.report;
		// An entry deleted meanwhile, or a worker that failed, leaves the file unread as far as the operator can tell.
		if (this.run.status === 'failed' || report?.status === 'unknown-entry') return 'unreadable';
		if (report) return report.status;
		return this.asked ? 'need-file' : 'idle';
	});
	/** Why no rows could be given back (status 'refused'). */
	problem = $derived(this.run.result?.report.status === 'refused' ? this.run.result.report : null);
	/** Asked-for rows that are no record of the file (status 'done'). */
	missing = $derived(this.run.result?.report.status === 'done' ? this.run.result.report.missing : 0);
	/** The encoding the rows given back are in, and why (status 'done'). */
	encoding = $derived(this.run.result?.report.status === 'done' ? this.run.result.report.encoding : null);

	constructor(private readonly entry: () => HistoryEntry) {}

	/** True when this tab still holds the entry's original file, so no file need be chosen first. */
	get hasSource(): boolean {
		return sources.has(this.entry().id);
	}

	/** Starts the download; resolves with the file and its name, or null when it must wait or fails. */
	async start(): Promise<{ bytes: Blob; name: string } | null> {
		const known = sources.get(this.entry().id);
		if (known) return this.useFile(known);
		this.asked = true;
		return null;
	}

	/** Gives back the failed rows of `file` when it is the entry's own. */
	async useFile(file: File): Promise<{ bytes: Blob; name: string } | null> {
		const historyId = this.entry().id;
		const answer = await this.run.start({ job: { kind: 'failed-rows', historyId }, file }, file.size);
		if (!answer?.output || answer.report.status !== 'done') return null;
		sources.set(historyId, file);
		this.file = null;
		return { bytes: answer.output, name: answer.report.fileName };
	}
}
