import { formatProblemMessage } from './messages-ja';
import type { Problem, ProblemCode, ProblemParams, Severity } from './problem';

/**
 * A report's listed problems held in columns (rows, columns, severities, codes, params: one array
 * each, no object per problem), in the order of `ProblemList.sorted()` (the cap's note first when
 * there is one). A problem becomes an object only when asked for (`at`, `record`, `toArray`): step d's
 * job makes objects for the page of problems shown, the problem-list download and the history record
 * only, where a file of 100,000 listed warnings made 100,000 objects during the conversion and copies
 * of them at its end (issue 14). Read-only: nothing here changes after it is made.
 */
export class ListedProblems {
	/** How many problems are listed (the cap's note counted). */
	readonly length: number;

	/**
	 * Columns of equal length, not copied (the caller hands them over). `messageAt` gives the rendered
	 * `message` of problem `i`; null lists problems without it (the key absent, as `ProblemList` does
	 * without messages).
	 */
	constructor(
		private readonly rows: readonly number[],
		private readonly columns: readonly number[],
		private readonly severities: readonly Severity[],
		private readonly codes: readonly ProblemCode[],
		private readonly paramsOf: readonly ProblemParams[],
		private readonly messageAt: ((i: number) => string) | null
	) {
		this.length = codes.length;
	}

	/** The problems of `problems` (objects as `ProblemList.sorted()` gives them), as they are: no params copied. */
	static from(problems: readonly Problem[] | ListedProblems): ListedProblems {
		if (problems instanceof ListedProblems) return problems;
		const n = problems.length;
		const rows = new Array<number>(n);
		const columns = new Array<number>(n);
		const severities = new Array<Severity>(n);
		const codes = new Array<ProblemCode>(n);
		const params = new Array<ProblemParams>(n);
		let messages: (string | undefined)[] | null = null;
		for (let i = 0; i < n; i++) {
			const problem = problems[i];
			rows[i] = problem.row;
			columns[i] = problem.column;
			severities[i] = problem.severity;
			codes[i] = problem.code;
			params[i] = problem.params;
			if ('message' in problem) (messages ??= new Array<string | undefined>(n))[i] = problem.message;
		}
		const texts = messages;
		return new ListedProblems(rows, columns, severities, codes, params, texts && ((i) => texts[i] as string));
	}

	/** Problems of `code`, `params` as the note of `ProblemList` gives them: rendered messages when `withMessages`. */
	static rendered(
		rows: readonly number[],
		columns: readonly number[],
		severities: readonly Severity[],
		codes: readonly ProblemCode[],
		params: readonly ProblemParams[],
		withMessages: boolean
	): ListedProblems {
		const messageAt = withMessages ? (i: number) => formatProblemMessage(codes[i], { row: rows[i], column: columns[i], ...params[i] }) : null;
		return new ListedProblems(rows, columns, severities, codes, params, messageAt);
	}

	/** 1-based row of problem `i` (0: the whole file). */
	row(i: number): number {
		return this.rows[i];
	}

	/** 1-based column of problem `i` (0: no column). */
	column(i: number): number {
		return this.columns[i];
	}

	severity(i: number): Severity {
		return this.severities[i];
	}

	code(i: number): ProblemCode {
		return this.codes[i];
	}

	/** The params of problem `i`: the very object listed (shared params stay shared). */
	params(i: number): ProblemParams {
		return this.paramsOf[i];
	}

	/** Problem `i` as a fresh object: what `ProblemList.sorted()` lists at `i`, `message` included when it renders them. */
	at(i: number): Problem {
		const { rows, columns, severities, codes, paramsOf: params } = this;
		if (this.messageAt === null) return { row: rows[i], column: columns[i], severity: severities[i], code: codes[i], params: params[i] } as Problem;
		return { row: rows[i], column: columns[i], severity: severities[i], code: codes[i], message: this.messageAt(i), params: params[i] };
	}

	/** Problem `i` as a record (no `message`): what crosses threads and is stored (`toProblemRecord`). */
	record(i: number): { row: number; column: number; severity: Severity; code: ProblemCode; params: ProblemParams } {
		return { row: this.rows[i], column: this.columns[i], severity: this.severities[i], code: this.codes[i], params: this.paramsOf[i] };
	}

	/** Every problem as objects, in order (`at`). */
	toArray(): Problem[] {
		const list = new Array<Problem>(this.length);
		for (let i = 0; i < this.length; i++) list[i] = this.at(i);
		return list;
	}
}
