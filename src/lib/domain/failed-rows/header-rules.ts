import type { ColumnSpec } from '../headers/match-header';
import type { HistoryKind } from '../records/history-entry';
import { cardImportHeaderRule } from '../import/card-import-checker';
import { oldCartCustomerHeaderRule } from '../import/old-cart-customers';
import { customerListHeaderRule } from '../linkage/build-linkage-csv';
import { yamatoReturnHeaderRule } from '../convert/yamato-return-converter';

/**
 * How a file kind's first record is told to be a header, as its reader does it: 'required'
 * takes the first non-blank record as the header; 'detect' takes it when it is well-formed and
 * names at least two known columns.
 */
export interface HeaderRule {
	mode: 'required' | 'detect';
	columns: readonly ColumnSpec[];
}

/** The header rule of the input file of a history entry's kind: its reader's own. */
export function headerRuleOf(kind: HistoryKind): HeaderRule {
	const rules: Record<HistoryKind, HeaderRule> = {
		customers: oldCartCustomerHeaderRule,
		cards: cardImportHeaderRule,
		linkage: customerListHeaderRule,
		'card-file': yamatoReturnHeaderRule
	};
	return rules[kind];
}
