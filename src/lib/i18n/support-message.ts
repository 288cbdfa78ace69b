import type { ReportFigures } from '$lib/domain/report/report-figures';
import { translate, type Language } from './index';
import { dateTimeText, listText } from './plural';

/**
 * What the message to the store's support tells: the multi-card customers and the expired cards,
 * as the report's own tables show them (`reportFigures`, one source for both).
 */
export type SupportFacts = ReportFigures;

/** IDs named in the message at most; the rest are counted ("ほか N人"). */
export const namedCustomers = 50;

/**
 * The ready-to-send text of the migration report (SPEC §6) in `language`: it names how many
 * customers hold several cards, with their IDs (at most `maxIds`, then "ほか N人"), and asks how to
 * migrate them — the source asks that they be reported to support before migrating (複数枚のカード);
 * when it names only some, a line says where all of them are (the report's table, or step d's list).
 * Each line says where its figure comes from — the registered cards, or the return file converted at
 * step d — so it reads as the report's tables do. With a step d run, a line names it (its file and
 * time, Japan time), a line says whether it was checked against the customer list of a・b (and how
 * many customers it had), and with registered cards not imported from its output a line says so.
 * Customer IDs, file names, times and counts only: never a token nor a card number. Lines end in `\n`.
 * Null when nothing is rehearsed yet (`source` 'none'): the report then offers no message.
 */
export function supportMessage(language: Language, facts: SupportFacts, maxIds = namedCustomers): string | null {
	// Nothing rehearsed (no step d recorded, no card registered): there is nothing to tell support, and a
	// message would read as a clean rehearsal asking to go ahead (an operator trial saw exactly that).
	if (facts.source === 'none') return null;
	const say = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(language, key, params);
	const named = facts.multiCardIds.slice(0, maxIds);
	const rest = facts.multiCardCount - named.length;
	const ids = rest > 0 ? listText(language, [...named, say('report.message.more', { count: rest })]) : listText(language, named);
	const fromStepD = facts.source === 'step-d';
	const found = [
		facts.multiCardCount === 0
			? say(fromStepD ? 'report.message.multiNoneStepD' : 'report.message.multiNone')
			: !fromStepD
				? say('report.message.multi', { count: facts.multiCardCount, ids })
				: named.length > 0
					? say('report.message.multiStepDIds', { count: facts.multiCardCount, ids })
					: // A step d recorded before the history kept the IDs: counted, named in step d's lists.
						say('report.message.multiStepD', { count: facts.multiCardCount })
	];
	if (rest > 0 && named.length > 0) found.push(whereAllAre(facts, say));
	if (facts.expiredCount > 0) found.push(say(fromStepD ? 'report.message.expiredStepD' : 'report.message.expired', { count: facts.expiredCount }));
	const run = facts.stepDRun;
	if (run) found.push(say('report.message.stepDRun', { fileName: run.fileName, date: dateTimeText(language, run.startedAt) }));
	const check = facts.stepDCheck;
	if (check) {
		found.push(
			!check.isChecked
				? say('report.message.stepDUnchecked')
				: check.customers === null
					? say('report.message.stepDCheckedUncounted')
					: say('report.message.stepDChecked', { customers: check.customers })
		);
	}
	const from = facts.cardsFrom;
	if (from?.is === 'before-run') found.push(say('report.message.cardsBeforeRun'));
	else if (from?.is === 'other-rows' || from?.is === 'other-file') {
		const { fileName: importName, startedAt, rows } = from.imported;
		const date = dateTimeText(language, startedAt);
		found.push(from.is === 'other-rows' ? say('report.message.cardsOtherRows', { importName, date, rows, written: from.written }) : say('report.message.cardsOtherFile', { importName, date }));
	}
	return [
		say('report.message.subject'),
		'',
		say('report.message.greeting'),
		'',
		say('report.message.intro'),
		...found,
		'',
		say(facts.multiCardCount > 0 ? 'report.message.ask' : 'report.message.askNone'),
		say('report.message.attach')
	].join('\n');
}

/**
 * Where every multi-card customer is listed when the message names only some of them: the report's
 * own table (all of them, or its first `listedFindings`) for registered cards; step d's
 * reconciliation list (to be attached) for step d's figures.
 */
function whereAllAre(facts: SupportFacts, say: (key: 'report.message.allInTable' | 'report.message.firstInTable' | 'report.message.allInStepDList', params?: Record<string, number>) => string): string {
	if (facts.source === 'step-d') return say('report.message.allInStepDList');
	return facts.multiCardIds.length >= facts.multiCardCount ? say('report.message.allInTable') : say('report.message.firstInTable', { listed: facts.multiCardIds.length });
}
