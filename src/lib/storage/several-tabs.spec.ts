import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { cardTextsOf } from '$lib/domain/records/card-bytes';
import { useDb, WorkbenchDb } from './db';
import { eraseEverything } from './erase-everything';
import { historyRepository } from './history-repository';
import { registryRepository } from './registry-repository';
import { runRepository } from './run-repository';
import { cardColumns, fingerprintOf, newEntry, numberedCustomers, useFreshDb } from './test-records';

// SPEC "Several tabs": IndexedDB is the one truth; a tab's memory never decides what is stored.
let database: WorkbenchDb;
beforeEach(() => {
	database = useFreshDb('tabs-test');
});

const done = { status: 'done' as const, rows: 1, succeeded: 1 };

async function registerCustomers(count: number) {
	const historyId = await runRepository.begin(newEntry());
	await runRepository.record({ historyId, customers: numberedCustomers(count), outcome: { ...done, rows: count, succeeded: count } });
}

async function importCards(cards: ReturnType<typeof cardColumns>, expectedStamp?: string) {
	const historyId = await runRepository.begin(newEntry({ kind: 'cards' }));
	const outcome = { ...done, rows: cards.customerSeqs.length, succeeded: cards.customerSeqs.length };
	return { historyId, recorded: await runRepository.record({ historyId, cards, outcome, expectedStamp }) };
}

describe('the registry stamp', () => {
	it.each<[string, () => Promise<unknown>]>([
		['customers registered', () => registerCustomers(1)],
		['cards imported', () => importCards(cardColumns([{ customerSeq: 0, fingerprint: fingerprintOf('e') }]))],
		['everything erased', () => eraseEverything()]
	])('moves on when %s elsewhere', async (_name, change) => {
		await registerCustomers(2);
		await importCards(cardColumns([{ customerSeq: 1 }]));
		const { stamp } = await registryRepository.load();
		await change();
		expect(await registryRepository.stamp()).not.toBe(stamp);
	});

	it('is the same when nothing was written', async () => {
		await registerCustomers(2);
		const { stamp } = await registryRepository.load();
		await historyRepository.query();
		expect(await registryRepository.stamp()).toBe(stamp);
	});

	it.each<[string, (stale: string) => Promise<unknown>]>([
		['customers', async (stale) => {
			const historyId = await runRepository.begin(newEntry());
			return runRepository.record({ historyId, customers: numberedCustomers(1, 10), outcome: done, expectedStamp: stale });
		}],
		['cards', (stale) => importCards(cardColumns([{ customerSeq: 0, fingerprint: fingerprintOf('c') }]), stale)]
	])('makes a write of %s checked against a stale registry fail with a code, storing nothing', async (_kind, write) => {
		await registerCustomers(2);
		const { stamp: stale } = await registryRepository.load();
		await importCards(cardColumns([{ customerSeq: 0 }]));
		const before = await registryRepository.load();
		await expect(write(stale)).rejects.toThrow('registry-changed');
		const after = await registryRepository.load();
		expect([after.index.customerCount, after.index.cardCount, after.stamp]).toEqual([before.index.customerCount, before.index.cardCount, before.stamp]);
	});
});

describe('cards checked inside the write transaction', () => {
	it('skips every card the database already holds, whatever the caller believed', async () => {
		await registerCustomers(3);
		const cards = cardColumns([0, 1, 2].map((seq) => ({ customerSeq: seq, fingerprint: fingerprintOf(String(seq + 1)) })));
		await importCards(cards);
		const { historyId, recorded } = await importCards(cards);
		expect(recorded.alreadyStored).toBe(3);
		expect(await historyRepository.get(historyId)).toMatchObject({ succeeded: 0, skipped: 3 });
		expect((await registryRepository.loadIndex()).cardCount).toBe(3);
	});

	it('stores a card repeated in one run once, and the same token on another customer as its own card', async () => {
		await registerCustomers(2);
		const cards = cardColumns([{ customerSeq: 0 }, { customerSeq: 1 }, { customerSeq: 0 }]);
		const { recorded } = await importCards(cards);
		expect(recorded.alreadyStored).toBe(1);
		const index = await registryRepository.loadIndex();
		expect([index.cardsOf(0).length, index.cardsOf(1).length]).toEqual([1, 1]);
	});

	// The class: whichever tabs write whatever cards in whatever order, even at the same time, a
	// customer never holds the same card twice; the database keeps the first copy of each card.
	it('never stores a card twice on one customer, whatever imports run side by side', async () => {
		const card = fc.record({ customerSeq: fc.integer({ min: 0, max: 2 }), fingerprint: fc.constantFrom('1', '2', '3').map(fingerprintOf) });
		const imports = fc.array(fc.array(card, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 });
		await fc.assert(
			fc.asyncProperty(imports, imports, async (first, together) => {
				useFreshDb('tabs-property');
				await registerCustomers(3);
				for (const cards of first) await importCards(cardColumns(cards));
				const side = await Promise.all(together.map((cards) => importCards(cardColumns(cards))));
				const index = await registryRepository.loadIndex();
				const keys = [0, 1, 2].flatMap((seq) => index.cardsOf(seq).map((stored) => `${seq}:${stored.fingerprint}`));
				const offered = [...first, ...together].flat();
				const distinct = new Set(offered.map((c) => `${c.customerSeq}:${c.fingerprint}`));
				expect(keys.sort()).toEqual([...distinct].sort());
				const skippedSideBySide = side.reduce((sum, { recorded }) => sum + recorded.alreadyStored, 0);
				expect(skippedSideBySide).toBe(together.flat().length - (keys.length - new Set(first.flat().map((c) => `${c.customerSeq}:${c.fingerprint}`)).size));
			}),
			{ numRuns: 25 }
		);
	});

	it('names a card whose customer was erased with a code, not an English sentence', async () => {
		await registerCustomers(1);
		await eraseEverything();
		await expect(importCards(cardColumns([{ customerSeq: 0 }]))).rejects.toThrow(/^card-customer-missing$/);
	});
});

describe('a registry that an older version stored with duplicate cards', () => {
	it('upgrades to the current version, opens, and lists every stored card under a position of its own', async () => {
		const name = `dup-upgrade-${Date.now()}`;
		const v3 = new Dexie(name);
		v3.version(3).stores({ settings: 'key', customerChunks: '++id, uploadId, firstSeq', cardChunks: '++id, uploadId', history: '++id, startedAt, fileName, status', notifications: '++id, createdAt', meta: 'key' });
		const customers = { ...numberedCustomers(1), uploadId: 1, firstSeq: 0, count: 1 };
		await v3.table('customerChunks').add(customers);
		// The same card, stored by two imports of an older version (as texts, as it stored them).
		await v3.table('cardChunks').add({ ...cardTextsOf(cardColumns([{ customerSeq: 0 }])), uploadId: 2 });
		await v3.table('cardChunks').add({ ...cardTextsOf(cardColumns([{ customerSeq: 0 }])), uploadId: 3 });
		v3.close();

		const upgraded = new WorkbenchDb(name);
		useDb(upgraded);
		const index = await registryRepository.loadIndex();
		expect(upgraded.verno).toBe(7);
		const positions = index.cardsOf(0).map((card) => card.position);
		expect(positions).toHaveLength(2);
		expect(new Set(positions).size).toBe(2);
		// The next import of that card is still skipped.
		const { recorded } = await importCards(cardColumns([{ customerSeq: 0 }]));
		expect(recorded.alreadyStored).toBe(1);
		upgraded.close();
	});
});

describe('a cancel during the store', () => {
	it.each([0, 1, 2, 3])('asked yes at check %i, leaves nothing registered and the entry running', async (yesAt) => {
		const historyId = await runRepository.begin(newEntry());
		let asked = 0;
		let finalWriteStarted = false;
		const record = {
			historyId,
			customers: numberedCustomers(25_001),
			outcome: { ...done, rows: 25_001, succeeded: 25_001 },
			isCancelled: () => asked++ >= yesAt,
			onFinalWrite: () => (finalWriteStarted = true)
		};
		await expect(runRepository.record(record)).rejects.toThrow(/^cancelled$/);
		expect(finalWriteStarted).toBe(false);
		expect(await database.customerChunks.count()).toBe(0);
		expect((await historyRepository.get(historyId))?.status).toBe('running');
	});

	// Card chunks are handed to the database a few at a time before the first is awaited: a cancel
	// asked before any of them, between them or as the last is awaited still leaves none stored.
	it.each([0, 1, 2, 3, 4])('asked yes at check %i of a card import, leaves no card stored and the entry running', async (yesAt) => {
		await registerCustomers(3);
		const historyId = await runRepository.begin(newEntry({ kind: 'cards' }));
		let asked = 0;
		const cards = manyCards(35_001);
		const record = { historyId, cards, outcome: { ...done, rows: 35_001, succeeded: 35_001 }, isCancelled: () => asked++ >= yesAt };
		await expect(runRepository.record(record)).rejects.toThrow(/^cancelled$/);
		expect(await database.cardChunks.count()).toBe(0);
		expect((await historyRepository.get(historyId))?.status).toBe('running');
	});

	it('is no longer asked once the final write started', async () => {
		const historyId = await runRepository.begin(newEntry());
		const asks: string[] = [];
		await runRepository.record({
			historyId,
			customers: numberedCustomers(3),
			outcome: { ...done, rows: 3, succeeded: 3 },
			isCancelled: () => (asks.push('asked'), false),
			onFinalWrite: () => asks.push('final')
		});
		expect(asks.at(-1)).toBe('final');
		expect(asks.filter((ask) => ask === 'final')).toHaveLength(1);
	});
});

/** Test helper: `count` different cards spread over customers 0–2, each its own fingerprint. */
function manyCards(count: number) {
	return cardColumns(Array.from({ length: count }, (_, i) => ({ customerSeq: i % 3, fingerprint: i.toString(16).padStart(8, '0').padEnd(64, 'f') })));
}

describe('a card import of several chunks', () => {
	it('stores every card once, in import order, and reports each stored chunk in order', async () => {
		await registerCustomers(3);
		const historyId = await runRepository.begin(newEntry({ kind: 'cards' }));
		const cards = manyCards(45_001);
		const told: number[] = [];
		const outcome = { ...done, rows: 45_001, succeeded: 45_001 };
		await runRepository.record({ historyId, cards, outcome, onStored: (stored, total) => told.push(stored / total) });
		expect(told).toEqual([...told].sort((a, b) => a - b));
		expect(told.at(-1)).toBe(1);
		// The duplicate check fills the first half of the store's bar, then one report per stored chunk.
		expect(told.filter((part) => part > 0.5)).toHaveLength(5);
		expect(told.filter((part) => part <= 0.5).length).toBeGreaterThan(0);
		const index = await registryRepository.loadIndex();
		expect(index.cardCount).toBe(45_001);
		const stored = [0, 1, 2].flatMap((seq) => index.cardsOf(seq).map((card) => [card.position, card.fingerprint] as const));
		stored.sort((a, b) => a[0] - b[0]);
		expect(stored.map(([, fingerprint]) => fingerprint)).toEqual(cardTextsOf(cards).fingerprints);
	});
});
