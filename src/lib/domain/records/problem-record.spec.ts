import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from '../zod';
import { checkedProblemRecords, problemRecordSchema } from './problem-record';

// A history record's problems are checked without copying the records that are exactly what the
// schema gives back: for any list, the same result as the schema (or the same refusal).
class Other {
	constructor(readonly row: number) {}
}
const value = fc.oneof(
	fc.string({ maxLength: 6 }),
	fc.integer(),
	fc.double(),
	fc.constantFrom(Number.NaN, Infinity, -0, null, undefined, true, 1.5, -1, 2 ** 60),
	fc.array(fc.integer(), { maxLength: 2 })
);
const params = fc.oneof(
	fc.dictionary(fc.constantFrom('value', 'field', 'count', '__proto__x'), fc.oneof(fc.string({ maxLength: 6 }), fc.nat())),
	fc.dictionary(fc.constantFrom('value', 'count'), value),
	fc.constantFrom(null, 'x', [], new Other(1))
);
const record = fc.record(
	{
		row: fc.oneof(fc.nat(99), value),
		column: fc.oneof(fc.nat(9), value),
		severity: fc.oneof(fc.constantFrom('error', 'warning'), value),
		code: fc.oneof(fc.constantFrom('bad-token', 'card-expired'), value),
		params,
		extra: value
	},
	{ requiredKeys: [] }
);
// Mostly valid records (the common case), with every kind of departure mixed in.
const validOf = (noNullPrototype: boolean) =>
	fc.record(
		{ row: fc.nat(99), column: fc.nat(9), severity: fc.constantFrom('error', 'warning'), code: fc.string({ maxLength: 8 }), params: fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { noNullPrototype }) },
		{ noNullPrototype }
	);
const valid = validOf(false);
// Records as the code makes them (object literals).
const literal = validOf(true);
// A valid record with one departure: a field of another value or type, a field missing or extra, a
// param of another type, another prototype (of the record or of its params), a symbol key.
const keys = ['row', 'column', 'severity', 'code', 'params'] as const;
const mutant = fc
	.tuple(valid, fc.nat(7), fc.constantFrom(...keys), fc.constantFrom(Number.NaN, Infinity, -1, 1.5, 2 ** 60, null, undefined, true, 'x', [], {}))
	.map(([problem, kind, key, other]) => {
		const copy: Record<string | symbol, unknown> = { ...problem, params: { ...problem.params } };
		if (kind === 0) copy[key] = other;
		else if (kind === 1) delete copy[key];
		else if (kind === 2) copy.extra = other;
		else if (kind === 3) (copy.params as Record<string, unknown>).count = other;
		else if (kind === 4) return Object.assign(new Other(problem.row), copy);
		else if (kind === 5) copy.params = Object.assign(new Other(1), problem.params);
		else if (kind === 6) copy[Symbol('s')] = 1;
		else (copy.params as Record<string | symbol, unknown>)[Symbol('s')] = 1;
		return copy;
	});
const item = fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: mutant, weight: 6 }, { arbitrary: record, weight: 1 }, { arbitrary: fc.constantFrom(null, 3, 'x', new Other(2), Object.create(null)), weight: 1 });
// Records sharing one params object (step d's warnings do), valid or not: copies of the items, so the
// generated values are left as they are.
const sharing = fc.tuple(fc.array(item, { maxLength: 8 }), fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 4 })).map(([items, pairs]) => {
	const copies = items.map((x) => (typeof x === 'object' && x !== null ? Object.assign(Object.create(Object.getPrototypeOf(x)), x) : x));
	for (const [from, to] of pairs) {
		const [a, b] = [copies[from], copies[to]];
		if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && 'params' in a) b.params = a.params;
	}
	return copies;
});
const list = fc.oneof({ arbitrary: fc.array(item, { maxLength: 8 }), weight: 4 }, { arbitrary: sharing, weight: 4 }, { arbitrary: fc.constantFrom(undefined, null, {}, 'x', [, { row: 1 }]), weight: 1 });

const outcomeOf = (run: () => unknown) => {
	try {
		return { value: run() };
	} catch (error) {
		return { thrown: error instanceof z.core.$ZodError };
	}
};

describe('checkedProblemRecords', () => {
	it('gives what the schema gives for any list, and refuses what it refuses', () => {
		fc.assert(
			fc.property(list, (problems) => {
				const expected = outcomeOf(() => z.array(problemRecordSchema).parse(problems));
				const got = outcomeOf(() => checkedProblemRecords(problems));
				// Strict: a record of another prototype is no record as the schema gives it back.
				expect(got).toStrictEqual(expected);
			}),
			{ numRuns: 500 }
		);
	});

	it('keeps records that are exactly records as they are (no copy, shared params stay shared)', () => {
		fc.assert(
			fc.property(fc.array(literal, { maxLength: 8 }), (problems) => {
				const checked = checkedProblemRecords(problems);
				checked.forEach((problem, i) => expect(problem).toBe(problems[i]));
			})
		);
		const shared = Object.freeze({ field: 'expiry', value: '2301' });
		const checked = checkedProblemRecords([1, 2].map((row) => ({ row, column: 4, severity: 'warning', code: 'card-expired', params: shared })));
		expect(checked[0].params).toBe(checked[1].params);
	});
});
