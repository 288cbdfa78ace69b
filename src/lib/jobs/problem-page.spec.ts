import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProblemList, severityOf } from '$lib/domain/problems/problem-list';
import type { ProblemCode } from '$lib/domain/problems/problem';
import { toProblemRecord } from '$lib/domain/records/problem-record';
import { problemPage } from './conversion-lists';
import type { ConversionReport, ProblemFilter } from './conversion-types';

// The cap's closing note is no problem of the file: the pager counted it ("1–50 of 100,001" for a list
// of 100,000) and showed it as a row of the first page. Pages hold the file's problems only; the note
// comes apart, with every filter, counting what that filter's severity left out (none: no note).
describe('problemPage and the cap note', () => {
	const problem = fc.record({ code: fc.constantFrom<ProblemCode>('trimmed-spaces', 'bad-token', 'card-number-found'), row: fc.nat(30), column: fc.nat(5) });

	it('pages exactly the listed problems of the filter and gives the note apart', () => {
		fc.assert(
			fc.property(fc.array(problem, { maxLength: 80 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom<ProblemFilter>('all', 'error', 'warning'), fc.integer({ min: 1, max: 9 }), (added, cap, filter, pageSize) => {
				const list = new ProblemList(cap, false);
				for (const { code, row, column } of added) list.add(code, row, column);
				const sorted = list.sorted();
				const records = sorted.map(toProblemRecord);
				const report = { problems: list.listed() } as unknown as ConversionReport;
				const listed = records.filter((p) => p.code !== 'too-many-problems' && (filter === 'all' || p.severity === filter));
				const whole = records.find((p) => p.code === 'too-many-problems') ?? null;
				// Under a filter the note counts the left-out problems of that severity (those added less
				// those listed), and is gone when none were left out.
				const leftOut = added.filter(({ code }) => severityOf(code) === filter).length - listed.length;
				// …and its "the list shows the first N" is the filter's table (operator trial: "the first 100,000" over 3 errors).
				const note = !whole || filter === 'all' ? whole : leftOut === 0 ? null : { ...whole, params: { ...whole.params, count: leftOut, limit: listed.length } };
				const pages = [];
				for (let offset = 0; ; offset += pageSize) {
					const page = problemPage(report, filter, offset, pageSize);
					expect(page.total).toBe(listed.length);
					expect(page.note).toEqual(note);
					if (page.problems.length === 0) break;
					pages.push(...page.problems);
				}
				expect(pages).toEqual(listed);
			}),
			{ numRuns: 300 }
		);
	});
});
