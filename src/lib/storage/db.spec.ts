import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { defaultPaymentSettings } from '$lib/domain/settings';
import { cardTextsOf } from '$lib/domain/records/card-bytes';
import { onOpenBlocked, openDb, useDb, WorkbenchDb } from './db';
import { historyRepository } from './history-repository';
import { registryRepository } from './registry-repository';
import { runRepository } from './run-repository';
import { settingsRepository } from './settings-repository';
import { cardColumns, fingerprintOf, newEntry, numberedCustomers } from './test-records';

describe('WorkbenchDb upgrades', () => {
	it('keeps the settings of a version 1 database and adds the version 2 tables', async () => {
		const name = `upgrade-test-${Date.now()}`;
		const v1 = new Dexie(name);
		v1.version(1).stores({ settings: 'key' });
		const saved = { ...defaultPaymentSettings, merchantCode: '12345678', accessKey: 'abc' };
		await v1.table('settings').put({ key: 'payment', value: saved });
		v1.close();

		const upgraded = new WorkbenchDb(name);
		useDb(upgraded);
		expect(await settingsRepository.getPayment()).toEqual(saved);
		expect(upgraded.verno).toBe(7);
		expect(upgraded.tables.map((table) => table.name).sort()).toEqual(
			['cardChunks', 'customerChunks', 'history', 'meta', 'notifications', 'settings'].sort()
		);
		expect((await registryRepository.loadIndex()).customerCount).toBe(0);
		expect((await historyRepository.query()).total).toBe(0);
		upgraded.close();
	});

	it('keeps a version 2 history entry readable: its Japanese failures become problems with a legacy text', async () => {
		const name = `upgrade-v2-test-${Date.now()}`;
		const v2 = new Dexie(name);
		v2.version(1).stores({ settings: 'key' });
		v2.version(2).stores({ customerChunks: '++id, uploadId, firstSeq', cardChunks: '++id, uploadId', history: '++id, startedAt, fileName, status', notifications: '++id, createdAt', meta: 'key' });
		const message = '3行目の有効期限「2813」は月が13です。YYMM形式（例：2912）で入力してください。';
		const id = (await v2.table('history').add({
			kind: 'card-file', fileName: 'old.csv', size: 10, sha256: '', encoding: 'utf-8', startedAt: 1, rows: 3,
			succeeded: 2, failed: 1, warnings: 0, skipped: 0, status: 'errors', failedRows: [3],
			failures: [{ row: 3, column: 4, code: 'bad-month', message }]
		})) as number;
		v2.close();

		useDb(new WorkbenchDb(name));
		expect(await historyRepository.get(id)).toMatchObject({
			fileName: 'old.csv',
			errors: 1,
			failedRows: [3],
			problems: [{ row: 3, column: 4, severity: 'error', code: 'bad-month', params: { legacyText: message } }]
		});
	});
});

describe('WorkbenchDb version 5', () => {
	it('drops the stored card keys of version 4, keeps every card, and still skips a stored card', async () => {
		const name = `upgrade-v4-test-${Date.now()}`;
		const v4 = new Dexie(name);
		v4.version(4).stores({ settings: 'key', customerChunks: '++id, uploadId, firstSeq', cardChunks: '++id, uploadId, &*cardKeys', history: '++id, startedAt, fileName, status', notifications: '++id, createdAt', meta: 'key' });
		await v4.table('customerChunks').add({ ...numberedCustomers(2), uploadId: 1, firstSeq: 0, count: 2 });
		const cards = cardColumns([{ customerSeq: 0 }, { customerSeq: 1, fingerprint: fingerprintOf('b') }]);
		// Version 4 stored the cards as texts.
		const texts = cardTextsOf(cards);
		await v4.table('cardChunks').add({ ...texts, uploadId: 2, cardKeys: texts.customerSeqs.map((seq, at) => `${seq}:${texts.fingerprints[at]}`) });
		v4.close();

		const upgraded = new WorkbenchDb(name);
		useDb(upgraded);
		const [stored] = await upgraded.cardChunks.toArray();
		expect(upgraded.verno).toBe(7);
		expect(stored).not.toHaveProperty('cardKeys');
		expect(upgraded.cardChunks.schema.indexes.map((index) => index.name)).toEqual(['uploadId']);
		expect((await registryRepository.loadIndex()).cardCount).toBe(2);
		const historyId = await runRepository.begin(newEntry({ kind: 'cards' }));
		const again = await runRepository.record({ historyId, cards, outcome: { status: 'done', rows: 2, succeeded: 2 } });
		expect(again.alreadyStored).toBe(2);
		upgraded.close();
	});
});

// Dexie says 'blocked' once; the page's banner may subscribe only after another module started the
// open, so a subscription while the open is blocked hears it at once, and none once it completed.
describe('onOpenBlocked', () => {
	it('tells a listener subscribed after the block at once, and none once the open completed', async () => {
		const name = `blocked-test-${Date.now()}`;
		const older = new Dexie(name);
		older.version(1).stores({ settings: 'key' });
		older.on('versionchange', () => false);
		await older.open();
		useDb(new WorkbenchDb(name));
		let first = 0;
		const heard = new Promise<void>((resolve) => onOpenBlocked(() => (first++, resolve())));
		const opening = openDb();
		await heard;
		let late = 0;
		const stop = onOpenBlocked(() => late++);
		expect([first, late]).toEqual([1, 1]);
		stop();
		older.close();
		await opening;
		let afterOpen = 0;
		onOpenBlocked(() => afterOpen++);
		expect([first, late, afterOpen]).toEqual([1, 1, 0]);
	});
});

// IndexedDB runs the opens of one database one at a time, whichever tab or worker makes them; only
// the open at the head of the queue hears 'blocked'. Each case is another context of the app (its own
// copy of this module, as a tab or a worker has: a page whose worker opened first, a second tab)
// whose open waits behind a blocked one, started before or after the block and subscribed before or
// after its open: each is told once, and none once its open completed.
describe('onOpenBlocked across the contexts of the app', () => {
	type DbModule = typeof import('./db');
	async function context(name: string): Promise<DbModule> {
		vi.resetModules();
		const module = await import('./db');
		module.useDb(new module.WorkbenchDb(name));
		return module;
	}
	async function olderCopy(name: string): Promise<Dexie> {
		const older = new Dexie(name);
		older.version(1).stores({ settings: 'key' });
		older.on('versionchange', () => false);
		await older.open();
		return older;
	}
	const cases = [
		['opens before the block is heard, subscribes first', 'before', 'subscribe-then-open'],
		['opens after the block, subscribes first', 'after', 'subscribe-then-open'],
		['opens after the block, subscribes after its open started', 'after', 'open-then-subscribe']
	] as const;

	it.each(cases)('a context that %s is told, and opens once the older copy closes', async (_, when, order) => {
		const name = `blocked-queue-${Date.now()}-${Math.random()}`;
		const older = await olderCopy(name);
		const first = await context(name);
		const firstHeard = new Promise<void>((resolve) => first.onOpenBlocked(resolve));
		const firstOpening = first.openDb();
		if (when === 'after') await firstHeard;

		const queued = await context(name);
		let heard = 0;
		let queuedOpening: Promise<void> = Promise.resolve();
		await new Promise<void>((resolve) => {
			const listen = () => queued.onOpenBlocked(() => (heard++, resolve()));
			if (order === 'subscribe-then-open') listen();
			queuedOpening = queued.openDb();
			if (order === 'open-then-subscribe') listen();
		});
		expect(heard).toBe(1);
		older.close();
		await firstOpening;
		await queuedOpening;
		// Once its open completed, a subscription asks no one and is told nothing.
		let afterOpen = 0;
		queued.onOpenBlocked(() => afterOpen++);
		expect([heard, afterOpen]).toEqual([1, 0]);
		queued.db().close();
		first.db().close();
	});

	// A page open at this version when a newer copy's upgrade is blocked by an older one: it steps
	// aside (its banner asks for a reload) and must not also say "close the older tab". Subscribed
	// before its open, as the banner is; a witness context that never opened hears the same word.
	it('a context whose open completed is not told of a block elsewhere', async () => {
		const name = `blocked-after-open-${Date.now()}`;
		const done = await context(name);
		let heard = 0;
		done.onOpenBlocked(() => heard++);
		await done.openDb();
		const witness = await context(name);
		const witnessHeard = new Promise<void>((resolve) => witness.onOpenBlocked(resolve));
		// An older copy's connection at this version that never steps aside, and a newer copy's open.
		const older = new Dexie(name);
		older.version(7).stores({});
		older.on('versionchange', () => false);
		await older.open();
		const newer = await context(name);
		class NewerDb extends newer.WorkbenchDb {
			constructor() {
				super(name);
				this.version(8).stores({});
			}
		}
		newer.useDb(new NewerDb());
		const newerOpening = newer.openDb();
		await witnessHeard;
		expect(heard).toBe(0);
		older.close();
		await newerOpening;
		newer.db().close();
	});
});
