import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertYamatoReturn } from '../convert/convert-yamato-return';
import { listedProblemsOf } from '../report/report';
import { ListedProblems } from './listed-problems';
import { fileProblemCodes, rowProblemCodes, type Problem } from './problem';

// Any list of problem objects packed into columns reads back as the very same objects: fields equal,
// params the same objects (shared params stay shared), `message` present exactly when it was.
describe('ListedProblems.from', () => {
	const params = fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double()), { maxKeys: 4 });
	const problem = fc.record({
		row: fc.oneof(fc.nat(), fc.maxSafeNat()),
		column: fc.oneof(fc.nat(), fc.maxSafeNat()),
		severity: fc.constantFrom('error' as const, 'warning' as const),
		code: fc.constantFrom(...fileProblemCodes, ...rowProblemCodes),
		params
	});

	it.each([true, false])('reads back every problem as it was (messages %s)', (withMessages) => {
		fc.assert(
			fc.property(fc.array(problem, { maxLength: 60 }), fc.array(fc.nat(59), { maxLength: 20 }), fc.string(), (records, sharing, message) => {
				// Some problems share one params object, as step d's warnings do.
				for (const [k, i] of sharing.entries()) if (records[i] && records[k]) records[i].params = records[k].params;
				const problems = (withMessages ? records.map((p, i) => ({ ...p, message: `${message}${i}` })) : records) as Problem[];
				const listed = ListedProblems.from(problems);
				expect(listed.length).toBe(problems.length);
				expect(listed.toArray()).toEqual(problems);
				problems.forEach((p, i) => {
					expect(listed.params(i)).toBe(p.params);
					expect('message' in listed.at(i)).toBe(withMessages);
					expect(listed.record(i)).toEqual({ row: p.row, column: p.column, severity: p.severity, code: p.code, params: p.params });
					expect([listed.row(i), listed.column(i), listed.severity(i), listed.code(i)]).toEqual([p.row, p.column, p.severity, p.code]);
				});
				expect(ListedProblems.from(listed)).toBe(listed);
			})
		);
	});
});

// A report's problems are made into objects when first read; until then `listedProblemsOf` reads them in
// columns. Either way the report is what it was: the same keys in the same order, the same problems.
describe('a report whose problems are made when read', () => {
	const row = fc
		.tuple(
			fc.constantFrom('US-00010000', ' US-00010001', 'US-0001000２', ''),
			fc.constantFrom('111', '11', 'abc'),
			fc.constantFrom('VISA', 'visa', 'ZZZ'),
			fc.constantFrom('2912', '202912', '2913', '2001'),
			fc.constantFrom('AbCdEf0123456789xyZ1', ' AbCdEf0123456789xyZ1', 'Ab', '4111111111111111')
		)
		.map((cells) => cells.join(','));
	const header = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';
	const convert = (rows: string[], maxProblems: number) =>
		convertYamatoReturn(new TextEncoder().encode([header, ...rows].join('\r\n') + '\r\n'), { maxProblems, today: new Date('2026-12-01T00:00:00+09:00') }).report;

	it('lists in columns what `problems` lists, and reads as a report of plain data', () => {
		fc.assert(
			fc.property(fc.array(row, { maxLength: 25 }), fc.integer({ min: 0, max: 30 }), (rows, cap) => {
				const lazy = convert(rows, cap);
				const listed = listedProblemsOf(lazy);
				const keys = Object.keys(lazy);
				const read = lazy.problems;
				expect(listed.toArray()).toEqual(read);
				// Read once: then a plain array, the same one every time, that JSON and a clone see whole.
				expect(lazy.problems).toBe(read);
				expect(Object.keys(lazy)).toEqual(keys);
				expect(keys.slice(0, 10)).toEqual(['rows', 'written', 'failed', 'failedRows', 'encoding', 'hasHeader', 'mapping', 'problems', 'problemCounts', 'refused']);
				expect(JSON.parse(JSON.stringify(convert(rows, cap))).problems).toEqual(JSON.parse(JSON.stringify(read)));
				expect(structuredClone({ ...convert(rows, cap), reconciliation: null }).problems).toEqual(read);
				// Once read, the columns follow the array (a caller may change it).
				read.push(read[0] ?? ({ row: 1, column: 1, severity: 'error', code: 'bad-token', message: '', params: {} } as Problem));
				expect(listedProblemsOf(lazy).length).toBe(read.length);
				const replaced: Problem[] = [];
				lazy.problems = replaced;
				expect(lazy.problems).toBe(replaced);
			}),
			{ numRuns: 200 }
		);
	});
});
