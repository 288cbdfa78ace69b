import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { customerIdOf } from '$lib/domain/records/customer-id';
import type { CustomerColumns } from '$lib/domain/records/customer';
import type { WorkbenchDb } from './db';
import { historyRepository } from './history-repository';
import { notificationsRepository } from './notifications-repository';
import { registryRepository } from './registry-repository';
import { runRepository } from './run-repository';
import { cardColumns, customerColumns, fingerprintOf, newEntry, numberedCustomers, useFreshDb } from './test-records';

let database: WorkbenchDb;
beforeEach(() => {
	database = useFreshDb('registry-test');
});

const done = { status: 'done' } as const;

/** Registers the customers whose 連携用ID is new, as the upload worker will (a delta run skips the rest). */
async function registerNew(linkageIds: string[]) {
	const index = await registryRepository.loadIndex();
	const fresh = linkageIds.filter((id) => !index.hasLinkageId(id));
	const historyId = await runRepository.begin(newEntry());
	return runRepository.record({
		historyId,
		customers: customerColumns(fresh.map((linkageId) => ({ linkageId }))),
		expectedFirstSeq: index.customerCount,
		outcome: { ...done, rows: linkageIds.length, succeeded: fresh.length, skipped: linkageIds.length - fresh.length }
	});
}

async function storedCounts() {
	return {
		customerChunks: await database.customerChunks.count(),
		cardChunks: await database.cardChunks.count(),
		notifications: await database.notifications.count()
	};
}

describe('registryRepository: IDs and delta runs', () => {
	it('gives the first customer of an empty registry US-00010000 and continues from there', async () => {
		expect((await registerNew(['A1', 'A2', 'A3', 'A4'])).firstSeq).toBe(0);
		expect((await registerNew(['B1', 'B2'])).firstSeq).toBe(4);
		const index = await registryRepository.loadIndex();
		const rows = index.search({ field: 'all', query: '', offset: 0, limit: 10 }).rows;
		expect(rows.map((row) => [row.id, row.linkageId])).toEqual([
			['US-00010000', 'A1'],
			['US-00010001', 'A2'],
			['US-00010002', 'A3'],
			['US-00010003', 'A4'],
			['US-00010004', 'B1'],
			['US-00010005', 'B2']
		]);
	});

	it('skips known 連携用IDs on a re-upload and gives the new ones the next free IDs', async () => {
		await registerNew(['A1', 'A2']);
		const second = await registerNew(['A1', 'A2', 'A3']);
		expect(second.entry).toMatchObject({ rows: 3, succeeded: 1, skipped: 2 });
		const index = await registryRepository.loadIndex();
		expect(index.customerCount).toBe(3);
		expect(index.hasLinkageId('A3')).toBe(true);
		expect(index.seqOfLinkageId('A3')).toBe(2);
	});

	it('splits a large upload into chunks and reads it back in order', async () => {
		const historyId = await runRepository.begin(newEntry());
		await runRepository.record({ historyId, customers: numberedCustomers(25_001), outcome: done });
		expect(await database.customerChunks.count()).toBe(3);
		const index = await registryRepository.loadIndex();
		expect(index.customerCount).toBe(25_001);
		expect(index.customerAt(25_000)).toMatchObject({ id: customerIdOf(25_000), linkageId: 'C25000' });
	});

	it('refuses a commit whose caller counted a different next ID', async () => {
		await registerNew(['A1']);
		const historyId = await runRepository.begin(newEntry());
		const commit = { historyId, customers: customerColumns([{ linkageId: 'B1' }]), expectedFirstSeq: 0, outcome: done };
		await expect(runRepository.record(commit)).rejects.toThrow();
		expect((await historyRepository.get(historyId))?.status).toBe('running');
	});

	it('registers cards on customers and stores no token', async () => {
		await registerNew(['A1', 'A2']);
		const historyId = await runRepository.begin(newEntry({ kind: 'cards' }));
		const cards = cardColumns([{ customerSeq: 1, tail: '011' }, { customerSeq: 1, tail: '022', fingerprint: fingerprintOf('b') }]);
		await runRepository.record({ historyId, cards, outcome: { ...done, rows: 2, succeeded: 2 } });
		const index = await registryRepository.loadIndex();
		expect(index.cardsOf(1).map((card) => card.tail)).toEqual(['011', '022']);
		expect(Object.keys((await database.cardChunks.toArray())[0]).sort()).toEqual(
			['brands', 'customerSeqs', 'expiries', 'fingerprints', 'id', 'tails', 'tokenLast4', 'uploadId'].sort()
		);
	});

	it('refuses cards for a customer that is not registered', async () => {
		await registerNew(['A1']);
		const historyId = await runRepository.begin(newEntry({ kind: 'cards' }));
		const commit = { historyId, cards: cardColumns([{ customerSeq: 1 }]), outcome: done };
		await expect(runRepository.record(commit)).rejects.toThrow();
		expect(await database.cardChunks.count()).toBe(0);
	});
});

describe('registryRepository: one transaction per upload', () => {
	it('writes the chunks, the final entry and the notice together', async () => {
		const historyId = await runRepository.begin(newEntry({ fileName: 'old.csv' }));
		const outcome = { status: 'errors' as const, rows: 3, succeeded: 2, failed: 1, errors: 1, warnings: 1, failedRows: [3] };
		const problems = [{ row: 3, column: 1, severity: 'error' as const, code: 'missing-value', params: { field: 'linkageId' } }];
		await runRepository.record({ historyId, customers: numberedCustomers(2), outcome: { ...outcome, problems } });
		expect(await historyRepository.get(historyId)).toMatchObject({ ...outcome, problems });
		const [notice] = await notificationsRepository.list();
		expect(notice).toMatchObject({ historyId, fileName: 'old.csv', read: false, starred: false });
		expect(notice.report).toEqual({ rows: 3, registered: 2, skipped: 0, errors: 1, warnings: 1, errorProblems: 1, listedProblems: problems });
	});

	it('leaves nothing of an upload whose second chunk turns out invalid', async () => {
		const historyId = await runRepository.begin(newEntry());
		const customers: CustomerColumns = numberedCustomers(15_000);
		(customers.names as unknown[])[12_000] = 42;
		let chunksWritten = 0;
		database.customerChunks.hook('creating', () => {
			chunksWritten++;
		});
		const commit = runRepository.record({ historyId, customers, outcome: done });
		await expect(commit).rejects.toThrow(/records\.error\.packedText/);
		expect(chunksWritten).toBe(1);
		expect(await storedCounts()).toEqual({ customerChunks: 0, cardChunks: 0, notifications: 0 });
		expect((await historyRepository.get(historyId))?.status).toBe('running');
	});

	it('leaves nothing when the very last write fails, and the entry then shows interrupted', async () => {
		const historyId = await runRepository.begin(newEntry());
		database.notifications.hook('creating', () => {
			throw new Error('injected failure');
		});
		const commit = { historyId, customers: numberedCustomers(3), cards: cardColumns([{ customerSeq: 0 }]), outcome: done };
		await expect(runRepository.record(commit)).rejects.toThrow(/injected failure/);
		expect(await storedCounts()).toEqual({ customerChunks: 0, cardChunks: 0, notifications: 0 });
		expect((await historyRepository.get(historyId))?.status).toBe('running');
		expect(await registryRepository.markInterrupted()).toBe(1);
		expect((await historyRepository.get(historyId))?.status).toBe('interrupted');
		expect((await registryRepository.loadIndex()).customerCount).toBe(0);
	});

	it('will not commit into an entry that is no longer running', async () => {
		const historyId = await runRepository.begin(newEntry());
		await registryRepository.markInterrupted();
		const commit = { historyId, customers: numberedCustomers(1), outcome: done };
		await expect(runRepository.record(commit)).rejects.toThrow();
		expect(await database.customerChunks.count()).toBe(0);
	});

	it('marks only running entries interrupted', async () => {
		await historyRepository.add({ ...newEntry(), status: 'done' });
		await runRepository.begin(newEntry());
		expect(await registryRepository.markInterrupted()).toBe(1);
		const { entries } = await historyRepository.query();
		expect(entries.map((entry) => entry.status).sort()).toEqual(['done', 'interrupted']);
	});
});

describe('registryRepository: unreadable chunks and clearing', () => {
	it('keeps later customers on their IDs when a stored chunk cannot be read', async () => {
		await registerNew(['A1', 'A2']);
		await registerNew(['B1']);
		const [first] = await database.customerChunks.orderBy('firstSeq').toArray();
		await database.customerChunks.put({ ...first, names: 'not a column' } as never);
		await database.cardChunks.add({ uploadId: 1, customerSeqs: [0], brands: ['NOPE'] } as never);
		const index = await registryRepository.loadIndex();
		expect(index.customerCount).toBe(3);
		expect(index.seqOfLinkageId('B1')).toBe(2);
		expect(index.hasLinkageId('A1')).toBe(false);
		expect(index.cardCount).toBe(0);
	});

	it('clears the registry but keeps history and notices', async () => {
		await registerNew(['A1']);
		await registryRepository.clearRegistry();
		expect((await registryRepository.loadIndex()).customerCount).toBe(0);
		expect((await historyRepository.query()).total).toBe(1);
		expect(await notificationsRepository.unreadCount()).toBe(1);
	});
});
