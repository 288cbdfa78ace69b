import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '$lib/domain/problems/problem';
import { runOutcome } from '$lib/domain/records/run-outcome';
import { cardBrands } from '$lib/domain/records/card';
import { fingerprintSize, sliceCardColumns } from '$lib/domain/records/card-bytes';
import { CardBlocksBuilder, cardColumnsIn, type CardsIn } from '$lib/domain/records/card-column-builder';
import { numberedCards } from '$lib/domain/records/test-cards';
import { RegistryIndex } from '$lib/registry/registry-index';
import { registryChunkSize } from '$lib/domain/records/columns';
import type { WorkbenchDb } from './db';
import { historyRepository } from './history-repository';
import { notificationsRepository } from './notifications-repository';
import { runRepository } from './run-repository';
import { newEntry, numberedCustomers, useFreshDb } from './test-records';

let database: WorkbenchDb;
beforeEach(() => {
	database = useFreshDb('run-test');
});

const problems: Problem[] = [
	{ row: 2, column: 4, severity: 'error' as const, code: 'bad-month', message: '', params: { value: '2913' } },
	{ row: 3, column: 2, severity: 'warning' as const, code: 'tail-padded', message: '', params: { value: '11', fixed: '011' } }
];
const report = { rows: 3, failed: 1, failedRows: [2], problems, refused: false };

describe('runRepository.record for a conversion (no entry begun)', () => {
	it('adds the entry and its notice together, with the same counts', async () => {
		const outcome = runOutcome({ kind: 'card-file', report, succeeded: 2 });
		const { entry } = await runRepository.record({ start: newEntry({ kind: 'card-file', fileName: 'r.csv' }), outcome });
		expect(await historyRepository.get(entry.id)).toMatchObject({ kind: 'card-file', fileName: 'r.csv', status: 'errors', succeeded: 2, failed: 1, errors: 1, warnings: 1, failedRows: [2] });
		expect((await historyRepository.get(entry.id))?.problems.map((p) => p.code)).toEqual(['bad-month', 'tail-padded']);
		const [notice] = await notificationsRepository.list();
		expect(notice).toMatchObject({ historyId: entry.id, kind: 'card-file', report: { rows: 3, registered: 2, skipped: 0, errors: 1, warnings: 1 } });
	});

	// The outcome's lists are checked once, with the outcome; the entry takes them as checked.
	it.each<[string, Record<string, unknown>]>([
		['a problem with a negative row', { problems: [{ row: -1, column: 0, severity: 'error', code: 'bad-month', params: {} }] }],
		['a problem of no known severity', { problems: [{ row: 2, column: 1, severity: 'fatal', code: 'bad-month', params: {} }] }],
		['a problem whose param is an object', { problems: [{ row: 2, column: 1, severity: 'error', code: 'bad-month', params: { value: {} } }] }],
		['a failed row that is not a whole number', { failedRows: [2.5] }]
	])('refuses an outcome with %s, storing no entry and no notice', async (_name, change) => {
		const outcome = { ...runOutcome({ kind: 'card-file', report, succeeded: 2 }), ...change };
		await expect(runRepository.record({ start: newEntry({ kind: 'card-file', fileName: 'r.csv' }), outcome: outcome as never })).rejects.toThrow();
		expect(await database.history.count()).toBe(0);
		expect(await notificationsRepository.list()).toEqual([]);
	});

	it('stores the outcome\'s lists as checked (a problem without params gets empty params)', async () => {
		const bare = { row: 2, column: 4, severity: 'error' as const, code: 'bad-month' };
		const outcome = { ...runOutcome({ kind: 'card-file', report, succeeded: 2 }), problems: [bare] };
		const { entry } = await runRepository.record({ start: newEntry({ kind: 'card-file', fileName: 'r.csv' }), outcome: outcome as never });
		const stored = await historyRepository.get(entry.id);
		expect(stored?.problems).toEqual([{ ...bare, params: {} }]);
		expect(stored?.failedRows).toEqual([2]);
	});

	it.each([
		['with a customer list', { 'sent-not-returned': 6, 'unknown-returned': 1, 'multi-card': 1, expired: 0, written: 23 }],
		['without one', { 'sent-not-returned': null, 'unknown-returned': null, 'multi-card': 0, expired: 2, written: 2 }]
	])('keeps step d\'s reconciliation numbers (%s) for the migration report', async (_name, reconciliation) => {
		const outcome = { ...runOutcome({ kind: 'card-file', report, succeeded: 2 }), reconciliation };
		const { entry } = await runRepository.record({ start: newEntry({ kind: 'card-file', fileName: 'r.csv' }), outcome });
		expect((await historyRepository.get(entry.id))?.reconciliation).toEqual(reconciliation);
	});

	it.each([
		['checked against a list of 30 customers', { customers: 30 }, ['US-00010004', 'US-00010009']],
		['not checked against a customer list', null, []]
	])('keeps whether step d was %s, and its multi-card IDs', async (_name, customerList, multiCardIds) => {
		const outcome = { ...runOutcome({ kind: 'card-file', report, succeeded: 2 }), customerList, multiCardIds };
		const { entry } = await runRepository.record({ start: newEntry({ kind: 'card-file', fileName: 'r.csv' }), outcome });
		expect(await historyRepository.get(entry.id)).toMatchObject({ customerList, multiCardIds });
	});

	// The shape step d stored before 2026-11-30 (no reconciliation field), put straight into the table.
	it('reads an entry stored without reconciliation numbers (before 2026-11-30) as having none', async () => {
		const stored = {
			...newEntry({ kind: 'card-file', fileName: 'old.csv' }),
			finishedAt: Date.UTC(2026, 10, 29, 3, 0),
			rows: 3, succeeded: 2, failed: 1, errors: 1, warnings: 0, skipped: 0, status: 'errors' as const,
			problems: [{ row: 2, column: 4, severity: 'error' as const, code: 'bad-month', params: { value: '2913' } }],
			failedRows: [2]
		};
		const id = await database.history.add(stored);
		const read = await historyRepository.get(id);
		expect(read).toEqual({ id, ...stored });
		expect(read).not.toHaveProperty('reconciliation');
	});

	it.each<[string, Parameters<typeof runRepository.record>[0]]>([
		['an outcome that is still running', { start: newEntry(), outcome: { status: 'running' } }],
		['neither a begun entry nor a start', { outcome: { status: 'done' } }],
		['an invalid outcome', { start: newEntry(), outcome: { status: 'done', rows: -1 } }]
	])('writes nothing for %s', async (_name, record) => {
		await expect(runRepository.record(record)).rejects.toThrow();
		expect(await database.history.count()).toBe(0);
		expect(await database.notifications.count()).toBe(0);
	});
});

// The card chunks of an upload (registry-chunks.ts `cardChunksOf`): an import's own full blocks are
// stored as they are, any other full chunk is copied into one reused set of arrays (IndexedDB's `add`
// clones each at once), a shorter one into arrays of its own — so every stored chunk holds its own
// cards, at every count around a chunk's edges, more chunks than the writer keeps in flight included.
describe('runRepository.record for a card import of many chunks', () => {
	const numbered = (total: number) => numberedCards(0, total);
	// Column by column, the first card (byte) that differs, if any (toEqual walks millions of values slowly).
	const firstDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
		if (a.length !== b.length) return -2;
		for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
		return -1;
	};
	const size = registryChunkSize;
	const totals = [1, size - 1, size, size + 1, 2 * size - 1, 2 * size, 2 * size + 1, 6 * size + 123];
	const cases = totals.flatMap((total) => [[total, 'one set of columns'], [total, 'an import\'s blocks']] as const);

	it.each(cases)('stores every card of %i with its own values, chunk after chunk (given as %s)', async (total, shape) => {
		const expected = numbered(total);
		let cards: CardsIn = sliceCardColumns(expected, 0, total);
		if (shape !== 'one set of columns') {
			const builder = new CardBlocksBuilder();
			builder.append(expected);
			cards = builder.blocks();
		}
		const customersId = await runRepository.begin(newEntry({ kind: 'customers' }));
		await runRepository.record({ historyId: customersId, customers: numberedCustomers(total), outcome: { status: 'done' } });
		const historyId = await runRepository.begin(newEntry({ kind: 'cards' }));
		await runRepository.record({ historyId, cards, outcome: { ...runOutcome({ kind: 'cards', report: { rows: total, failed: 0, failedRows: [], problems: [], refused: false }, succeeded: total }) } });
		const stored = await database.cardChunks.orderBy('id').toArray();
		const sizes = stored.map((chunk) => chunk.customerSeqs.length);
		expect(sizes).toEqual([...Array(Math.floor(total / size)).fill(size), ...(total % size ? [total % size] : [])]);
		const read = cardColumnsIn({ count: total, blocks: stored });
		for (const key of Object.keys(expected) as (keyof typeof expected)[]) expect([key, firstDifference(read[key], expected[key])]).toEqual([key, -1]);
		// Each stored chunk's arrays are exactly its own cards (no shared or oversized buffer).
		for (const chunk of stored) expect(chunk.fingerprints.buffer.byteLength).toBe(chunk.customerSeqs.length * fingerprintSize);
		// And the registry, taking the import's blocks, holds the same cards.
		const index = new RegistryIndex();
		index.appendCustomers(numberedCustomers(total));
		index.appendCards(cards);
		expect(index.cardCount).toBe(total);
		for (const card of [0, size - 1, size, total - 1].filter((c) => c < total)) {
			expect([card, index.cardsOf(card)]).toEqual([card, [expect.objectContaining({ position: card, tail: String(card % 1000).padStart(3, '0'), brand: cardBrands[card % cardBrands.length] })]]);
		}
		expect(Array.from({ length: total }, (_, card) => index.cardExpiryAt(card)).every((expiry, card) => expiry === 2601 + (card % 12))).toBe(true);
	});
});
