import {
	fileProblemCodes,
	type Problem,
	type ProblemCode,
	type ProblemParams,
	type Severity
} from './problem';
import { ListedProblems } from './listed-problems';
import { quoteCell, Recognised } from './display-value';

/** Params as a rule hands them in: cell text raw (masked here) or marked `recognised`. */
export type ProblemInput = Record<string, string | number | Recognised>;

// Params the code itself fills (field keys, formats, row lists, settings): never cell text.
const codeKeys: ReadonlySet<string> = new Set(['field', 'fields', 'order', 'example', 'expected', 'format', 'rows', 'encoding', 'spaces', 'place']);

/**
 * The params as stored and shown: every string that may carry cell text goes through
 * `quoteCell` (SPEC "Privacy promise"), a `Recognised` value is unwrapped whole.
 */
export function safeParams(input: ProblemInput): ProblemParams {
	const params: ProblemParams = {};
	for (const key in input) {
		const value = input[key];
		if (value instanceof Recognised) params[key] = value.text;
		else if (typeof value === 'string' && !codeKeys.has(key)) params[key] = quoteCell(value);
		else params[key] = value;
	}
	return params;
}

// The params objects `sharedParams` made: safe already, so every problem that uses one lists it as it is.
const shared = new WeakSet<object>();

/**
 * Params made safe once (by `safeParams`) and frozen, for a rule that gives many problems the same
 * values (step d's warnings read on the bytes: one object per distinct value, `repair-params`):
 * `ProblemList.add` lists such an object as it is, where it copies any other input through
 * `safeParams` per problem. Only an object made here is taken as safe; any other input, frozen or
 * not, is masked as always (SPEC "Privacy promise").
 */
export function sharedParams(input: ProblemInput): Readonly<ProblemParams> {
	const params = Object.freeze(safeParams(input));
	shared.add(params);
	return params;
}

const warningCodes: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
	'trimmed-spaces',
	'extra-cells',
	'brand-normalized',
	'tail-padded',
	'expiry-yyyymm',
	'expiry-padded',
	'card-expired',
	'multiple-cards',
	'multiple-cards-registered',
	'no-linkage-id',
	'duplicate-header',
	'forced-header-unnamed',
	'too-many-problems',
	'linkage-csv-as-list',
	'repeated-bom'
]);

/** The fixed severity of a problem code. */
export function severityOf(code: ProblemCode): Severity {
	return warningCodes.has(code) ? 'warning' : 'error';
}

// Whole-file problems (a card number above all) are listed even past the cap, up to a limit each.
const alwaysListed: ReadonlySet<ProblemCode> = new Set<ProblemCode>(fileProblemCodes);
const fileProblemLimit = 1000;

/** Default cap on listed problems: a million-row file of bad rows must not hold a million messages. */
export const defaultMaxProblems = 100_000;

/**
 * Collects the problems of one file and lists the first `maxProblems` of them by (row, column, order
 * added), whatever order they come in (a rule that reports after every row is read, such as step d's
 * `multiple-cards`, included); the rest are only counted, by severity, in the closing note. Whole-file
 * problems (`fileProblemCodes`, up to 1,000 of each code) are listed besides, past the cap and outside it.
 *
 * Selection: while fewer than `maxProblems` are kept they are appended. Past the cap, while the kept ones
 * came in (row, column) order, a problem that does not sort before the last one costs one comparison
 * (the common case: rules report row by row). The first one that sorts before turns the kept ones into a
 * max-heap by (row, column, order added), once; from then on a problem costs one comparison with its top
 * and O(log maxProblems) when it sorts before it and takes its place (the one put out counts as left
 * out, with its own severity). `sorted()` heap-sorts them in place, which needs no second array.
 */
export class ProblemList {
	// The capped problems in columns (no object per problem; `listed` hands them over as they are):
	// appended (or sorted) until one comes out of order past the cap, then a max-heap by (row, column,
	// seq) until `listed()` sorts them again.
	private rows: number[] = [];
	private columns: number[] = [];
	private codes: ProblemCode[] = [];
	private params: ProblemParams[] = [];
	// Order added of each kept problem (the tie-break of `compareProblems`).
	private seqs: number[] = [];
	private isHeap = false;
	// While not a heap: true when the kept ones are in (row, column, seq) order, the last the greatest.
	private isOrdered = true;
	// Whole-file problems within their limit: listed outside the cap (few: 1,000 of each code at most).
	private readonly fileItems: { row: number; column: number; code: ProblemCode; params: ProblemParams; seq: number }[] = [];
	private seq = 0;
	private omitted = 0;
	// Of the problems left out past the cap, how many are errors (the rest are warnings).
	private omittedErrors = 0;
	readonly counts = new Map<ProblemCode, number>();
	/** How many errors (not warnings) were added. */
	errorCount = 0;

	// Problems of the row being read while `hold` is on: listed by `commitHeld`, or dropped for one.
	private held: [ProblemCode, number, number, ProblemInput][] | null = null;

	/**
	 * `maxProblems` caps the row problems listed (0 or less: none listed, all counted in the note).
	 * `messages` false lists problems without their rendered Japanese `message` (the key is absent):
	 * for a caller that keeps and renders `code` + `params` only (step d's job, SPEC "Core API"), so a
	 * file of 100,000 listed warnings does not format 100,000 messages nobody reads. With messages,
	 * each is rendered when its problem is made into an object (`ListedProblems.at`).
	 */
	constructor(
		private readonly maxProblems = defaultMaxProblems,
		private readonly messages = true
	) {}

	/**
	 * Holds back the problems added from now on (one row's), still counted in `errorCount` so a rule
	 * can tell whether the row failed, until `commitHeld` lists them or `replaceHeld` drops them for
	 * one problem that explains them all (a row shifted right: one cause, not one error per column).
	 */
	hold(): void {
		this.held = [];
	}

	/** Lists the held problems as if added now. */
	commitHeld(): void {
		const held = this.dropHeld();
		for (const [code, row, column, input] of held) this.add(code, row, column, input);
	}

	/** Drops the held problems and adds `code` in their place. */
	replaceHeld(code: ProblemCode, row: number, column: number, input: ProblemInput = {}): void {
		this.dropHeld();
		this.add(code, row, column, input);
	}

	private dropHeld(): [ProblemCode, number, number, ProblemInput][] {
		const held = this.held ?? [];
		this.held = null;
		for (const [code] of held) if (severityOf(code) === 'error') this.errorCount--;
		return held;
	}

	/**
	 * Records a problem at `row`/`column` (0 for the whole file). The one place params become
	 * safe: cell text is masked by `quoteCell` unless a rule marked it `recognised` (params made by
	 * `sharedParams` went through the same `safeParams` once and are listed as they are). Past the
	 * cap it is kept only when it sorts before the last one kept (see the class doc).
	 */
	add(code: ProblemCode, row: number, column: number, input: ProblemInput = {}): void {
		const severity = severityOf(code);
		if (severity === 'error') this.errorCount++;
		if (this.held) {
			this.held.push([code, row, column, input]);
			return;
		}
		const count = (this.counts.get(code) ?? 0) + 1;
		this.counts.set(code, count);
		const seq = this.seq++;
		if (alwaysListed.has(code) && count <= fileProblemLimit) {
			this.fileItems.push({ row, column, code, params: paramsOf(input), seq });
			return;
		}
		const { rows, columns } = this;
		const n = rows.length;
		if (n < this.maxProblems) {
			if (this.isOrdered && n > 0) {
				const lastRow = rows[n - 1];
				this.isOrdered = row > lastRow || (row === lastRow && column >= columns[n - 1]);
			}
			rows.push(row);
			columns.push(column);
			this.codes.push(code);
			this.params.push(paramsOf(input));
			this.seqs.push(seq);
			return;
		}
		if (n === 0) {
			this.leaveOut(severity);
			return;
		}
		// Against the last kept by (row, column, seq): a later seq never sorts before an equal cell.
		if (!this.isHeap) {
			const lastRow = rows[n - 1];
			if (this.isOrdered && (row > lastRow || (row === lastRow && column >= columns[n - 1]))) {
				this.leaveOut(severity);
				return;
			}
			this.heapify();
		}
		if (row > rows[0] || (row === rows[0] && column >= columns[0])) {
			this.leaveOut(severity);
			return;
		}
		this.leaveOut(severityOf(this.codes[0]));
		rows[0] = row;
		columns[0] = column;
		this.codes[0] = code;
		this.params[0] = paramsOf(input);
		this.seqs[0] = seq;
		this.siftDown(0, n);
	}

	private leaveOut(severity: Severity): void {
		this.omitted++;
		if (severity === 'error') this.omittedErrors++;
	}

	// True when kept problem `i` sorts after kept problem `j` by (row, column, seq).
	private after(i: number, j: number): boolean {
		const { rows, columns } = this;
		return rows[i] !== rows[j] ? rows[i] > rows[j] : columns[i] !== columns[j] ? columns[i] > columns[j] : this.seqs[i] > this.seqs[j];
	}

	// Swaps kept problems `i` and `j` in every column.
	private swap(i: number, j: number): void {
		for (const column of [this.rows, this.columns, this.codes, this.params, this.seqs] as unknown[][]) {
			const value = column[i];
			column[i] = column[j];
			column[j] = value;
		}
	}

	// Puts the kept problems in (row, column, seq) order, in place: nothing to do when they came in
	// order; a stable sort when they are in the order added, which rules keep nearly sorted (merge sort
	// runs); a heap sort when they are a heap.
	private order(): void {
		if (this.isHeap) {
			for (let end = this.rows.length - 1; end > 0; end--) {
				this.swap(0, end);
				this.siftDown(0, end);
			}
		} else if (!this.isOrdered) {
			// In the order added, so index order is seq order: a stable sort by cell settles ties.
			const { rows, columns } = this;
			const order = Array.from(rows.keys()).sort((a, b) => rows[a] - rows[b] || columns[a] - columns[b]);
			const pick = <T>(column: T[]) => order.map((i) => column[i]);
			this.rows = pick(rows);
			this.columns = pick(columns);
			this.codes = pick(this.codes);
			this.params = pick(this.params);
			this.seqs = pick(this.seqs);
		}
		this.isHeap = false;
		this.isOrdered = true;
	}

	private heapify(): void {
		for (let i = (this.rows.length >> 1) - 1; i >= 0; i--) this.siftDown(i, this.rows.length);
		this.isHeap = true;
	}

	// Sifts kept problem `start` down the heap of the first `n` kept problems.
	private siftDown(start: number, n: number): void {
		let i = start;
		for (;;) {
			const left = 2 * i + 1;
			if (left >= n) return;
			let largest = left;
			if (left + 1 < n && this.after(left + 1, left)) largest = left + 1;
			if (!this.after(largest, i)) return;
			this.swap(i, largest);
			i = largest;
		}
	}

	/** True when at least one problem with this code was added. */
	has(code: ProblemCode): boolean {
		return this.counts.has(code);
	}

	/**
	 * The listed problems sorted by row then column, with a closing note when some were left out: its
	 * params give how many (`count`), the cap (`limit`), and of those left out how many are `errors`
	 * and `warnings`, so a file's counts stay whole past the cap (`runOutcome`). One object per problem;
	 * `listed()` gives the same list in columns.
	 */
	sorted(): Problem[] {
		return this.listed().toArray();
	}

	/**
	 * What `sorted()` lists, in columns (no object per problem): a copy, so later adds leave it as it is.
	 * The list may be added to after.
	 */
	listed(): ListedProblems {
		this.order();
		const { rows, columns, codes, params, seqs } = this;
		const note = this.omitted > 0;
		const size = (note ? 1 : 0) + rows.length + this.fileItems.length;
		const out = { rows: new Array<number>(size), columns: new Array<number>(size), codes: new Array<ProblemCode>(size), params: new Array<ProblemParams>(size) };
		let at = 0;
		const put = (row: number, column: number, code: ProblemCode, param: ProblemParams) => {
			out.rows[at] = row;
			out.columns[at] = column;
			out.codes[at] = code;
			out.params[at++] = param;
		};
		if (note) {
			const count = this.omitted;
			put(0, 0, 'too-many-problems', { count, limit: this.maxProblems, errors: this.omittedErrors, warnings: count - this.omittedErrors });
		}
		// Whole-file problems are few (1,000 of each code at most): sorted apart, then merged.
		const files = this.fileItems.slice().sort((a, b) => a.row - b.row || a.column - b.column || a.seq - b.seq);
		let i = 0;
		for (const file of files) {
			while (i < rows.length && (rows[i] - file.row || columns[i] - file.column || seqs[i] - file.seq) < 0) put(rows[i], columns[i], codes[i], params[i++]);
			put(file.row, file.column, file.code, file.params);
		}
		while (i < rows.length) put(rows[i], columns[i], codes[i], params[i++]);
		return ListedProblems.rendered(out.rows, out.columns, out.codes.map(severityOf), out.codes, out.params, this.messages);
	}
}

// A shared object is listed as it is (no copy per problem: 100,000 listed warnings held 100,000 copies).
function paramsOf(input: ProblemInput): ProblemParams {
	return shared.has(input) ? (input as ProblemParams) : safeParams(input);
}
