import type { FileReport } from '$lib/domain';
import type { HistoryStatus } from '$lib/domain/records/history-entry';
import { historyRepository } from '$lib/storage/history-repository';
import { notificationsRepository } from '$lib/storage/notifications-repository';
import type { ConversionSummary } from './conversion-types';

/** Failures kept per history entry: enough to fix a file, bounded for million-row disasters. */
export const maxStoredFailures = 10_000;

/** The errors of a report as the history keeps them (masked messages only), bounded. */
export function failuresOf(report: FileReport) {
	const failures = [];
	for (const problem of report.problems) {
		if (problem.severity !== 'error') continue;
		failures.push({ row: problem.row, column: problem.column, code: problem.code, message: problem.message });
		if (failures.length >= maxStoredFailures) break;
	}
	return failures;
}

/** The status an entry shows for a finished run. */
export function statusOf(report: Pick<FileReport, 'refused' | 'failed'>): HistoryStatus {
	if (report.refused) return 'refused';
	return report.failed > 0 ? 'errors' : 'done';
}

/** Records a finished conversion in the history and rings the bell; returns the entry's id. */
export async function recordConversion(
	summary: ConversionSummary,
	report: FileReport,
	startedAt: number
): Promise<number> {
	const kind = summary.kind === 'linkage' ? 'linkage' : 'card-file';
	const failures = failuresOf(report);
	const historyId = await historyRepository.add({
		kind,
		fileName: summary.fileName,
		size: summary.size,
		sha256: summary.sha256,
		encoding: summary.refused && summary.rows === 0 ? null : summary.encoding,
		startedAt,
		finishedAt: Date.now(),
		rows: summary.rows,
		succeeded: summary.written,
		failed: summary.refused ? Math.max(summary.failed, 1) : summary.failed,
		warnings: summary.warnings,
		status: statusOf(report),
		failures,
		failedRows: report.failedRows.slice(0, maxStoredFailures)
	});
	await notificationsRepository.add({
		createdAt: Date.now(),
		historyId,
		kind,
		fileName: summary.fileName,
		report: {
			rows: summary.rows,
			registered: summary.written,
			skipped: 0,
			errors: summary.errors,
			warnings: summary.warnings
		}
	});
	return historyId;
}
