import type { Problem } from '../problems/problem';
import { z } from '../zod';
import { legacyTextParam } from './legacy-text';

const count = z.int().check(z.nonnegative());

/**
 * A problem as it travels between threads and is stored: where, how bad, which rule, and the
 * (already masked) values its message is built from — never rendered text, so every screen and
 * download renders it in the operator's language (SPEC: Core API, `code` + `params`).
 * `code` is a string on read: an entry stored by an older or newer version may name a code this
 * version does not know, and must still show.
 */
export const problemRecordSchema = z.object({
	row: count,
	column: count,
	severity: z.enum(['error', 'warning']),
	code: z.string(),
	params: z._default(z.record(z.string(), z.union([z.string(), z.number()])), {})
});
export type ProblemRecord = z.infer<typeof problemRecordSchema>;

/** A problem of a report without its rendered message (what crosses threads and is stored); a copy of a record too. */
export function toProblemRecord({ row, column, severity, code, params }: Problem | ProblemRecord): ProblemRecord {
	return { row, column, severity, code, params };
}

/** A failure as schema version 2 stored it (`message`: Japanese text) as a problem record. */
export function fromLegacyFailure(failure: { row?: unknown; column?: unknown; code?: unknown; message?: unknown }): ProblemRecord {
	const whole = (value: unknown) => (Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : 0);
	return {
		row: whole(failure.row),
		column: whole(failure.column),
		severity: 'error',
		code: typeof failure.code === 'string' ? failure.code : 'unknown',
		params: { [legacyTextParam]: typeof failure.message === 'string' ? failure.message : '' }
	};
}
