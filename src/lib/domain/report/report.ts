import type { DetectedEncoding } from '../encoding/detect-encoding';
import type { Problem, ProblemCode } from '../problems/problem';
import { ListedProblems } from '../problems/listed-problems';
import type { ProblemList } from '../problems/problem-list';
import type { TableState } from '../csv/table-source';

/** What every conversion and check reports about its input. */
export interface FileReport<Key extends string = string> {
	/** Data records read (header and blank lines not counted). */
	rows: number;
	/** Rows written to the output (or accepted, for checks that write nothing). */
	written: number;
	/** Rows with an error. */
	failed: number;
	/** Row numbers of the rows with an error, in file order. */
	failedRows: number[];
	encoding: DetectedEncoding;
	hasHeader: boolean;
	/** 1-based input column of each field, 0 when absent. */
	mapping: Record<Key, number>;
	/**
	 * Problems sorted by row, then column. In a report of `baseReport`, made into objects when first
	 * read (an enumerable getter, so JSON and structured clone see it; then a plain array): a caller
	 * that needs only some of them reads `listedProblemsOf(report)` instead.
	 */
	problems: Problem[];
	/** How many problems of each code were found (listed or not). */
	problemCounts: Partial<Record<ProblemCode, number>>;
	/** True when the file as a whole is refused: then there is no output. */
	refused: boolean;
}

/** True when the file is refused for holding a full card number (SPEC, "Refused outright"). */
export function isCardNumberRefusal(problems: ProblemList): boolean {
	return problems.has('card-number-found');
}

// The listed problems behind each report of `baseReport` whose `problems` were not read yet.
const listedOf = new WeakMap<object, ListedProblems>();

/**
 * The listed problems of `report` in columns (`ListedProblems`): those behind a report of `baseReport`
 * while its `problems` were never read (nothing made per problem), else its `problems` as they are now.
 */
export function listedProblemsOf(report: Pick<FileReport, 'problems'>): ListedProblems {
	return listedOf.get(report) ?? ListedProblems.from(report.problems);
}

// `report.problems` made from `listed` when first read, then a plain data property like any other.
function withListedProblems<R extends object>(report: R, listed: ListedProblems): R & Pick<FileReport, 'problems'> {
	listedOf.set(report, listed);
	return Object.defineProperty(report, 'problems', {
		enumerable: true,
		configurable: true,
		get(this: R) {
			listedOf.delete(this);
			const problems = listed.toArray();
			Object.defineProperty(this, 'problems', { value: problems, enumerable: true, configurable: true, writable: true });
			return problems;
		},
		set(this: R, problems: Problem[]) {
			listedOf.delete(this);
			Object.defineProperty(this, 'problems', { value: problems, enumerable: true, configurable: true, writable: true });
		}
	}) as R & Pick<FileReport, 'problems'>;
}

/**
 * The parts of a report that the reading pipeline and the problem list know. A file refused for a
 * card number reports that problem only: no other problem may quote a value of such a file. Its
 * `problems` are made into objects when first read (`listedProblemsOf` reads them in columns); a
 * spread of the report reads them.
 */
export function baseReport<Key extends string>(
	state: TableState<Key>,
	problems: ProblemList,
	written: number
): FileReport<Key> {
	if (isCardNumberRefusal(problems)) {
		const found = problems.sorted().filter((problem) => problem.code === 'card-number-found');
		return {
			rows: state.rows,
			written: 0,
			failed: state.failedRows.length,
			failedRows: state.failedRows,
			encoding: state.encoding,
			hasHeader: state.hasHeader,
			mapping: { ...state.mapping },
			problems: found,
			problemCounts: { 'card-number-found': problems.counts.get('card-number-found') },
			refused: true
		};
	}
	const report = {
		rows: state.rows,
		written: state.refused ? 0 : written,
		failed: state.failedRows.length,
		failedRows: state.failedRows,
		encoding: state.encoding,
		hasHeader: state.hasHeader,
		mapping: { ...state.mapping }
	};
	// `problems` keeps its place among the keys (JSON of a report reads as before).
	return Object.assign(withListedProblems(report, problems.listed()), { problemCounts: Object.fromEntries(problems.counts), refused: state.refused }) as FileReport<Key>;
}
