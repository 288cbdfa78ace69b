import { errorCodeOf } from '$lib/domain/records/failure-code';
import type { RunRecord } from '$lib/domain/records/run-outcome';
import type { JobStore } from './ports';

/** Where a conversion's history entry went: its id, or the failure code of why it was not written. */
export type ConversionRecorded = { historyId: number; historyFailure?: undefined } | { historyId?: undefined; historyFailure: string };

/**
 * Records a finished conversion (step c or d) in the history. A conversion's output lives in memory,
 * not in the database, so a failed history write (a full disk: 'quota-exceeded') must not lose it:
 * the failure is given back, for the page to say the history was not written and why, and the output
 * stays downloadable (issue 12; SPEC screen 4 records runs, it does not gate them).
 */
export async function recordConversion(store: JobStore, record: RunRecord): Promise<ConversionRecorded> {
	try {
		return { historyId: (await store.record(record)).historyId };
	} catch (error) {
		return { historyFailure: errorCodeOf(error) };
	}
}
