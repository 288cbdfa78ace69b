import type { DetectedEncoding } from '../encoding/detect-encoding';
import type { Problem, ProblemCode } from '../problems/problem';
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
	/** Problems sorted by row, then column. */
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

/**
 * The parts of a report that the reading pipeline and the problem list know. A file refused for a
 * card number reports that problem only: no other problem may quote a value of such a file.
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
	return {
		rows: state.rows,
		written: state.refused ? 0 : written,
		failed: state.failedRows.length,
		failedRows: state.failedRows,
		encoding: state.encoding,
		hasHeader: state.hasHeader,
		mapping: { ...state.mapping },
		problems: problems.sorted(),
		problemCounts: Object.fromEntries(problems.counts),
		refused: state.refused
	};
}
