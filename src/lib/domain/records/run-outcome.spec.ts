import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../problems/problem-list';
import { historyOutcomeSchema } from './history-entry';
import { completionReportSchema, noticeProblems } from './notification';
import { completionReportOf, fileWarnings, interruptedOutcome, maxStoredProblems, runFamilyOf, runOutcome } from './run-outcome';

function report(errors: number, warnings: number, change: { refused?: boolean; rows?: number } = {}) {
	const list = new ProblemList(1_000_000);
	for (let row = 0; row < errors; row++) list.add('bad-month', row + 2, 4, { value: '2913', month: 13, order: 'YYMM', example: '2912' });
	for (let row = 0; row < warnings; row++) list.add('tail-padded', row + 2, 2, { value: '11', fixed: '011' });
	const failedRows = Array.from({ length: errors }, (_, i) => i + 2);
	return { rows: change.rows ?? Math.max(errors, warnings), failed: errors, failedRows, problems: list.sorted(), refused: change.refused ?? false };
}

describe('runOutcome', () => {
	it.each<[string, ReturnType<typeof report>, number, { status: string; succeeded: number; failed: number; errors: number; warnings: number }]>([
		['no problem', report(0, 0, { rows: 3 }), 3, { status: 'done', succeeded: 3, failed: 0, errors: 0, warnings: 0 }],
		['warnings only', report(0, 2), 2, { status: 'done', succeeded: 2, failed: 0, errors: 0, warnings: 2 }],
		['a failed row', report(1, 1, { rows: 3 }), 2, { status: 'errors', succeeded: 2, failed: 1, errors: 1, warnings: 1 }],
		['a refused file with no failed row counts one', report(0, 0, { refused: true }), 5, { status: 'refused', succeeded: 0, failed: 1, errors: 0, warnings: 0 }]
	])('%s', (_name, facts, succeeded, expected) => {
		const outcome = runOutcome({ kind: 'card-file', report: facts, succeeded });
		expect(outcome).toMatchObject(expected);
		expect(historyOutcomeSchema.safeParse(outcome).success).toBe(true);
	});

	it('keeps both severities, each capped, and never a rendered message', () => {
		const outcome = runOutcome({ kind: 'cards', report: report(maxStoredProblems + 5, 3), succeeded: 0 });
		expect(outcome.errors).toBe(maxStoredProblems + 5);
		expect(outcome.problems.filter((p) => p.severity === 'error')).toHaveLength(maxStoredProblems);
		expect(outcome.problems.filter((p) => p.severity === 'warning')).toHaveLength(3);
		expect(outcome.failedRows).toHaveLength(maxStoredProblems);
		expect(outcome.problems[0]).toEqual({ row: 2, column: 2, severity: 'warning', code: 'tail-padded', params: { value: '11', fixed: '011' } });
	});

	it('an interrupted run registers nothing; the bell reports failed rows as its errors', () => {
		expect(interruptedOutcome('customers')).toMatchObject({ status: 'interrupted', rows: 0, succeeded: 0, problems: [] });
		const outcome = runOutcome({ kind: 'customers', report: report(2, 1, { rows: 4 }), succeeded: 1, skipped: 1 });
		expect(completionReportOf(outcome)).toEqual({
			rows: 4,
			registered: 1,
			skipped: 1,
			errors: 2,
			warnings: 1,
			errorProblems: 2,
			listedProblems: [
				{ row: 2, column: 4, severity: 'error', code: 'bad-month', params: { value: '2913', month: 13, order: 'YYMM', example: '2912' } },
				{ row: 3, column: 4, severity: 'error', code: 'bad-month', params: { value: '2913', month: 13, order: 'YYMM', example: '2912' } },
				{ row: 2, column: 2, severity: 'warning', code: 'tail-padded', params: { value: '11', fixed: '011' } }
			]
		});
	});

	// The bell quotes the error of a run that has both (an operator trial quoted a warning instead):
	// errors first, by row, then warnings, at most three; what it leaves out is counted per severity.
	it.each<[string, number, number, { severity: string; row: number }[], { moreErrors: number; moreWarnings: number }]>([
		['neither', 0, 0, [], { moreErrors: 0, moreWarnings: 0 }],
		['errors only', 2, 0, [{ severity: 'error', row: 2 }, { severity: 'error', row: 3 }], { moreErrors: 0, moreWarnings: 0 }],
		['errors only, past three', 5, 0, [{ severity: 'error', row: 2 }, { severity: 'error', row: 3 }, { severity: 'error', row: 4 }], { moreErrors: 2, moreWarnings: 0 }],
		['warnings only', 0, 4, [{ severity: 'warning', row: 2 }, { severity: 'warning', row: 3 }, { severity: 'warning', row: 4 }], { moreErrors: 0, moreWarnings: 1 }],
		['both: one error, then warnings', 1, 3, [{ severity: 'error', row: 2 }, { severity: 'warning', row: 2 }, { severity: 'warning', row: 3 }], { moreErrors: 0, moreWarnings: 1 }],
		['both: errors fill the list', 4, 7, [{ severity: 'error', row: 2 }, { severity: 'error', row: 3 }, { severity: 'error', row: 4 }], { moreErrors: 1, moreWarnings: 7 }]
	])('the bell lists %s', (_name, errors, warnings, listed, more) => {
		const outcome = runOutcome({ kind: 'card-file', report: report(errors, warnings, { rows: 9 }), succeeded: 1 });
		const notice = completionReportOf(outcome);
		const shown = noticeProblems(notice);
		expect(shown.listed.map(({ severity, row }) => ({ severity, row }))).toEqual(listed);
		expect({ moreErrors: shown.moreErrors, moreWarnings: shown.moreWarnings }).toEqual(more);
		expect(completionReportSchema.safeParse(notice).success).toBe(true);
	});

	it('a notice stored before errors were listed quotes its warnings, as it did', () => {
		const warning = { row: 4, column: 2, severity: 'warning' as const, code: 'tail-padded', params: { value: '11', fixed: '011' } };
		const old = { rows: 9, registered: 7, skipped: 0, errors: 2, warnings: 5, listedWarnings: [warning] };
		expect(noticeProblems(old)).toEqual({ listed: [warning], moreErrors: 0, moreWarnings: 4 });
	});
});

describe('fileWarnings: the warnings a history entry and the bell list', () => {
	// An entry stored past the cap keeps the cap's note among its problems, a warning by severity:
	// the entry's list of warnings showed it as one of the file's (the bell already left it out).
	it('leaves out the cap\'s note and errors, keeps every warning of the file in order', () => {
		fc.assert(
			fc.property(fc.array(fc.record({ row: fc.nat(9), severity: fc.constantFrom('error' as const, 'warning' as const), code: fc.constantFrom('trimmed-spaces', 'bad-token', 'too-many-problems') }), { maxLength: 30 }), (drawn) => {
				const problems = drawn.map(({ row, severity, code }) => ({ row, column: 1, severity: code === 'too-many-problems' ? ('warning' as const) : severity, code, params: {} }));
				const kept = fileWarnings(problems);
				expect(kept).toEqual(problems.filter((p) => p.severity === 'warning' && p.code !== 'too-many-problems'));
				expect(kept.some((p) => p.code === 'too-many-problems')).toBe(false);
			})
		);
	});
});

describe('runFamilyOf', () => {
	it.each([
		['customers', 'upload'],
		['cards', 'upload'],
		['linkage', 'conversion'],
		['card-file', 'conversion']
	] as const)('%s is a run of the %s family', (kind, family) => {
		expect(runFamilyOf(kind)).toBe(family);
	});
});

// A file's counts of errors and warnings are whole past the cap on listed problems: the cap's note
// ('too-many-problems') tells how many of each it left out and is not itself counted (a card import of
// 300,000 warnings showed 警告 100,001件: the 100,000 listed and the note).
describe('runOutcome: counts past the cap on listed problems', () => {
	it('counts every error and warning added, whatever the cap and the order', () => {
		fc.assert(
			fc.property(fc.array(fc.boolean(), { maxLength: 60 }), fc.integer({ min: 1, max: 20 }), (isErrors, cap) => {
				const list = new ProblemList(cap);
				isErrors.forEach((isError, i) =>
					isError ? list.add('bad-month', i + 2, 4, { value: '2913', month: 13, order: 'YYMM', example: '2912' }) : list.add('tail-padded', i + 2, 2, { value: '11', fixed: '011' })
				);
				const errors = isErrors.filter(Boolean).length;
				const outcome = runOutcome({ kind: 'card-file', report: { rows: isErrors.length, failed: errors, failedRows: [], problems: list.sorted(), refused: false }, succeeded: 0 });
				expect({ errors: outcome.errors, warnings: outcome.warnings }).toEqual({ errors, warnings: isErrors.length - errors });
				expect(outcome.problems.filter((p) => p.code !== 'too-many-problems')).toHaveLength(Math.min(cap, isErrors.length));
				// The bell lists real problems only, errors first, so its "N more" is the true remainder.
				const bell = noticeProblems(completionReportOf(outcome));
				const keptErrors = isErrors.slice(0, cap).filter(Boolean).length;
				const keptWarnings = isErrors.slice(0, cap).filter((isError) => !isError).length;
				expect(bell.listed.every((p) => p.code !== 'too-many-problems')).toBe(true);
				expect(bell.listed.map((p) => p.severity)).toEqual([...Array(Math.min(3, keptErrors)).fill('error'), ...Array(Math.max(0, Math.min(3 - keptErrors, keptWarnings))).fill('warning')]);
				const listedErrors = bell.listed.filter((p) => p.severity === 'error').length;
				expect(bell.moreErrors + listedErrors).toBe(errors);
				expect(bell.moreWarnings + bell.listed.length - listedErrors).toBe(isErrors.length - errors);
			}),
			{ numRuns: 300 }
		);
	});

	it('counts a note stored before it told the severities as no problem', () => {
		const note = { row: 0, column: 0, severity: 'warning' as const, code: 'too-many-problems' as const, message: '', params: { count: 5, limit: 1 } };
		const outcome = runOutcome({ kind: 'card-file', report: { rows: 6, failed: 0, failedRows: [], problems: [note], refused: false }, succeeded: 6 });
		expect({ errors: outcome.errors, warnings: outcome.warnings }).toEqual({ errors: 0, warnings: 0 });
	});
});
