import { customerCheckOf, type CustomerCheck, type CustomerCheckFacts } from '../records/customer-check';
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
	/**
	 * IDs of the multi-card customers (all, or the first of them; `multiCardCount` counts all); empty
	 * when the source keeps counts only (a step d recorded before the history kept its IDs).
	 */
	multiCardIds: readonly string[];
	expiredCount: number;
	/** Whether the last step d was checked against the a・b customer list; null without a step d that tells. */
	stepDCheck: CustomerCheck | null;
}

/** What the report reads of the last finished step d: its numbers, its multi-card IDs, its check. */
export type StepDFacts = CustomerCheckFacts & {
	reconciliation?: ReconciliationCounts | null;
	multiCardIds?: readonly string[];
};

/**
 * The one source of the report's group figures (SPEC §6), for its tables and its message to
 * support alike: the registry's figures once it holds cards (what is migrated, with customer IDs),
 * otherwise the last step d's reconciliation counts with the multi-card IDs its entry keeps,
 * otherwise zeros; with every source, whether the last step d was checked against the a・b customer
 * list. `stepD` is the last finished step d's history entry (null or undefined when none; one made
 * before the history kept numbers has no reconciliation); `registered` the registry's findings
 * (null before they are read).
 */
export function reportFigures(stepD: StepDFacts | null | undefined, registered: RegisteredFindings | null): ReportFigures {
	const stepDCheck = stepD ? customerCheckOf(stepD) : null;
	if (registered && registered.cards > 0) {
		return {
			source: 'cards',
			multiCardCount: registered.multiCardCount,
			multiCardIds: registered.multiCard.map((customer) => customer.id),
			expiredCount: registered.expiredCount,
			stepDCheck
		};
	}
	const counts = stepD?.reconciliation;
	if (counts) {
		const multiCardIds = stepD?.multiCardIds ?? [];
		return { source: 'step-d', multiCardCount: counts['multi-card'] ?? 0, multiCardIds, expiredCount: counts.expired ?? 0, stepDCheck };
	}
	return { source: 'none', multiCardCount: 0, multiCardIds: [], expiredCount: 0, stepDCheck };
}
