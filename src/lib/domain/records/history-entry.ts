import { z } from '../zod';
import { fromLegacyFailure, problemRecordSchema } from './problem-record';

/** What an entry records: the two bulk registrations and the two conversions. */
export const historyKinds = ['customers', 'cards', 'linkage', 'card-file'] as const;
export type HistoryKind = (typeof historyKinds)[number];

/** Where an entry stands; the UI shows done 完了, errors エラーあり, interrupted 中断. */
export const historyStatuses = ['running', 'done', 'errors', 'interrupted', 'refused'] as const;
export type HistoryStatus = (typeof historyStatuses)[number];

/** The encodings an input can have been read as. */
export const historyEncodings = ['utf-8', 'utf-8-bom', 'shift_jis'] as const;

const count = z.int().nonnegative();

/**
 * How an upload or conversion ended: the fields written when it finishes (2026-11-30: problems of
 * both severities as codes and parameters, and the count of errors, replace `failures`).
 * `succeeded` is rows written (conversions) or registered (uploads); `failed` rows with an error;
 * `errors` and `warnings` count problems; `problems` lists them, each severity capped.
 */
export const historyOutcomeSchema = z.object({
	finishedAt: z.number().optional(),
	rows: count.default(0),
	succeeded: count.default(0),
	failed: count.default(0),
	errors: count.default(0),
	warnings: count.default(0),
	skipped: count.default(0),
	status: z.enum(historyStatuses),
	problems: z.array(problemRecordSchema).default([]),
	failedRows: z.array(count).default([]),
	errorsBlockImport: z.boolean().optional()
});
export type HistoryOutcome = z.input<typeof historyOutcomeSchema>;

/** A history entry before it is stored (no id yet); counts default to 0, lists to empty. */
export const newHistoryEntrySchema = historyOutcomeSchema.extend({
	kind: z.enum(historyKinds),
	fileName: z.string(),
	size: count,
	sha256: z.string().regex(/^(?:[0-9a-f]{64})?$/),
	encoding: z.enum(historyEncodings).nullable(),
	startedAt: z.number()
});
export type NewHistoryEntry = z.input<typeof newHistoryEntrySchema>;

/** One entry of 顧客データ取り込み履歴 (2026-11-29: the fields SPEC screen 4 lists). */
export const historyEntrySchema = newHistoryEntrySchema.extend({ id: z.int().positive() });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** What an unreadable stored entry shows where a field cannot be read. */
export const fallbackHistoryEntry: Omit<HistoryEntry, 'id'> = {
	kind: 'customers',
	fileName: '',
	size: 0,
	sha256: '',
	encoding: null,
	startedAt: 0,
	rows: 0,
	succeeded: 0,
	failed: 0,
	errors: 0,
	warnings: 0,
	skipped: 0,
	status: 'interrupted',
	problems: [],
	failedRows: []
};

/**
 * A history entry as schema version 2 stored it, brought to version 3: its `failures` (errors with
 * pre-rendered Japanese text) become problem records that keep that text as a legacy parameter,
 * and `errors` is the number of those failures. Anything else is left as it was.
 */
export function upgradeHistoryEntryV3(stored: Record<string, unknown>): Record<string, unknown> {
	if (!('failures' in stored) || 'problems' in stored) return stored;
	const { failures, ...rest } = stored;
	const list = Array.isArray(failures) ? failures.filter((item) => typeof item === 'object' && item !== null) : [];
	return { ...rest, errors: list.length, problems: list.map(fromLegacyFailure) };
}
