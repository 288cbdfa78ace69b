import { z } from '../zod';
import { fromLegacyFailure, problemRecordSchema } from './problem-record';
import { uncheckedReasons } from './customer-check';

/** What an entry records: the two bulk registrations and the two conversions. */
export const historyKinds = ['customers', 'cards', 'linkage', 'card-file'] as const;
export type HistoryKind = (typeof historyKinds)[number];

/** Where an entry stands; the UI shows done 完了, errors エラーあり, interrupted 中断. */
export const historyStatuses = ['running', 'done', 'errors', 'interrupted', 'refused'] as const;
export type HistoryStatus = (typeof historyStatuses)[number];

/** The encodings an input can have been read as. */
export const historyEncodings = ['utf-8', 'utf-8-bom', 'shift_jis'] as const;

const count = z.int().check(z.nonnegative());

/** Multi-card customer IDs a step d entry keeps at most (the report names them, then counts the rest). */
export const storedMultiCardIds = 50;

/** The numbers of one step d's reconciliation, null for a group that needs the customer list. */
export const reconciliationCountsSchema = z.object({
	'sent-not-returned': z.nullable(count),
	'unknown-returned': z.nullable(count),
	'multi-card': z.nullable(count),
	expired: z.nullable(count),
	written: z.nullable(count)
});

/**
 * How an upload or conversion ended: the fields written when it finishes (2026-11-30: problems of
 * both severities as codes and parameters, and the count of errors, replace `failures`).
 * `succeeded` is rows written (conversions) or registered (uploads); `failed` rows with an error;
 * `errors` and `warnings` count problems; `problems` lists them, each severity capped.
 */
export const historyOutcomeSchema = z.object({
	finishedAt: z.optional(z.number()),
	rows: z._default(count, 0),
	succeeded: z._default(count, 0),
	failed: z._default(count, 0),
	errors: z._default(count, 0),
	warnings: z._default(count, 0),
	skipped: z._default(count, 0),
	status: z.enum(historyStatuses),
	problems: z._default(z.array(problemRecordSchema), []),
	failedRows: z._default(z.array(count), []),
	errorsBlockImport: z.optional(z.boolean()),
	// 2026-11-30: step d keeps the numbers of its reconciliation (counts only, no IDs), for the
	// migration report (SPEC §6). Entries stored before have none; not indexed, so no schema version.
	reconciliation: z.optional(reconciliationCountsSchema),
	// 2026-12-01: step d keeps whether its returned IDs were checked against the a・b customer list
	// (the number of customers that list had; null: not checked), and the first IDs of its
	// multi-card customers (customer IDs only), for the migration report and its message (SPEC §6).
	// Entries stored before have neither; not indexed, so no schema version.
	customerList: z.optional(z.nullable(z.object({ customers: count }))),
	// 2026-12-01 (later): why it was not checked (no list loaded, or the option unticked), with
	// `customerList` null. Entries stored before have none and read as no list (customerCheckOf).
	uncheckedReason: z.optional(z.enum(uncheckedReasons)),
	multiCardIds: z.optional(z.array(z.string()).check(z.maxLength(storedMultiCardIds))),
	// 2026-12-01: step d keeps the size in bytes of the import CSV it wrote (no content), so the
	// report can tell whether the registered cards were imported from that very file (SPEC §6).
	// Entries stored before have none; not indexed, so no schema version.
	outputSize: z.optional(count)
});
export type HistoryOutcome = z.input<typeof historyOutcomeSchema>;

/** A history entry before it is stored (no id yet); counts default to 0, lists to empty. */
export const newHistoryEntrySchema = z.extend(historyOutcomeSchema, {
	kind: z.enum(historyKinds),
	fileName: z.string(),
	size: count,
	sha256: z.string().check(z.regex(/^(?:[0-9a-f]{64})?$/)),
	encoding: z.nullable(z.enum(historyEncodings)),
	startedAt: z.number()
});
export type NewHistoryEntry = z.input<typeof newHistoryEntrySchema>;

/** One entry of 顧客データ取り込み履歴 (2026-11-29: the fields SPEC screen 4 lists). */
export const historyEntrySchema = z.extend(newHistoryEntrySchema, { id: z.int().check(z.positive()) });
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
