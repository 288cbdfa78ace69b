import { canImportCards, defaultPaymentSettings, type PaymentSettings } from '$lib/domain/settings';
import { settingsRepository } from '$lib/storage/settings-repository';
import type { UploadKind, UploadSummary } from '$lib/workers/registry-types';
import { workbench } from '$lib/workers/workbench-client';
import { rememberSource } from './history.svelte';

type Status = 'idle' | 'running' | 'done' | 'failed';

/** 一括登録: the chosen kind and file, the upload's progress, and how it ended. */
class BulkUploadState {
	kind = $state<UploadKind>('customers');
	file = $state<File | null>(null);
	errorsBlockImport = $state(false);
	settings = $state<PaymentSettings>({ ...defaultPaymentSettings });
	status = $state<Status>('idle');
	done = $state(0);
	total = $state(0);
	summary = $state.raw<UploadSummary | null>(null);
	failure = $state('');
	/** Called after an upload ends with a history entry (the registry view refreshes). */
	onFinished: ((summary: UploadSummary, file: File) => void) | null = null;
	private requestId: number | null = null;

	get isBlockedBySettings(): boolean {
		return this.kind === 'cards' && !canImportCards(this.settings);
	}

	async loadSettings() {
		this.settings = await settingsRepository.getPayment();
	}

	async start(file: File) {
		this.status = 'running';
		this.summary = null;
		this.failure = '';
		this.done = 0;
		this.total = file.size;
		const job = {
			kind: this.kind,
			file,
			encoding: 'auto' as const,
			errorsBlockImport: this.errorsBlockImport,
			settings: { service: this.settings.service, availability: this.settings.availability }
		};
		const { requestId, done } = workbench.upload(job, (doneBytes, total) => {
			this.done = doneBytes;
			this.total = total;
		});
		this.requestId = requestId;
		try {
			this.summary = await done;
			this.status = 'done';
			rememberSource(this.summary.historyId, file);
			// A finished upload clears the chosen file (a refused one stays, to retry with another kind).
			if (this.summary.status !== 'refused') this.file = null;
			this.onFinished?.(this.summary, file);
		} catch (error) {
			this.failure = error instanceof Error ? error.message : String(error);
			this.status = 'failed';
		} finally {
			this.requestId = null;
		}
	}

	cancel() {
		if (this.requestId !== null) workbench.cancel(this.requestId);
	}
}

export const bulkUpload = new BulkUploadState();
