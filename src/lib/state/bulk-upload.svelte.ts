import type { UploadKind, UploadSummary } from '$lib/jobs/upload-types';
import { databaseAccess } from './database-access.svelte';
import { rememberSource } from './history.svelte';
import { JobRun } from './job-run.svelte';
import { pageRuns } from './page-runs';
import { paymentSettings } from './settings.svelte';

/**
 * Whether 一括登録 keeps the chosen file once a run of it ended, by how it ended: `summary` is the
 * run's answer, null when it never gave one (キャンセル before the worker began, a failure, an erase's
 * stop). An upload that registered its file (done, or done with row errors) clears it: choosing it
 * again would register nothing new. Every other end keeps it, so the upload can be started again at
 * once — キャンセル (an 'interrupted' record, or no answer), a failure, a refusal (to retry with
 * the other kind) — without choosing a file of up to tens of MB again (operator trial: a cancelled
 * upload of 200,000 customers dropped the file; steps a・b and d keep theirs).
 */
export function keepsChosenFile(summary: Pick<UploadSummary, 'status'> | null): boolean {
	return summary === null || summary.status === 'interrupted' || summary.status === 'refused';
}

/** 一括登録: the chosen kind and file, the upload run, and how it ended. */
class BulkUploadState {
	kind = $state<UploadKind>('customers');
	#file = $state<File | null>(null);
	errorsBlockImport = $state(false);
	readonly run = pageRuns.add(new JobRun('upload'));
	summary = $derived(this.run.result);
	/** Called after an upload ends with a history entry, with its summary (the registry view refreshes). */
	onFinished: ((summary: UploadSummary) => void) | null = null;

	/** The chosen file. Choosing another one drops the last run's result: it spoke of the file before. */
	get file(): File | null {
		return this.#file;
	}
	set file(next: File | null) {
		if (next !== this.#file && next && this.run.status !== 'running') this.run.reset();
		this.#file = next;
	}

	get isBlockedBySettings(): boolean {
		return this.kind === 'cards' && !paymentSettings.allowsCardImport;
	}

	/** The failure to show, if any: 'database-blocked' lapses once the older tab closed and the database opened. */
	get failureShown(): string | null {
		if (this.run.status !== 'failed') return null;
		if (this.run.failure === 'database-blocked' && !databaseAccess.blocked) return null;
		return this.run.failure;
	}

	/** The screen's start-up read of the settings; a failure is kept in `paymentSettings.readFailure`, never thrown. */
	loadSettings(): Promise<boolean> {
		return paymentSettings.load();
	}

	/** Drops the chosen file (after an erase; the run says what the erase did to it: `pageRuns`). */
	forget() {
		this.#file = null;
	}

	async start(file: File) {
		// An older copy of the app blocks the database: say so now rather than wait on it.
		if (databaseAccess.blocked) return this.run.fail('database-blocked');
		const { kind, errorsBlockImport } = this;
		const summary = await this.run.start(async () => {
			// Settings saved in another tab count: read them just before the import.
			const { service, availability } = await paymentSettings.refresh();
			return { job: { kind, fileName: file.name, encoding: 'auto' as const, errorsBlockImport, settings: { service, availability } }, file };
		}, file.size);
		if (!summary) return;
		rememberSource(summary.historyId, file);
		// The file registered is cleared, never one chosen after it.
		if (!keepsChosenFile(summary) && this.#file === file) this.#file = null;
		this.onFinished?.(summary);
	}
}

export const bulkUpload = new BulkUploadState();
