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

const problemRecordsSchema = z.array(problemRecordSchema);
const recordKeys: ReadonlySet<string> = new Set(['row', 'column', 'severity', 'code', 'params']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

// True when `params` is a plain object of strings and finite numbers (what the schema gives back as is).
function isExactParams(params: unknown): boolean {
	if (!isPlainObject(params) || Object.getOwnPropertySymbols(params).length > 0) return false;
	for (const key of Object.keys(params)) {
		const param = params[key];
		if (typeof param !== 'string' && !(typeof param === 'number' && Number.isFinite(param))) return false;
	}
	return true;
}

// True when `value` is what `problemRecordSchema` gives back for it, field for field: a plain object of
// the five fields, each valid (params present and exact). `exactParams` holds params objects found
// exact already in this check (problems share them: step d's 10,000 stored warnings share a few dozen).
function isExactRecord(value: unknown, exactParams: Set<unknown>): boolean {
	if (!isPlainObject(value) || Object.getOwnPropertySymbols(value).length > 0) return false;
	// Its keys without an array per record: a plain object's prototype adds none (`isPlainObject`),
	// and one that did (a polluted Object.prototype) only sends the list to the schema.
	for (const key in value) if (!recordKeys.has(key)) return false;
	const { row, column, severity, code, params } = value;
	if (!isCount(row) || !isCount(column) || (severity !== 'error' && severity !== 'warning') || typeof code !== 'string') return false;
	if (exactParams.has(params)) return true;
	if (!isExactParams(params)) return false;
	exactParams.add(params);
	return true;
}

/**
 * `problems` checked as a list of problem records: what `z.array(problemRecordSchema).parse` gives
 * (and throws), but a record that is exactly what the schema gives back is kept as it is, not
 * copied with its params (a history record of step d lists up to 20,000 problems; the copies and
 * their collection cost as much as the rest of the conversion's end, and the params objects the
 * problems share are stored once only while they stay shared).
 */
export function checkedProblemRecords(problems: unknown): ProblemRecord[] {
	if (!Array.isArray(problems)) return problemRecordsSchema.parse(problems);
	const checked: ProblemRecord[] = new Array(problems.length);
	const exactParams = new Set<unknown>();
	for (let i = 0; i < problems.length; i++) {
		const problem: unknown = problems[i];
		if (!isExactRecord(problem, exactParams)) return problemRecordsSchema.parse(problems);
		checked[i] = problem as ProblemRecord;
	}
	return checked;
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
