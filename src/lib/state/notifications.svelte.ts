import { watch as liveQuery } from '$lib/storage/watch';
import type { Notification } from '$lib/domain/records/notification';
import { notificationsRepository } from '$lib/storage/notifications-repository';

/**
 * The bell 通知: notices newest first, the unread count, the starred filter. Kept live with
 * Dexie's liveQuery, which also sees notices written by the worker and by other tabs.
 */
class NotificationsState {
	notices = $state.raw<Notification[]>([]);
	unread = $state(0);
	starredOnly = $state(false);
	isLoaded = $state(false);

	/** Follows the database for the current filter; returns the unsubscribe (an effect's teardown). */
	watch(): () => void {
		const starredOnly = this.starredOnly;
		const query = liveQuery(async () => ({
			notices: await notificationsRepository.list({ starredOnly }),
			unread: await notificationsRepository.unreadCount()
		}));
		const subscription = query.subscribe({
			next: ({ notices, unread }) => {
				this.notices = notices;
				this.unread = unread;
				this.isLoaded = true;
			},
			error: () => {
				this.isLoaded = true;
			}
		});
		return () => subscription.unsubscribe();
	}

	/**
	 * The panel closes: the notices it showed are read from now on. While it is open they keep
	 * their 新着 label and the count, so 「すべて既読にする」 has something to do.
	 */
	async markShownRead() {
		const shown = this.notices.filter((notice) => !notice.read).map((notice) => notice.id);
		await Promise.all(shown.map((id) => notificationsRepository.markRead(id)));
	}

	async markAllRead() {
		await notificationsRepository.markAllRead();
	}

	async toggleStar(id: number) {
		await notificationsRepository.toggleStar(id);
	}
}

export const notifications = new NotificationsState();
