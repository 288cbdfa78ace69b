/** True when a storage failure (or the failure that aborted its transaction) means the disk quota is full. */
export function isQuotaExceeded(error: unknown): boolean {
	return hasName(error, 'QuotaExceededError');
}

function hasName(error: unknown, name: string): boolean {
	for (let cause = error; typeof cause === 'object' && cause !== null; ) {
		if ((cause as { name?: unknown }).name === name) return true;
		cause = (cause as { inner?: unknown }).inner;
	}
	return false;
}

const ownCode = /^[a-z]+(?:-[a-z0-9]+)*$/;

/**
 * The failure code (see `i18n/failures.ts`) of anything a job or a save threw: our own kebab-case
 * codes pass; a full disk, a file that can no longer be read ('NotReadableError', Chrome's
 * "network error"), a closed or blocked database get theirs; anything else is 'unknown', so no raw
 * browser text (English, and possibly naming file content) reaches the screen.
 */
export function errorCodeOf(error: unknown): string {
	if (isQuotaExceeded(error)) return 'quota-exceeded';
	if (hasName(error, 'NotReadableError') || hasName(error, 'NotFoundError') || (error instanceof Error && /network error/i.test(error.message))) {
		return 'file-unreadable';
	}
	if (hasName(error, 'DatabaseClosedError')) return 'database-closed';
	if (hasName(error, 'BlockedError') || hasName(error, 'VersionChangeError')) return 'database-blocked';
	if (error instanceof Error && ownCode.test(error.message)) return error.message;
	return 'unknown';
}
