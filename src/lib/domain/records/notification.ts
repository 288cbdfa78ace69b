import { z } from '../zod';
import { historyKinds } from './history-entry';
import { problemRecordSchema, type ProblemRecord } from './problem-record';

const count = z.int().check(z.nonnegative());

/** The completion report a notice shows (rows read, registered, skipped, errors, warnings). */
export const completionReportSchema = z.object({
	rows: count,
	registered: count,
	skipped: count,
	errors: count,
	warnings: count,
	/** True when the run was interrupted (中断) and so registered or wrote nothing; absent on older notices. */
	interrupted: z.optional(z.boolean()),
	/** Notices stored before 2026-12-01: the first warnings of the run (at most 3), errors never listed. */
	listedWarnings: z.optional(z.array(problemRecordSchema).check(z.maxLength(3))),
	// 2026-12-01: the first problems of the run, errors before warnings (at most 3), and how many error
	// problems the run had (`errors` counts failed rows), so the bell quotes an error whenever there is one.
	listedProblems: z.optional(z.array(problemRecordSchema).check(z.maxLength(3))),
	errorProblems: z.optional(count)
});
export type CompletionReport = z.infer<typeof completionReportSchema>;

export { noticeProblems, type NoticeProblems } from './notice-problems';

/** A notice before it is stored; unread and not starred unless said otherwise. */
export const newNotificationSchema = z.object({
	createdAt: z.number(),
	historyId: z.int().check(z.positive()),
	kind: z.enum(historyKinds),
	fileName: z.string(),
	report: completionReportSchema,
	read: z._default(z.boolean(), false),
	starred: z._default(z.boolean(), false)
});
export type NewNotification = z.input<typeof newNotificationSchema>;

/** One notice of the bell 通知 (2026-11-29: one per finished upload or conversion). */
export const notificationSchema = z.extend(newNotificationSchema, { id: z.int().check(z.positive()) });
export type Notification = z.infer<typeof notificationSchema>;

/** What an unreadable stored notice shows where a field cannot be read. */
export const fallbackNotification: Omit<Notification, 'id'> = {
	createdAt: 0,
	historyId: 0,
	kind: 'customers',
	fileName: '',
	report: { rows: 0, registered: 0, skipped: 0, errors: 0, warnings: 0 },
	read: true,
	starred: false
};
