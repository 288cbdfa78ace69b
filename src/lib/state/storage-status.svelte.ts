import { workbench } from '$lib/workers/workbench-client';
import { loadStorage } from './lazy-storage';
import { languageStorageKey } from './locale.svelte';

/** How much this browser stores for the app, whether it is protected, and erasing it all. */
class StorageStatusState {
	usage = $state<number | null>(null);
	quota = $state<number | null>(null);
	persisted = $state(false);
	erased = $state(false);

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
	 * opened its next page in Japanese after tab A erased).
	 */
	async eraseAll() {
		await (await loadStorage()).eraseEverything();
		await workbench.ask('reload-registry', {});
		for (const key of Object.keys(localStorage)) if (key !== languageStorageKey) localStorage.removeItem(key);
		this.erased = true;
		await this.refresh();
	}
}

export const storageStatus = new StorageStatusState();
