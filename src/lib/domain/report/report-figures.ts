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
	/** The step d run the report speaks for (the last finished one): its file and start time; null without one. */
	stepDRun: { fileName: string; startedAt: number } | null;
	/**
	 * With registered cards and a step d run: whether those cards were imported from that run's
	 * output (`cardsFromRun`); null otherwise.
	 */
	cardsFrom: CardsFromRun | null;
}

/** What the report reads of the last finished step d: its file, its numbers, its multi-card IDs, its check. */
export type StepDFacts = CustomerCheckFacts & {
	fileName: string;
	startedAt: number;
	/** When it finished (ms); absent on a record that never finished. */
	finishedAt?: number;
	/** Rows written. */
	succeeded: number;
	reconciliation?: ReconciliationCounts | null;
	multiCardIds?: readonly string[];
	/** The size in bytes of the import CSV it wrote; absent on entries recorded before it was kept. */
	outputSize?: number;
};

/** What the report reads of the last finished card import (一括登録（クレジットカード情報）). */
export interface CardImportFacts {
	fileName: string;
	startedAt: number;
	/** Size in bytes of the file imported. */
	size: number;
	/** Data rows of the file imported. */
	rows: number;
}

/**
 * Whether the registered cards come from the output of the step d run the report speaks for:
 * 'this-run' (imported after it, the same number of rows and, when both are known, the same size),
 * 'before-run' (no card import recorded after that run: the cards came from an earlier file, or the
 * import's history entry was deleted), 'other-rows' (the import after it had another number of rows
 * than the run wrote), 'other-file' (same rows, but the file imported is not the size of the run's
 * output). Counts and sizes only: nothing of a card is kept to tell.
 */
export type CardsFromRun =
	| { is: 'this-run' }
	| { is: 'before-run' }
	| { is: 'other-rows'; imported: CardImportFacts; written: number }
	| { is: 'other-file'; imported: CardImportFacts; outputSize: number };

/**
 * Where the cards a card import registered come from, against the step d run `stepD` (SPEC §6): see
 * `CardsFromRun`. `imported` is the newest finished card import (null when none is recorded). An
 * import that started before the run finished cannot have read its output.
 */
export function cardsFromRun(stepD: StepDFacts, imported: CardImportFacts | null): CardsFromRun {
	const written = stepD.reconciliation?.written ?? stepD.succeeded;
	if (!imported || imported.startedAt < (stepD.finishedAt ?? stepD.startedAt)) return { is: 'before-run' };
	if (imported.rows !== written) return { is: 'other-rows', imported, written };
	if (stepD.outputSize !== undefined && imported.size !== stepD.outputSize) return { is: 'other-file', imported, outputSize: stepD.outputSize };
	return { is: 'this-run' };
}

/**
 * The one source of the report's group figures (SPEC §6), for its tables and its message to
 * support alike: the registry's figures once it holds cards (what is migrated, with customer IDs),
 * otherwise the last step d's reconciliation counts with the multi-card IDs its entry keeps,
 * otherwise zeros; with every source, whether the last step d was checked against the a・b customer
 * list, which run that was (file and time), and — with registered cards — whether they were
 * imported from that run's output. `stepD` is the last finished step d's history entry (null or
 * undefined when none; one made before the history kept numbers has no reconciliation);
 * `registered` the registry's findings (null before they are read); `imported` the last finished
 * card import's history entry (null or undefined when none is recorded).
 */
export function reportFigures(stepD: StepDFacts | null | undefined, registered: RegisteredFindings | null, imported?: CardImportFacts | null): ReportFigures {
	const run = {
		stepDCheck: stepD ? customerCheckOf(stepD) : null,
		stepDRun: stepD ? { fileName: stepD.fileName, startedAt: stepD.startedAt } : null
	};
	if (registered && registered.cards > 0) {
		return {
			source: 'cards',
			multiCardCount: registered.multiCardCount,
			multiCardIds: registered.multiCard.map((customer) => customer.id),
			expiredCount: registered.expiredCount,
			...run,
			cardsFrom: stepD ? cardsFromRun(stepD, imported ?? null) : null
		};
	}
	const counts = stepD?.reconciliation;
	if (counts) {
		const multiCardIds = stepD?.multiCardIds ?? [];
		return { source: 'step-d', multiCardCount: counts['multi-card'] ?? 0, multiCardIds, expiredCount: counts.expired ?? 0, ...run, cardsFrom: null };
	}
	return { source: 'none', multiCardCount: 0, multiCardIds: [], expiredCount: 0, ...run, cardsFrom: null };
}
