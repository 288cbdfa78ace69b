import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewNotification } from '$lib/domain/records/notification';
import type { WorkbenchDb } from './db';
import { notificationsRepository } from './notifications-repository';
import { useFreshDb } from './test-records';

let database: WorkbenchDb;
beforeEach(() => {
	database = useFreshDb('notifications-test');
});

function notice(historyId: number, createdAt: number): NewNotification {
	return {
		createdAt,
		historyId,
		kind: 'linkage',
		fileName: `file-${historyId}.csv`,
		report: { rows: 10, registered: 9, skipped: 0, errors: 1, warnings: 2 }
	};
}

async function addThree(): Promise<number[]> {
	return [await notificationsRepository.add(notice(1, 100)), await notificationsRepository.add(notice(2, 300)), await notificationsRepository.add(notice(3, 200))];
}

describe('notificationsRepository', () => {
	it('lists newest first, all unread and unstarred at first', async () => {
		await addThree();
		const list = await notificationsRepository.list();
		expect(list.map((n) => n.historyId)).toEqual([2, 3, 1]);
		expect(list.every((n) => !n.read && !n.starred)).toBe(true);
		expect(await notificationsRepository.unreadCount()).toBe(3);
	});

	it('marks one read, then all', async () => {
		const [first] = await addThree();
		await notificationsRepository.markRead(first);
		expect(await notificationsRepository.unreadCount()).toBe(2);
		await notificationsRepository.markAllRead();
		expect(await notificationsRepository.unreadCount()).toBe(0);
	});

	it('stars and unstars, and filters to the starred', async () => {
		const [first, second] = await addThree();
		expect(await notificationsRepository.toggleStar(first)).toBe(true);
		expect(await notificationsRepository.toggleStar(second)).toBe(true);
		expect(await notificationsRepository.toggleStar(second)).toBe(false);
		expect((await notificationsRepository.list({ starredOnly: true })).map((n) => n.id)).toEqual([first]);
		expect(await notificationsRepository.toggleStar(999)).toBe(false);
	});

	it('refuses an invalid notice', async () => {
		await expect(notificationsRepository.add({ ...notice(1, 1), historyId: 0 })).rejects.toThrow();
		expect(await notificationsRepository.list()).toEqual([]);
	});

	it('reads corrupt notices without throwing', async () => {
		await addThree();
		await database.notifications.add({ createdAt: 'soon', report: null, read: 'no' } as never);
		const list = await notificationsRepository.list();
		expect(list).toHaveLength(4);
		expect(list.at(-1)).toMatchObject({ createdAt: 0, read: true, starred: false });
		expect(await notificationsRepository.unreadCount()).toBe(3);
	});
});
