import { loadStorage } from './lazy-storage';
import { startLazily } from './start-lazily';

/**
 * Whether this page can reach the database: `blocked` while an older copy of the app, open in
 * another tab, keeps it at an older schema version (the page then says to close that tab instead of
 * showing 読み込み中… forever); it clears by itself once that tab is closed and the open completes.
 */
class DatabaseAccess {
	blocked = $state(false);

	/**
	 * Opens the database and follows blocking, once the storage layer has loaded (after the first
	 * paint: Dexie stays out of a screen's first load); returns the stop function at once.
	 */
	start(): () => void {
		return startLazily(loadStorage, ({ onOpenBlocked, openDb }) => {
			const stop = onOpenBlocked(() => (this.blocked = true));
			openDb().then(
				() => (this.blocked = false),
				() => undefined
			);
			return stop;
		});
	}
}

export const databaseAccess = new DatabaseAccess();
