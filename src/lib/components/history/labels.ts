import type { MessageKey } from '$lib/i18n';
import type { HistoryEntry, HistoryKind, HistoryStatus } from '$lib/domain/records/history-entry';
import { isRegistryList } from '$lib/domain/records/list-source';
import type { CustomerCheck, UncheckedReason } from '$lib/domain/records/customer-check';
import type { NoticeProblems } from '$lib/domain/records/notification';

/** The catalogue key of an entry's kind (顧客情報, クレジットカード情報, 連携用CSV, インポート用CSV). */
export const kindKey = (kind: HistoryKind): MessageKey => `history.kind.${kind}`;

/** True for the conversions (連携用CSV, インポート用CSV): they write a file and register nothing. */
export const isConversion = (kind: HistoryKind): boolean => kind === 'linkage' || kind === 'card-file';

/**
 * The bell's line under the problems a notice quotes: how many errors and warnings it left to the
 * history (`noticeProblems`), as one message with its parameters; null when it quoted them all.
 */
export function moreProblemsMessage({ moreErrors, moreWarnings }: Pick<NoticeProblems, 'moreErrors' | 'moreWarnings'>): { key: MessageKey; params: Record<string, number> } | null {
	if (moreErrors > 0 && moreWarnings > 0) return { key: 'bell.moreProblems', params: { errors: moreErrors, warnings: moreWarnings } };
	if (moreErrors > 0) return { key: 'bell.moreErrors', params: { count: moreErrors } };
	if (moreWarnings > 0) return { key: 'bell.moreWarnings', params: { count: moreWarnings } };
	return null;
}

/**
 * The catalogue key saying whether a step d run was checked against the a・b customer list (SPEC
 * screen 3 d): with the list's customers (`{customers}`), without its count (an older record), or not
 * at all — what was not checked, and what to do for the reason it was not: load the a・b list again
 * ('no-list'), or tick 「読み込んだ顧客一覧と照合する」 ('off'). Null when the record does not tell.
 */
export const customerCheckKey = (check: CustomerCheck | null): MessageKey | null =>
	check === null ? null : !check.isChecked ? uncheckedKeys[check.reason] : check.customers === null ? 'check.checkedUncounted' : 'check.checked';

const uncheckedKeys = { 'no-list': 'check.unchecked', off: 'check.uncheckedOff' } as const satisfies Record<UncheckedReason, MessageKey>;

/** The words of an entry's success count: 書き出し for conversions, 登録 for uploads. */
export const outcomeKey = (kind: HistoryKind): MessageKey =>
	isConversion(kind) ? 'history.outcome.conversion' : 'history.outcome.upload';

/**
 * The catalogue key of a notice's completion report: the counts read, written or registered, or,
 * for a run interrupted (中断) before its all-or-nothing write, that nothing was registered or written.
 */
export const reportKey = (notice: { kind: HistoryKind; report: { interrupted?: boolean } }): MessageKey =>
	notice.report.interrupted
		? isConversion(notice.kind) ? 'bell.reportInterruptedConversion' : 'bell.reportInterrupted'
		: isConversion(notice.kind) ? 'bell.reportConversion' : 'bell.report';

/** The catalogue key of an entry's status (完了, エラーあり, 中断, 受付不可, 処理中). */
export const statusKey = (status: HistoryStatus): MessageKey => `history.status.${status}`;

/** The catalogue key of the encoding an entry's file was read as. */
export const encodingKey = (encoding: HistoryEntry['encoding']): MessageKey =>
	encoding === null ? 'history.encoding.none' : `history.encoding.${encoding}`;

/** The tag class that marks a status in the table. */
export const statusTone = (status: HistoryStatus): string =>
	status === 'done' ? 'ok' : status === 'running' ? 'info' : status === 'errors' ? 'warning' : 'error';

/** The first 12 hex digits of a SHA-256, enough to tell files apart at a glance. */
export const shortHash = (sha256: string): string => (sha256 ? `${sha256.slice(0, 12)}…` : '—');

/**
 * An entry's row count as shown, or null when it is not known: a run interrupted (中断) or still
 * running stores 0 rows, which must not read as an empty file.
 */
export const knownRows = (entry: Pick<HistoryEntry, 'rows' | 'status'>): number | null =>
	(entry.status === 'interrupted' || entry.status === 'running') && entry.rows === 0 ? null : entry.rows;

/** The note beside a row count that is not known (`knownRows` null), by the entry's status. */
export const unknownRowsKey = (status: HistoryStatus): MessageKey =>
	status === 'running' ? 'history.rowsUnknown.running' : 'history.rowsUnknown.interrupted';

/**
 * The name of a run's input as shown: the file's name, or, for a customer list taken from the
 * registry (a marker, or older entries' Japanese or English text), 「登録済みの顧客」 in the current language.
 */
export const fileNameText = (run: { kind: HistoryKind; fileName: string }, say: (key: MessageKey) => string): string =>
	isRegistryList(run) ? say('migration.registryName') : run.fileName;

/** False for a list taken from the registry: it has no file, so no size, SHA-256 or encoding to show. */
export const hasFile = (run: { kind: HistoryKind; fileName: string }): boolean => !isRegistryList(run);
