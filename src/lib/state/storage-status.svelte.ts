import { errorCodeOf } from '$lib/domain/records/failure-code';
import { workbench } from '$lib/workers/workbench-client';
import { loadStorage } from './lazy-storage';
import { languageStorageKey } from './locale.svelte';
import { FailedAfterErasing } from './page-runs';

/** How much this browser stores for the app, whether it is protected, and erasing it all. */
class StorageStatusState {
	usage = $state<number | null>(null);
	quota = $state<number | null>(null);
	persisted = $state(false);
	erased = $state(false);
	/**
	 * Why the last 「すべてのデータを消去」 failed (a failure code), and whether the data was erased
	 * before it did; null when it did not fail. Kept here, not in the card, so it still shows when
	 * the operator comes back to the settings from a page whose run says to look at it.
	 */
	eraseFailure = $state<{ code: string; erased: boolean } | null>(null);

	async refresh() {
		if (!navigator.storage) return;
		const estimate = await navigator.storage.estimate();
		this.usage = estimate.usage ?? null;
		this.quota = estimate.quota ?? null;
		this.persisted = await navigator.storage.persisted();
	}

	/** Asks the browser not to clear the app's data when space runs low. */
	async requestPersistence() {
		if (!navigator.storage?.persist) return;
		this.persisted = await navigator.storage.persist();
	}

	/**
	 * 「すべてのデータを消去」: every table, the worker's in-memory registry, and what else this page
	 * keeps in localStorage — but the display language, which is no data of the shop (the confirmation
	 * names settings, customers, cards, history and notices): every tab, this one included, stays in
	 * the language it shows, and the next page opens in it too (operator trial: tab B, in English,
	 * opened its next page in Japanese after tab A erased). Rejects when it failed, saying why in
	 * `eraseFailure`: with what the tables threw when nothing was erased, with `FailedAfterErasing`
	 * when a step after the tables' erase failed.
	 */
	async eraseAll() {
		this.erased = false;
		this.eraseFailure = null;
		try {
			await (await loadStorage()).eraseEverything();
		} catch (error) {
			// One transaction: nothing was erased.
			this.eraseFailure = { code: errorCodeOf(error), erased: false };
			throw error;
		}
		this.erased = true;
		try {
			await workbench.ask('reload-registry', {});
			for (const key of Object.keys(localStorage)) if (key !== languageStorageKey) localStorage.removeItem(key);
			await this.refresh();
		} catch (error) {
			this.eraseFailure = { code: errorCodeOf(error), erased: true };
			throw new FailedAfterErasing(this.eraseFailure.code);
		}
	}
}

export const storageStatus = new StorageStatusState();
