import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { failureText } from '$lib/i18n/failures';

// Every screen reads IndexedDB as it opens (the settings, the history, the bell's notices, the
// registry's size through the worker). Such a read can fail: a newer copy of the app upgraded the
// database in another tab (this tab's connection is then closed: DatabaseClosedError), the browser's
// storage is full, anything else. Each start-up read must then keep the reason to show where its
// content would be — never 読み込み中… for ever, never a rejection nobody handles.

// The storage as a failing database gives it: every read rejects with `failure` (when set), else answers `answer`.
let failure: unknown = null;
let answer: unknown = undefined;
const rejecting = () => (failure === null ? Promise.resolve(answer) : Promise.reject(failure));
const repository = new Proxy({}, { get: () => rejecting });
const storage = new Proxy({}, { get: () => repository });
// Errors of a followed query nobody listens to: Dexie's liveQuery would leave them unhandled.
const unheard: unknown[] = [];
vi.mock('./lazy-storage', () => ({
	loadStorage: async () => storage,
	watchStored: <T>(query: (parts: unknown) => Promise<T>, next: (value: T) => void, error?: (reason: unknown) => void) => {
		query(storage).then(next, error ?? ((reason: unknown) => unheard.push(reason)));
		return () => {};
	}
}));
// The worker reads the same database: its answers fail the same way.
vi.mock('$lib/workers/workbench-client', () => ({ workbench: { ask: rejecting } }));

// The suite's files share a module cache (vite.config.ts): the state modules are imported afresh over
// the failing storage, and dropped after this file, so no file gets another's in place of its own mocks.
vi.resetModules();
afterAll(() => vi.resetModules());
const { paymentSettings, settingsForm } = await import('./settings.svelte');
const { bulkUpload } = await import('./bulk-upload.svelte');
const { migration } = await import('./migration.svelte');
const { historyView, RunProblems } = await import('./history.svelte');
const { notifications } = await import('./notifications.svelte');
const { migrationReport } = await import('./migration-report.svelte');
const { customerSearch } = await import('./customer-search.svelte');
const { ProblemList } = await import('./problem-list.svelte');
const problemList = new ProblemList(() => 'linkage-1');

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
let problems = new RunProblems(() => null);

/**
 * Each start-up loader: what its screen calls as it opens, and where it keeps the reason it failed
 * (what the screen shows in place of the content).
 */
const loaders: [string, () => unknown, () => string | null][] = [
	['支払い方法設定: the settings form', () => settingsForm.load(), () => (settingsForm.status === 'unreadable' ? paymentSettings.readFailure : null)],
	['顧客管理: 一括登録 reads the settings', () => bulkUpload.loadSettings(), () => paymentSettings.readFailure],
	['カード情報移行: the settings', () => migration.loadSettings(), () => paymentSettings.readFailure],
	['カード情報移行: step b reads the registry size', () => migration.loadRegistrySize(), () => (migration.registrySizeKnown ? migration.registrySizeFailure : null)],
	['取り込み履歴: the list', () => historyView.watchPage(), () => historyView.pageFailure],
	[
		'取り込み履歴: an opened entry',
		() => {
			historyView.open(1);
			return historyView.watchOpened();
		},
		() => historyView.openedFailure
	],
	['顧客管理: the last upload\'s problems', () => (problems = new RunProblems(() => 1)).watch(), () => problems.failureCode],
	['the bell\'s notices', () => notifications.watch(), () => (notifications.isLoaded ? notifications.failureCode : null)],
	['カード情報移行: a result\'s problem list', () => problemList.load(), () => problemList.failureCode],
	['移行レポート', () => migrationReport.show(), () => (migrationReport.isLoaded ? migrationReport.failureCode : null)],
	['顧客一覧(検索)', () => customerSearch.refresh(), () => customerSearch.failureCode]
];

/** Failing storages: the error a read rejects with, and the failure code the screen shows. */
const named = (name: string) => Object.assign(new Error('storage'), { name });
const storages: [string, unknown, string][] = [
	['the database closed by a newer copy in another tab', named('DatabaseClosedError'), 'database-closed'],
	['the browser storage full', named('QuotaExceededError'), 'quota-exceeded'],
	['a failure nobody foresaw', new TypeError('Cannot read properties of undefined'), 'unknown']
];

const cases = loaders.flatMap(([loader, start, shown]) => storages.map(([storage, error, code]) => [`${loader} × ${storage}`, start, shown, error, code] as const));

beforeEach(() => {
	unheard.length = 0;
	paymentSettings.readFailure = null;
});
afterEach(() => {
	failure = null;
	answer = undefined;
	historyView.open(null);
});

describe('a start-up read of a failing storage says why where its content would be', () => {
	it.each(cases)('%s', async (_name, start, shown, error, code) => {
		failure = error;
		// A loader's promise resolves (a rejection fails the test here): nothing is left unhandled.
		const started = await start();
		await settle();
		expect(unheard).toEqual([]);
		expect(shown()).toBe(code);
		if (typeof started === 'function') started();
	});

	it('the reason of a closed database says to reload, in both languages', () => {
		expect(failureText('database-closed', 'ja')).toContain('再読み込み');
		expect(failureText('database-closed', 'en')).toContain('Reload');
	});
});

describe('a start-up read that succeeds again clears the reason', () => {
	it('the settings form: unreadable, then the form once the settings can be read', async () => {
		failure = named('DatabaseClosedError');
		await settingsForm.load();
		expect(settingsForm.status).toBe('unreadable');
		failure = null;
		answer = { ...paymentSettings.saved, merchantCode: '12345678' };
		await settingsForm.load();
		expect(settingsForm.status).toBe('ready');
		expect(paymentSettings.readFailure).toBeNull();
		expect(settingsForm.values.merchantCode).toBe('12345678');
	});
});
