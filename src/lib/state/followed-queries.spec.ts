import 'fake-indexeddb/auto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { CardFindings } from '$lib/registry/card-findings';

// The screens built on a followed query (Dexie's liveQuery through `watchStored`) read the database
// again whenever any tab changes what they show. Once a newer copy of the app opens the database at
// a higher version in another tab, this page closes its connection ('versionchange' in db.ts): Dexie's
// liveQuery then says nothing, so a screen opened afterwards said 読み込み中… for ever, and one already
// showing data kept it as if current. Each followed query must end with the reason instead
// ('database-closed'), whether the database closed before it follows or while it does, and leave no
// rejection unhandled (vitest fails the run on one).

// The report asks the worker for the registry's findings: an empty registry answers.
const none: CardFindings = { customers: 0, cards: 0, multiCardCount: 0, multiCard: [], expiredCount: 0, expired: [] };
vi.mock('$lib/workers/workbench-client', () => ({ workbench: { ask: async () => none }, CancelledError: class extends Error {} }));

// The suite's files share a module cache (vite.config.ts): the state modules are imported afresh over
// the real storage, and dropped after this file, so no file gets another's mocks in place of its own.
vi.resetModules();
afterAll(() => vi.resetModules());
const { historyView, RunProblems } = await import('./history.svelte');
const { notifications } = await import('./notifications.svelte');
const { migrationReport } = await import('./migration-report.svelte');
const { db, openDb } = await import('$lib/storage/db');
const { runRepository } = await import('$lib/storage/run-repository');
const { newEntry, useFreshDb } = await import('$lib/storage/test-records');

/** Opens the page's database in another "tab" at the next version, as a newer copy of the app does. */
async function upgradeElsewhere(): Promise<() => void> {
	const name = db().name;
	const version = await new Promise<number>((resolve, reject) => {
		const probe = indexedDB.open(name);
		probe.onerror = () => reject(probe.error);
		probe.onsuccess = () => (resolve(probe.result.version), probe.result.close());
	});
	const newer = await new Promise<IDBDatabase>((resolve, reject) => {
		const upgrade = indexedDB.open(name, version + 1);
		upgrade.onerror = () => reject(upgrade.error);
		upgrade.onsuccess = () => resolve(upgrade.result);
	});
	return () => newer.close();
}

let problems = new RunProblems(() => null);

/**
 * Each followed query: what its screen calls as it opens (its stop), whether it shows the data it
 * read, and the failure code it shows where that data would be.
 */
const followed: [string, (historyId: number) => () => void, () => boolean, () => string | null][] = [
	[
		'取り込み履歴: the list',
		() => {
			historyView.page = null;
			return historyView.watchPage();
		},
		() => historyView.page?.total === 1 && historyView.pageFailure === null,
		() => historyView.pageFailure
	],
	[
		'取り込み履歴: an opened entry',
		(id) => {
			historyView.open(id);
			return historyView.watchOpened();
		},
		() => historyView.opened?.fileName === 'customers.csv' && historyView.openedFailure === null,
		() => historyView.openedFailure
	],
	[
		"顧客管理: the last upload's problems",
		(id) => (problems = new RunProblems(() => id)).watch(),
		() => problems.entry?.fileName === 'customers.csv' && problems.failureCode === null,
		() => problems.failureCode
	],
	[
		"the bell's notices",
		() => {
			notifications.isLoaded = false;
			return notifications.watch();
		},
		() => notifications.isLoaded && notifications.notices.length === 1 && notifications.failureCode === null,
		() => (notifications.isLoaded ? notifications.failureCode : null)
	],
	[
		'移行レポート',
		() => {
			migrationReport.isLoaded = false;
			return migrationReport.show();
		},
		() => migrationReport.isLoaded && migrationReport.totalEntries === 1 && migrationReport.failureCode === null,
		() => (migrationReport.isLoaded ? migrationReport.failureCode : null)
	]
];

/**
 * How and when the database closes: by an upgrade elsewhere before the screen follows, or while it
 * follows and shows what it read; or under any read of the query (a closed connection nobody
 * announced, e.g. an open that failed): the query itself meets DatabaseClosedError, which Dexie's
 * liveQuery would drop.
 */
const moments: [string, boolean, () => Promise<() => void>][] = [
	['closed by an upgrade elsewhere before it follows', false, upgradeElsewhere],
	['closed by an upgrade elsewhere while it follows and shows data', true, upgradeElsewhere],
	['its reads meet a closed database', false, async () => (db().close(), () => {})]
];

const cases = followed.flatMap(([query, start, shows, failure]) =>
	moments.map(([moment, isShowing, close]) => [`${query} × ${moment}`, start, shows, failure, isShowing, close] as const)
);

// Waiting for the page's reads to arrive (no figure of time is asserted): generous, the machine is shared.
const until = (condition: () => void) => vi.waitFor(condition, { timeout: 20_000, interval: 5 });

let stop = () => {};
let closeNewer = () => {};
afterEach(() => {
	stop();
	closeNewer();
	historyView.open(null);
});

describe('a followed query of a closed database says why where its content would be', () => {
	it.each(cases)('%s', async (_name, start, shows, failure, isShowing, close) => {
		useFreshDb('followed-test');
		// One finished upload: a history entry and its notice.
		const historyId = await runRepository.begin(newEntry());
		await runRepository.record({ historyId, outcome: { status: 'done', rows: 1, succeeded: 1 } });
		await openDb();
		if (isShowing) {
			stop = start(historyId);
			await until(() => expect(shows()).toBe(true));
		}
		closeNewer = await close();
		if (!isShowing) stop = start(historyId);
		await until(() => expect(failure()).toBe('database-closed'));
		expect(shows()).toBe(false);
	});
});

// The bell's panel changes its notices without awaiting (closing it marks what it showed read): on a
// closed database such a change says why in the panel, above the notices it keeps, and leaves no
// rejection unhandled.
describe("a change of the bell's notices on a closed database says why in the panel", () => {
	it.each<[string, (noticeId: number) => Promise<void>]>([
		['the panel closes: the notices it showed are marked read', () => notifications.markShownRead()],
		['すべて既読にする', () => notifications.markAllRead()],
		['a star', (noticeId) => notifications.toggleStar(noticeId)]
	])('%s', async (_name, change) => {
		useFreshDb('bell-write-test');
		const historyId = await runRepository.begin(newEntry());
		await runRepository.record({ historyId, outcome: { status: 'done', rows: 1, succeeded: 1 } });
		notifications.isLoaded = false;
		const following = notifications.watch();
		await until(() => expect(notifications.isLoaded && notifications.notices.length === 1 && notifications.failureCode === null).toBe(true));
		// Stopped before the close: only the change can say why.
		following();
		db().close();
		const listed = notifications.notices;
		await change(listed[0].id);
		// Said above the notices, which stay listed: they were read; only the change was lost.
		expect([notifications.writeFailureCode, notifications.failureCode, notifications.notices]).toEqual(['database-closed', null, listed]);
	});
});
