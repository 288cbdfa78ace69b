import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblemMessage } from './messages-ja';
import type { Problem, ProblemCode } from './problem';
import { ProblemList, safeParams, severityOf, sharedParams, type ProblemInput } from './problem-list';
import { Recognised } from './display-value';
import { toProblemRecord } from '../records/problem-record';

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

// The cap keeps the first `maxProblems` by (row, column, order added), whatever order they are added in
// (an operator trial: step d's `multiple-cards`, added after every row is read, were all left out of a
// capped list whose note said it showed the first 100,000). Whole-file problems (up to 1,000 of each
// code) are listed besides, and the note counts exactly the ones left out, by severity.
describe('ProblemList cap: the first N by (row, column, order added)', () => {
	const fileCodes = new Set<ProblemCode>(['card-number-found', 'missing-column']);
	const mixed = fc.array(
		fc.record({
			code: fc.constantFrom<ProblemCode>('trimmed-spaces', 'multiple-cards', 'bad-token', 'bad-expiry', 'card-number-found', 'missing-column'),
			row: fc.nat(40),
			column: fc.nat(5)
		}),
		{ maxLength: 120 }
	);

	it.each([true, false])('holds for any sequence, any cap (messages %s)', (messages) => {
		fc.assert(
			fc.property(mixed, fc.integer({ min: -2, max: 130 }), fc.nat(130), (problems, cap, peekAt) => {
				const list = new ProblemList(cap, messages);
				problems.forEach(({ code, row, column }, i) => {
					// A list read midway (sorted in place) and then added to keeps the same rule.
					if (i === peekAt) list.sorted();
					list.add(code, row, column, { value: new Recognised(`v${i}`) });
				});
				const got = list.sorted();
				expect(list.sorted()).toEqual(got);

				// Expected: every whole-file problem (few enough here to be within its limit) plus the first
				// `cap` others by (row, column, order added), all in (row, column, order added) order.
				const tagged = problems.map((p, i) => ({ ...p, i }));
				const byPlace = (a: (typeof tagged)[number], b: (typeof tagged)[number]) => a.row - b.row || a.column - b.column || a.i - b.i;
				const capped = tagged.filter((p) => !fileCodes.has(p.code)).sort(byPlace);
				const kept = capped.slice(0, Math.max(0, cap));
				const left = capped.slice(Math.max(0, cap));
				const expected = [...tagged.filter((p) => fileCodes.has(p.code)), ...kept].sort(byPlace);

				const listed = got.filter((p) => p.code !== 'too-many-problems');
				expect(listed.map((p) => [p.code, p.row, p.column, p.params.value])).toEqual(expected.map((p) => [p.code, p.row, p.column, `v${p.i}`]));
				const notes = got.filter((p) => p.code === 'too-many-problems');
				if (left.length === 0) expect(notes).toEqual([]);
				else {
					const errors = left.filter((p) => p.code === 'bad-token' || p.code === 'bad-expiry').length;
					expect(got[0].code).toBe('too-many-problems');
					expect(notes).toHaveLength(1);
					expect(notes[0].params).toEqual({ count: left.length, limit: cap, errors, warnings: left.length - errors });
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('lists whole-file problems past the cap up to 1,000 of each code; the rest compete for the cap', () => {
		const list = new ProblemList(2);
		for (let row = 1; row <= 1002; row++) list.add('card-number-found', row, 1);
		list.add('trimmed-spaces', 1, 1);
		const got = list.sorted();
		expect(got.filter((p) => p.code === 'card-number-found')).toHaveLength(1001);
		expect(got.filter((p) => p.code === 'trimmed-spaces')).toHaveLength(1);
		expect(got[0].params).toMatchObject({ count: 1, limit: 2, errors: 1, warnings: 0 });
	});

	it('keeps held problems in the order committed and drops replaced ones, past the cap too', () => {
		const list = new ProblemList(2);
		list.add('trimmed-spaces', 9, 1);
		list.add('trimmed-spaces', 8, 1);
		list.hold();
		list.add('bad-token', 3, 2);
		list.add('bad-expiry', 3, 1);
		expect(list.errorCount).toBe(2);
		list.replaceHeld('missing-cells', 3, 0);
		list.hold();
		list.add('bad-token', 1, 2);
		list.commitHeld();
		expect(list.errorCount).toBe(2);
		const got = list.sorted();
		expect(got.map((p) => [p.code, p.row, p.column])).toEqual([
			['too-many-problems', 0, 0],
			['bad-token', 1, 2],
			['missing-cells', 3, 0]
		]);
		expect(got[0].params).toMatchObject({ count: 2, errors: 0, warnings: 2 });
	});
});

// Step d's warnings on the bytes share one params object per distinct value (`sharedParams`), listed
// as it is where any other input is copied through `safeParams` per problem: the list must be the same
// for any mix of the two, and only an object `sharedParams` made skips the masking.
describe('ProblemList with shared params', () => {
	const inputs = fc.array(
		fc.record({
			code: fc.constantFrom(...codes),
			row: fc.nat(30),
			column: fc.nat(6),
			value: fc.string({ maxLength: 20 }),
			recognised: fc.boolean(),
			shared: fc.boolean(),
			// Several problems of one input, as the byte path gives one object to every row of a value.
			times: fc.integer({ min: 1, max: 3 })
		}),
		{ maxLength: 40 }
	);
	const inputOf = (value: string, isRecognised: boolean): ProblemInput => ({ field: 'expiry', value: isRecognised ? new Recognised(value) : value, fixed: new Recognised('2912'), order: 'YYMM', month: 12 });

	it.each([true, false])('lists the same problems as the same inputs copied one by one, for any mix and cap (messages %s)', (messages) => {
		fc.assert(
			fc.property(inputs, fc.integer({ min: -1, max: 50 }), (added, cap) => {
				const copied = new ProblemList(cap, messages);
				const mixed = new ProblemList(cap, messages);
				for (const { code, row, column, value, recognised, shared, times } of added) {
					const input = inputOf(value, recognised);
					const given = shared ? sharedParams(input) : input;
					for (let i = 0; i < times; i++) {
						copied.add(code, row, column + i, inputOf(value, recognised));
						mixed.add(code, row, column + i, given);
					}
				}
				expect(mixed.sorted()).toEqual(copied.sorted());
			}),
			{ numRuns: 300 }
		);
	});

	it('makes the params `safeParams` makes, frozen; any other object, frozen or not, is still masked', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 30 }), fc.boolean(), (value, isRecognised) => {
				const input = inputOf(value, isRecognised);
				const shared = sharedParams(input);
				expect(shared).toEqual(safeParams(input));
				expect(Object.isFrozen(shared)).toBe(true);
			})
		);
		const token = 'AbCdEf0123456789xyZ1';
		const list = new ProblemList(10, false);
		list.add('bad-token', 1, 5, Object.freeze({ field: 'token', value: token }));
		list.add('bad-token', 2, 5, sharedParams({ field: 'token', value: token }));
		// A copy of a shared object is no shared object: masked again (the mask of a mask is the same).
		list.add('bad-token', 3, 5, { ...sharedParams({ field: 'token', value: token }) });
		const shown = list.sorted().map((p) => p.params.value);
		expect(shown).toEqual(['****…xyZ1', '****…xyZ1', '****…xyZ1']);
	});
});

// Whatever the list keeps inside (shared params as they are, copies, a heap past the cap), `sorted()`
// is the list a plain array of every problem gives (each made safe, whole-file ones besides, the first
// N of the others by (row, column, order added), then the note), field for field, for any mix of codes,
// shared and copied params, caps, and reads midway.
describe('ProblemList against a plain array of every problem', () => {
	const fileCodes = new Set<ProblemCode>(['card-number-found', 'missing-column']);
	const step = fc.record({
		code: fc.constantFrom<ProblemCode>('trimmed-spaces', 'multiple-cards', 'bad-token', 'bad-expiry', 'card-number-found', 'missing-column', 'card-expired'),
		row: fc.nat(25),
		column: fc.nat(5),
		value: fc.constantFrom('2301', 'AbCdEf0123456789', 'visa', '12'),
		isShared: fc.boolean(),
		peek: fc.boolean()
	});
	const sharedOf = new Map<string, ReturnType<typeof sharedParams>>();
	const inputOf = (value: string): ProblemInput => ({ field: 'expiry', value, month: 1 });

	it.each([true, false])('gives the same problems, fields and order as a list of objects (messages %s)', (messages) => {
		fc.assert(
			fc.property(fc.array(step, { maxLength: 80 }), fc.integer({ min: -1, max: 40 }), (steps, cap) => {
				const list = new ProblemList(cap, messages);
				const all: (Problem & { seq: number })[] = [];
				steps.forEach(({ code, row, column, value, isShared, peek }, seq) => {
					if (peek) list.sorted();
					if (isShared && !sharedOf.has(value)) sharedOf.set(value, sharedParams(inputOf(value)));
					list.add(code, row, column, isShared ? sharedOf.get(value)! : inputOf(value));
					const params = safeParams(inputOf(value));
					const message = formatProblemMessage(code, { row, column, ...params });
					all.push({ row, column, severity: severityOf(code), code, ...(messages ? { message } : {}), params, seq } as Problem & { seq: number });
				});
				const byPlace = (a: { row: number; column: number; seq: number }, b: typeof a) => a.row - b.row || a.column - b.column || a.seq - b.seq;
				const others = all.filter((p) => !fileCodes.has(p.code)).sort(byPlace);
				const kept = others.slice(0, Math.max(0, cap));
				const left = others.slice(kept.length);
				const expected: Problem[] = [...all.filter((p) => fileCodes.has(p.code)), ...kept].sort(byPlace).map(({ seq: _, ...p }) => p);
				if (left.length > 0) {
					const errors = left.filter((p) => p.severity === 'error').length;
					const params = { count: left.length, limit: cap, errors, warnings: left.length - errors };
					const note = { row: 0, column: 0, severity: 'warning', code: 'too-many-problems', params } as unknown as Problem;
					expected.unshift(messages ? { ...note, message: formatProblemMessage('too-many-problems', params) } : note);
				}
				expect(list.sorted()).toEqual(expected);
				// The same list in columns (`listed()`, what step d's job reads): each field read back, and
				// each problem made from them, is the object above (no `message` key without messages).
				const listed = list.listed();
				expect(listed.length).toBe(expected.length);
				expected.forEach((problem, i) => {
					expect([listed.row(i), listed.column(i), listed.severity(i), listed.code(i), listed.params(i)]).toEqual([problem.row, problem.column, problem.severity, problem.code, problem.params]);
					expect(listed.record(i)).toEqual(toProblemRecord(problem));
					expect(listed.record(i).params).toBe(listed.params(i));
					expect(listed.at(i)).toEqual(problem);
					expect('message' in listed.at(i)).toBe(messages);
				});
			}),
			{ numRuns: 400 }
		);
	});
});
