import type { ReconciliationCounts } from './reconciliation-groups';

/**
 * Where the migration report's figures come from (SPEC §6): the registry's cards (after step e
 * imported a card file), or the last step d's reconciliation (a return file converted, its card
 * file not imported yet), or nothing yet.
 */
export type ReportSource = 'cards' | 'step-d' | 'none';

/** What the registry holds of the report's groups (`CardFindings` of the registry, or part of it). */
export interface RegisteredFindings {
	cards: number;
	multiCardCount: number;
	/** The multi-card customers listed (all of them, or the first of them). */
	multiCard: readonly { id: string }[];
	expiredCount: number;
}

/** The figures the report shows for each group it names, and the section of the page showing them. */
export interface ReportFigures {
	source: ReportSource;
	multiCardCount: number;
	/** IDs of the multi-card customers; empty when the source keeps counts only (step d). */
	multiCardIds: readonly string[];
	expiredCount: number;
}

/**
 * The one source of the report's group figures (SPEC §6), for its tables and its message to
 * support alike: the registry's figures once it holds cards (what is migrated, with customer IDs),
 * otherwise the last step d's reconciliation counts (the history keeps counts, not IDs), otherwise
 * zeros. `stepD` is the last finished step d's counts (null or undefined when none, or one made
 * before the history kept them); `registered` the registry's findings (null before they are read).
 */
export function reportFigures(stepD: ReconciliationCounts | null | undefined, registered: RegisteredFindings | null): ReportFigures {
	if (registered && registered.cards > 0) {
		return {
			source: 'cards',
			multiCardCount: registered.multiCardCount,
			multiCardIds: registered.multiCard.map((customer) => customer.id),
			expiredCount: registered.expiredCount
		};
	}
	if (stepD) return { source: 'step-d', multiCardCount: stepD['multi-card'] ?? 0, multiCardIds: [], expiredCount: stepD.expired ?? 0 };
	return { source: 'none', multiCardCount: 0, multiCardIds: [], expiredCount: 0 };
}
