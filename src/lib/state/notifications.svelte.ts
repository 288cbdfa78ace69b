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
	/** Notices that were unread when the panel opened: marked read, still shown as new until it closes. */
	fresh = $state.raw<ReadonlySet<number>>(new Set());

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

	/** The panel opens: the notices it shows are read now, and stay marked new while it is open. */
	async markShownRead() {
		const shown = this.notices.filter((notice) => !notice.read).map((notice) => notice.id);
		this.fresh = new Set(shown);
		await Promise.all(shown.map((id) => notificationsRepository.markRead(id)));
	}

	/** The panel closes: nothing is new any more. */
	forgetFresh() {
		this.fresh = new Set();
	}

	async markAllRead() {
		await notificationsRepository.markAllRead();
	}

	async toggleStar(id: number) {
		await notificationsRepository.toggleStar(id);
	}
}

export const notifications = new NotificationsState();
