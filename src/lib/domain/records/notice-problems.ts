import type { CompletionReport } from './notification';
import type { ProblemRecord } from './problem-record';

// Apart from the notice's schemas: the bell, on every screen, lists a notice's problems without
// loading zod (issue 14: first load of every route ≤ 100 KB).

/** What a notice lists of its run's problems, and how many of each severity it leaves to the history. */
export interface NoticeProblems {
	listed: ProblemRecord[];
	moreErrors: number;
	moreWarnings: number;
}

/**
 * The problems a notice quotes (SPEC §5: the completion report), errors before warnings, and the
 * count of each severity not quoted. A notice stored before it listed errors quotes its warnings and
 * leaves its errors to the failed-rows count (`moreErrors` 0: their number of problems is unknown).
 */
export function noticeProblems(report: CompletionReport): NoticeProblems {
	const listed = report.listedProblems ?? report.listedWarnings ?? [];
	const listedErrors = listed.filter((problem) => problem.severity === 'error').length;
	return {
		listed,
		moreErrors: Math.max(0, (report.errorProblems ?? listedErrors) - listedErrors),
		moreWarnings: Math.max(0, report.warnings - (listed.length - listedErrors))
	};
}
