/** How bad a problem is: an error keeps its row out of the output, a warning only informs. */
export type Severity = 'error' | 'warning';

/** Problems that concern the whole file: reported at row 0, column 0 (or at the row named). */
export const fileProblemCodes = [
	'empty-file',
	'header-only',
	'utf-16-file',
	'png-file',
	'zip-file',
	'binary-file',
	'unsupported-encoding',
	'line-too-long',
	'too-many-columns',
	'card-number-found',
	'card-number-in-file-name',
	'missing-column',
	'missing-header',
	'duplicate-header',
	'forced-header-unnamed',
	'too-many-problems',
	'import-not-allowed',
	'looks-like-customer-file',
	'looks-like-card-file',
	'looks-like-return-file',
	'looks-like-customer-list',
	'looks-like-linkage-csv',
	'looks-like-people-list',
	'linkage-csv-as-list',
	'repeated-bom'
] as const;

/** Problems of one row (and usually one column). */
export const rowProblemCodes = [
	'stray-quote',
	'unclosed-quote',
	'undecodable',
	'text-after-quote',
	'missing-value',
	'missing-cells',
	'extra-cells',
	'shifted-right',
	'trimmed-spaces',
	'unknown-brand',
	'brand-normalized',
	'tail-padded',
	'bad-tail',
	'expiry-yyyymm',
	'expiry-padded',
	'bad-expiry',
	'bad-month',
	'expiry-looks-mmyy',
	'card-expired',
	'bad-token',
	'bad-customer-id',
	'unknown-customer',
	'multiple-cards',
	'multiple-cards-registered',
	'service-mismatch',
	'not-blank',
	'bad-serial',
	'no-linkage-id',
	'bad-linkage-id',
	'duplicate-linkage-id',
	'duplicate-customer-id',
	'not-encodable',
	'space-inside-value',
	'id-scientific-notation',
	'id-thousands-separator',
	'id-rounded',
	'bad-phone',
	'bad-postal-code',
	'bad-email',
	'looks-like-token'
] as const;

export type ProblemCode = (typeof fileProblemCodes)[number] | (typeof rowProblemCodes)[number];

/** Values a message is built from; already safe to show (tokens masked, no card digits). */
export type ProblemParams = Record<string, string | number>;

/** One problem of a file: where (1-based row and column, 0 for the whole file), how bad, what. */
export interface Problem {
	row: number;
	column: number;
	severity: Severity;
	code: ProblemCode;
	message: string;
	params: ProblemParams;
}

/** Orders problems by row, then column; problems of the same cell keep their order. */
export function compareProblems(a: Problem, b: Problem): number {
	return a.row - b.row || a.column - b.column;
}
