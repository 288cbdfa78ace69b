// Everything of the storage layer the state classes use, in one module that they load on demand
// (see lazy-storage.ts): Dexie and the records' zod schemas come with it, once, after the first paint.
export { eraseEverything } from '$lib/storage/erase-everything';
export { historyRepository } from '$lib/storage/history-repository';
export { mappingRepository } from '$lib/storage/mapping-repository';
export { notificationsRepository } from '$lib/storage/notifications-repository';
export { settingsRepository } from '$lib/storage/settings-repository';
export { watch } from '$lib/storage/watch';
export { onClosedForUpgrade, onOpenBlocked, openDb } from '$lib/storage/db';
