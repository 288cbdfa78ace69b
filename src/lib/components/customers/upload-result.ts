import type { UploadSummary } from '$lib/jobs/upload-types';

/** How a finished upload's result box looks: warn with failed rows, info when nothing new was registered, else ok. */
export type UploadTone = 'ok' | 'info' | 'warn';

/**
 * The tone of a finished upload (status done or errors): rows that failed make it a warning; an
 * upload that registered nothing (every row already registered, so skipped) is information, never
 * the green of a success; otherwise it succeeded.
 */
export function uploadTone(summary: Pick<UploadSummary, 'registered' | 'failed'>): UploadTone {
	if (summary.failed > 0) return 'warn';
	return summary.registered === 0 ? 'info' : 'ok';
}

/** True when the upload registered nothing because every row it read was already registered. */
export function isAllSkipped(summary: Pick<UploadSummary, 'registered' | 'failed' | 'skipped'>): boolean {
	return summary.registered === 0 && summary.failed === 0 && summary.skipped > 0;
}
