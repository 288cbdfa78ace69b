import type { ReportFigures } from '$lib/domain/report/report-figures';
import { translate, type Language } from './index';
import { listText } from './plural';

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
 * migrate them — the source asks that they be reported to support before migrating (複数枚のカード).
 * Each line says where its figure comes from — the registered cards, or the return file converted at
 * step d — so it reads as the report's tables do, and a line says whether the last step d was checked
 * against the customer list of a・b (and how many customers it had). Customer IDs and counts only:
 * never a token nor a card number. Lines end in `\n`.
 */
export function supportMessage(language: Language, facts: SupportFacts, maxIds = namedCustomers): string {
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
	if (facts.expiredCount > 0) found.push(say(fromStepD ? 'report.message.expiredStepD' : 'report.message.expired', { count: facts.expiredCount }));
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
