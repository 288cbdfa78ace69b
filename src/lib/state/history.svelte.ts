import { watch as liveQuery } from '$lib/storage/watch';
import { extractRows, headerRuleOf, type ExtractProblemCode } from '$lib/domain/failed-rows';
import { containsCardNumber } from '$lib/domain/guard/card-number';
import { sha256Hex } from '$lib/domain/hash/sha256';
import type { HistoryEntry } from '$lib/domain/records/history-entry';
import { historyRepository, type HistoryPage } from '$lib/storage/history-repository';

/** The page sizes the history table offers. */
export const historyPageSizes = [10, 20, 50, 100] as const;

const dayMs = 86_400_000;

/** The first millisecond of a `YYYY-MM-DD` day in Japan (Asia/Tokyo has no daylight saving). */
export function tokyoDayStart(day: string): number {
	return Date.parse(`${day}T00:00:00+09:00`);
}

// Files read this session, by history id: failed rows can be given back without asking again.
// Only File handles (no content is read until asked); gone on reload, like everything unsaved.
const sources = new Map<number, File>();

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
	pageSize = $state<number>(20);
	offset = $state(0);
	page = $state.raw<HistoryPage | null>(null);
	/** How many entries there are in all, whatever the search. */
	allCount = $state(0);
	openId = $state<number | null>(null);
	/** The opened entry: undefined while loading, null when there is none. */
	opened = $state.raw<HistoryEntry | null | undefined>(undefined);

	/** True when 開始日 is after 終了日. */
	isRangeReversed = $derived(this.form.from !== '' && this.form.to !== '' && this.form.from > this.form.to);

	/** Follows the database for the applied search and page; returns the unsubscribe. */
	watchPage(): () => void {
		const { fileName, from, to } = this.applied;
		const request = {
			fileName,
			from: from ? tokyoDayStart(from) : undefined,
			to: to ? tokyoDayStart(to) + dayMs - 1 : undefined,
			offset: this.offset,
			limit: this.pageSize
		};
		const query = liveQuery(async () => ({
			page: await historyRepository.query(request),
			all: (await historyRepository.query({ limit: 0 })).total
		}));
		const subscription = query.subscribe({
			next: ({ page, all }) => {
				this.allCount = all;
				// Deleting the last entries of the last page: step back to a page that has some.
				if (page.entries.length === 0 && page.total > 0 && request.offset > 0) {
					this.offset = Math.max(0, Math.floor((page.total - 1) / request.limit) * request.limit);
				} else this.page = page;
			}
		});
		return () => subscription.unsubscribe();
	}

	/** Follows the opened entry (it can be deleted, or still running elsewhere). */
	watchOpened(): () => void {
		const id = this.openId;
		this.opened = undefined;
		if (id === null) return () => {};
		const subscription = liveQuery(() => historyRepository.get(id)).subscribe({
			next: (entry) => (this.opened = entry ?? null)
		});
		return () => subscription.unsubscribe();
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
		this.offset = 0;
		return true;
	}

	clear() {
		this.form = { fileName: '', from: '', to: '' };
		this.submit();
	}

	goTo(offset: number) {
		this.offset = Math.max(0, offset);
	}

	setPageSize(size: number) {
		this.pageSize = size;
		this.offset = 0;
	}

	open(id: number | null) {
		this.openId = id;
	}

	async remove(id: number) {
		await historyRepository.delete(id);
		sources.delete(id);
	}

	async removeAll() {
		await historyRepository.deleteAll();
		sources.clear();
	}

	/** Every entry as a JSON backup. */
	async exportJson(): Promise<Blob> {
		return new Blob([await historyRepository.exportJson()], { type: 'application/json' });
	}
}

export const historyView = new HistoryState();

type DownloadStatus = 'idle' | 'need-file' | 'working' | 'wrong-file' | 'unreadable' | 'refused' | 'done';
type Download = { bytes: Uint8Array; name: string };

/** The failed rows of one entry, given back from its source file (asked for when not in memory). */
export class FailedRowsDownload {
	status = $state<DownloadStatus>('idle');
	problem = $state<{ code: ExtractProblemCode; row: number; column: number } | null>(null);
	missing = $state(0);
	file = $state<File | null>(null);

	private readonly entry: () => HistoryEntry;

	constructor(entry: () => HistoryEntry) {
		this.entry = entry;
	}

	/** True when this tab still holds the entry's original file, so no file need be chosen first. */
	get hasSource(): boolean {
		return sources.has(this.entry().id);
	}

	/** Starts the download; resolves with the bytes and a file name, or null when it must wait or fails. */
	async start(): Promise<Download | null> {
		const known = sources.get(this.entry().id);
		if (known) return this.useFile(known);
		this.status = 'need-file';
		return null;
	}

	/** Checks that `file` is the entry's own (SHA-256) and gives back its failed rows. */
	async useFile(file: File): Promise<Download | null> {
		const entry = this.entry();
		this.status = 'working';
		this.problem = null;
		const input = await file.arrayBuffer().then(
			(buffer) => new Uint8Array(buffer),
			() => null
		);
		if (input === null) {
			this.status = 'unreadable';
			return null;
		}
		if (entry.sha256 === '' || (await sha256Hex(input)) !== entry.sha256) {
			this.status = 'wrong-file';
			return null;
		}
		sources.set(entry.id, file);
		const encoding = entry.encoding ?? 'auto';
		const result = extractRows(input, entry.failedRows, { encoding, header: headerRuleOf(entry.kind) });
		if (!result.ok) {
			this.status = 'refused';
			this.problem = { code: result.code, row: result.row, column: result.column };
			return null;
		}
		this.status = 'done';
		this.missing = result.missing.length;
		this.file = null;
		return { bytes: result.output, name: failedRowsName(entry.fileName) };
	}
}

/** `returns.csv` → `returns-failed-rows.csv`. */
export function failedRowsName(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	const stem = dot > 0 ? fileName.slice(0, dot) : fileName || 'history';
	const extension = dot > 0 ? fileName.slice(dot) : '.csv';
	return `${stem}-failed-rows${extension}`;
}
