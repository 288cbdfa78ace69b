import { z } from '../zod';

/** At most this many customers or cards go into one stored chunk. */
export const registryChunkSize = 10_000;

/** A column of texts. Checked with one loop rather than one schema per element: chunks hold 10,000. */
export const textColumnSchema = z.custom<string[]>(
	(value) => Array.isArray(value) && value.every((item) => typeof item === 'string'),
	{ error: 'records.error.textColumn' }
);

/** A column of non-negative integers (sequence numbers). */
export const seqColumnSchema = z.custom<number[]>(
	(value) => Array.isArray(value) && value.every((item) => Number.isSafeInteger(item) && item >= 0),
	{ error: 'records.error.seqColumn' }
);

/**
 * A column whose every text passes `isValid` (a stored column's pattern, checked without a regex:
 * a card import validates a million values per column as it writes them, a registry load as it reads).
 */
export function checkedColumnSchema(isValid: (item: string) => boolean, error: string) {
	return z.custom<string[]>((value) => {
		if (!Array.isArray(value)) return false;
		for (let i = 0; i < value.length; i++) {
			const item: unknown = value[i];
			if (typeof item !== 'string' || !isValid(item)) return false;
		}
		return true;
	}, { error });
}

/** True when every column of a columnar record holds `count` values. */
export function columnsHaveLength(columns: Record<string, unknown>, keys: readonly string[], count: number): boolean {
	return keys.every((key) => (columns[key] as unknown[]).length === count);
}

