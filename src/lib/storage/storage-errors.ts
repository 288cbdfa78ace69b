/** True when a storage failure (or the failure that aborted its transaction) means the disk quota is full. */
export function isQuotaExceeded(error: unknown): boolean {
	for (let cause = error; typeof cause === 'object' && cause !== null; ) {
		if ((cause as { name?: unknown }).name === 'QuotaExceededError') return true;
		cause = (cause as { inner?: unknown }).inner;
	}
	return false;
}
