import {
	fallbackNotification,
	newNotificationSchema,
	notificationSchema,
	type NewNotification,
	type Notification
} from '$lib/domain/records/notification';
import { salvageRecord } from '$lib/domain/records/salvage';
import { db } from './db';

function readNotification(stored: unknown): Notification | null {
	return salvageRecord<Notification>(notificationSchema, stored, fallbackNotification);
}

// Notices are few (one per upload or conversion): they are read whole and filtered in memory.
async function readAll(): Promise<Notification[]> {
	const all = (await db().notifications.toArray()).map(readNotification);
	return all.filter((notice) => notice !== null);
}

/** The bell's notices: validated on write; unreadable fields fall back on read, never a throw. */
export const notificationsRepository = {
	/** Stores a notice (unread, not starred unless said) and returns its id. */
	async add(notice: NewNotification): Promise<number> {
		return db().notifications.add(newNotificationSchema.parse(notice));
	},

	/** Every notice, or only the starred ones, newest first. */
	async list({ starredOnly = false }: { starredOnly?: boolean } = {}): Promise<Notification[]> {
		const notices = (await readAll()).filter((notice) => !starredOnly || notice.starred);
		return notices.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
	},

	/** How many notices are unread (the bell's badge). */
	async unreadCount(): Promise<number> {
		return (await readAll()).filter((notice) => !notice.read).length;
	},

	/** Marks one notice read. */
	async markRead(id: number): Promise<void> {
		await db().notifications.update(id, { read: true });
	},

	/** Marks every notice read. */
	async markAllRead(): Promise<void> {
		await db().notifications.toCollection().modify({ read: true });
	},

	/** Stars an unstarred notice or unstars a starred one; returns the new state (false when it is gone). */
	async toggleStar(id: number): Promise<boolean> {
		const d = db();
		return d.transaction('rw', d.notifications, async () => {
			const notice = readNotification(await d.notifications.get(id));
			if (!notice) return false;
			await d.notifications.update(id, { starred: !notice.starred });
			return !notice.starred;
		});
	}
};
