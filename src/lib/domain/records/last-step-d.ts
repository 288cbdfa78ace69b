import type { HistoryEntry } from './history-entry';

/**
 * The newest conversion of a return file (step d) that finished, or null: status 'done' or
 * 'errors' only. A refused file (all counts zero), a run still going and an interrupted one have no
 * numbers to report (SPEC §6 移行レポート). `entries` oldest first, as the report lists them.
 */
export function lastFinishedStepD<Entry extends Pick<HistoryEntry, 'kind' | 'status'>>(entries: readonly Entry[]): Entry | null {
	for (let at = entries.length - 1; at >= 0; at--) {
		const entry = entries[at];
		if (entry.kind === 'card-file' && (entry.status === 'done' || entry.status === 'errors')) return entry;
	}
	return null;
}

/**
 * The newest card import (一括登録（クレジットカード情報）, kind 'cards') that finished (done or
 * with errors), or null: the import whose cards the report compares with the last step d's output.
 * `entries` oldest first.
 */
export function lastFinishedCardImport<Entry extends Pick<HistoryEntry, 'kind' | 'status'>>(entries: readonly Entry[]): Entry | null {
	for (let at = entries.length - 1; at >= 0; at--) {
		const entry = entries[at];
		if (entry.kind === 'cards' && (entry.status === 'done' || entry.status === 'errors')) return entry;
	}
	return null;
}
