import {
	cardImportColumns,
	customerListColumns,
	oldCartCustomerColumns,
	yamatoReturnColumns
} from '../headers/columns';
import type { ColumnSpec } from '../headers/match-header';
import type { HistoryKind } from '../records/history-entry';

/**
 * How a file kind's first record is told to be a header, as its reader does it: 'required'
 * takes the first non-blank record as the header; 'detect' takes it when it is well-formed and
 * names at least two known columns.
 */
export interface HeaderRule {
	mode: 'required' | 'detect';
	columns: readonly ColumnSpec[];
}

const rules: Record<HistoryKind, HeaderRule> = {
	customers: { mode: 'required', columns: oldCartCustomerColumns },
	cards: { mode: 'detect', columns: cardImportColumns },
	linkage: { mode: 'required', columns: customerListColumns },
	'card-file': { mode: 'detect', columns: yamatoReturnColumns }
};

/** The header rule of the input file of a history entry's kind. */
export function headerRuleOf(kind: HistoryKind): HeaderRule {
	return rules[kind];
}
