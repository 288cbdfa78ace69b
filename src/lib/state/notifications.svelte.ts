import type { Notification } from '$lib/domain/records/notification';
import { errorCodeOf } from '$lib/domain/records/failure-code';
import { loadStorage, watchStored } from './lazy-storage';

// The bell is on every screen: its notices come with the storage layer, after the first paint
// (issue 14); the count shows once they are read.
const repository = async () => (await loadStorage()).notificationsRepository;

/**
 * The bell 通知: notices newest first, the unread count, the starred filter. Kept live with
 * Dexie's liveQuery, which also sees notices written by the worker and by other tabs. The
 * storage modules load on the first watch, not with the page.
 */
class NotificationsState {
	notices = $state.raw<Notification[]>([]);
	unread = $state(0);
	starredOnly = $state(false);
	isLoaded = $state(false);
	/** Why the notices could not be read (a failure code, e.g. 'database-closed'), or null: the panel says so in their place. */
	failureCode = $state<string | null>(null);
	/**
	 * Why the last change of the notices (read, star) failed, or null once one succeeds: the panel says
	 * so above the notices, which stay listed (they were read; only the change was lost).
	 */
	writeFailureCode = $state<string | null>(null);

	/** Follows the database for the current filter; returns the unsubscribe (an effect's teardown). */
	watch(): () => void {
		const starredOnly = this.starredOnly;
		return watchStored(
			async ({ notificationsRepository }) => ({
				notices: await notificationsRepository.list({ starredOnly }),
				unread: await notificationsRepository.unreadCount()
			}),
			({ notices, unread }) => {
				this.notices = notices;
				this.unread = unread;
				this.isLoaded = true;
				this.failureCode = null;
			},
			(error) => {
				this.failureCode = errorCodeOf(error);
				this.isLoaded = true;
			}
		);
	}

	/**
	 * The panel closes: the notices it showed are read from now on. While it is open they keep
	 * their 新着 label and the count, so 「すべて既読にする」 has something to do.
	 */
	async markShownRead() {
		const shown = this.notices.filter((notice) => !notice.read).map((notice) => notice.id);
		await this.write((notices) => Promise.all(shown.map((id) => notices.markRead(id))));
	}

	async markAllRead() {
		await this.write((notices) => notices.markAllRead());
	}

	async toggleStar(id: number) {
		await this.write((notices) => notices.toggleStar(id));
	}

	/**
	 * Runs one change of the notices. A failure (e.g. the database closed by a newer copy's upgrade in
	 * another tab) is said in the panel (`writeFailureCode`), never left unhandled: the panel calls
	 * these without awaiting them.
	 */
	private async write(change: (notices: Awaited<ReturnType<typeof repository>>) => Promise<unknown>): Promise<void> {
		try {
			await change(await repository());
			this.writeFailureCode = null;
		} catch (error) {
			this.writeFailureCode = errorCodeOf(error);
		}
	}
}

export const notifications = new NotificationsState();
