import type { Page } from '@playwright/test';
import { importLockName } from '../../src/lib/workers/import-lock';

/** Everything the app keeps in IndexedDB, as one JSON text per store (read raw, not through the app). */
export async function dumpIndexedDb(page: Page): Promise<Record<string, string>> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('webcollect-workbench');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const dump: Record<string, string> = {};
		for (const name of Array.from(db.objectStoreNames)) {
			const rows = await new Promise<unknown[]>((resolve, reject) => {
				const request = db.transaction(name).objectStore(name).getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			// Typed columns (card chunks from v6 on) as plain arrays, and byte arrays also as the text of
			// their bytes: a token written as ASCII bytes is still found by a search of the dump.
			dump[name] = JSON.stringify(rows, (_key, value: unknown) => {
				if (value instanceof Uint8Array) return { bytes: Array.from(value), text: String.fromCharCode(...value) };
				return ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value;
			});
		}
		db.close();
		return dump;
	});
}

/** A customer export of `count` rows, for uploads that must take a while (addresses vary, so they
 * do not compress away in the browser's storage). */
export function bigCustomerFile(count: number): string {
	const lines = ['旧カートの顧客番号,氏名,メールアドレス,住所'];
	let seed = 12345;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
	for (let i = 0; i < count; i++) {
		lines.push(`B${i},顧客 ${i},c${i}@example.jp,東京都${next().toString(36)}${next().toString(36)}`);
	}
	return lines.join('\r\n');
}

/**
 * Holds the app's IndexedDB store `store` busy in a write transaction of `page` (a transaction stays
 * open while it has requests: a count is asked again after each answer) until the returned function
 * lets it go and closes the connection: whatever else reads or writes that store waits meanwhile,
 * however fast the machine. Waits first for the app to have made its database, and for every page's
 * start-up sweep (中断 entries: it takes the import lock and the history store for a moment) to be
 * over, so that the job under test, not a sweep, is what waits on the hold. Resolves once the
 * transaction holds the store.
 */
export async function holdStore(page: Page, store: string): Promise<() => Promise<void>> {
	await page.evaluate(
		async ([name, lockName]) => {
			const sweeping = async () => {
				const { held = [], pending = [] } = await navigator.locks.query();
				return [...held, ...pending].some((lock) => lock.name === lockName);
			};
			while (await sweeping()) await new Promise((wait) => setTimeout(wait, 50));
			// Until the app has made its database with that store: an open of a database that does not exist
			// yet would make an empty one (version 1, no stores) under the app's feet (failed once on a page
			// whose app had not opened it yet: 'One of the specified object stores was not found').
			const made = async () =>
				(await indexedDB.databases()).some((known) => known.name === 'webcollect-workbench') &&
				(await new Promise<boolean>((answer) => {
					const probe = indexedDB.open('webcollect-workbench');
					probe.onerror = () => answer(false);
					probe.onsuccess = () => (answer(probe.result.objectStoreNames.contains(name)), probe.result.close());
				}));
			while (!(await made())) await new Promise((wait) => setTimeout(wait, 50));
			return new Promise<void>((resolve, reject) => {
				const opening = indexedDB.open('webcollect-workbench');
				opening.onerror = () => reject(opening.error);
				opening.onsuccess = () => {
					const db = opening.result;
					const held = db.transaction(name, 'readwrite').objectStore(name);
					const state = window as unknown as { storeHeld?: boolean };
					state.storeHeld = true;
					const ask = () => {
						if (state.storeHeld) held.count().onsuccess = ask;
						else db.close();
					};
					held.count().onsuccess = () => (ask(), resolve());
				};
			});
		},
		[store, importLockName] as const
	);
	return () => page.evaluate(() => void ((window as unknown as { storeHeld?: boolean }).storeHeld = false));
}

/**
 * True while the import lock is held or asked for in `page`'s origin: a page's start-up sweep (中断
 * entries) takes it and the history store for a moment; a test that holds a store waits for this to
 * be false first, so that the job under test, not the sweep, is the one that waits on the hold.
 */
export function isImportLockUsed(page: Page): Promise<boolean> {
	return page.evaluate(async (name) => {
		const { held = [], pending = [] } = await navigator.locks.query();
		return [...held, ...pending].some((lock) => lock.name === name);
	}, importLockName);
}

/**
 * A newer copy of the app in another tab: `newer` (a page of the same context) opens the app's
 * database raw at one version more and keeps it open, as such a tab would. Every connection of the
 * app then gets 'versionchange' and steps aside (its banner asks for a reload). `until`: 'asked'
 * returns once the upgrade is asked for (a held store may keep it waiting), 'done' once it is made.
 */
export async function upgradeElsewhere(newer: Page, until: 'asked' | 'done'): Promise<void> {
	await newer.goto('/favicon.svg');
	await newer.evaluate(
		(awaitUpgrade) =>
			new Promise<void>((resolve, reject) => {
				const probe = indexedDB.open('webcollect-workbench');
				probe.onerror = () => reject(probe.error);
				probe.onsuccess = () => {
					const version = probe.result.version;
					probe.result.close();
					const upgrade = indexedDB.open('webcollect-workbench', version + 1);
					if (!awaitUpgrade) return resolve();
					upgrade.onerror = () => reject(upgrade.error);
					upgrade.onsuccess = () => resolve();
				};
			}),
		until === 'done'
	);
}
