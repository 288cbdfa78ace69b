import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblemMessage } from './messages-ja';
import type { ProblemCode } from './problem';
import { ProblemList } from './problem-list';
import { Recognised } from './display-value';

// Codes of every kind: row warnings, row errors, and whole-file problems (listed past the cap).
const codes: ProblemCode[] = ['trimmed-spaces', 'brand-normalized', 'expiry-yyyymm', 'bad-token', 'bad-expiry', 'card-number-found', 'multiple-cards', 'missing-cells'];
const added = fc.array(
	fc.record({
		code: fc.constantFrom(...codes),
		row: fc.nat(50),
		column: fc.nat(6),
		value: fc.string({ maxLength: 12 }),
		recognised: fc.boolean()
	}),
	{ maxLength: 60 }
);

function fill(list: ProblemList, problems: { code: ProblemCode; row: number; column: number; value: string; recognised: boolean }[]): ProblemList {
	for (const { code, row, column, value, recognised } of problems) list.add(code, row, column, { value: recognised ? new Recognised(value) : value, fixed: new Recognised('VISA'), field: 'expiry', order: 'YYMM', spaces: '全角スペース', count: 2 });
	return list;
}

describe('ProblemList without messages (for a caller that keeps code + params only)', () => {
	it('lists the same problems, in the same order, as with messages, minus `message` — the cap and its closing note included', () => {
		fc.assert(
			fc.property(added, fc.integer({ min: 0, max: 70 }), (problems, cap) => {
				const withMessages = fill(new ProblemList(cap), problems).sorted();
				const without = fill(new ProblemList(cap, false), problems).sorted();
				expect(without).toEqual(withMessages.map(({ message: _, ...rest }) => rest));
				for (const problem of without) expect('message' in problem).toBe(false);
				// The message it leaves out is the one its code and params render.
				for (const problem of withMessages) expect(problem.message).toBe(formatProblemMessage(problem.code, { row: problem.row, column: problem.column, ...problem.params }));
			})
		);
	});
});
