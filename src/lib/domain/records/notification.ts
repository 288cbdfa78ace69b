import { z } from '../zod';
import { historyKinds } from './history-entry';
import { problemRecordSchema } from './problem-record';

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
	/** The first warnings of the run (at most `listedWarnings`), so the bell says which rows and why. */
	listedWarnings: z.optional(z.array(problemRecordSchema).check(z.maxLength(3)))
});
export type CompletionReport = z.infer<typeof completionReportSchema>;

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
