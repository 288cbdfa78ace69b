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

/** A column whose every text matches `pattern`. */
export function patternColumnSchema(pattern: RegExp, error: string) {
	return z.custom<string[]>(
		(value) => Array.isArray(value) && value.every((item) => typeof item === 'string' && pattern.test(item)),
		{ error }
	);
}

/** True when every column of a columnar record holds `count` values. */
export function columnsHaveLength(columns: Record<string, unknown>, keys: readonly string[], count: number): boolean {
	return keys.every((key) => (columns[key] as unknown[]).length === count);
}

