import Dexie, { type EntityTable } from 'dexie';

export interface SettingsRecord {
	key: string;
	value: unknown;
}

/** The one database of the app. Only modules in `src/lib/storage` import it. */
export class WorkbenchDb extends Dexie {
	settings!: EntityTable<SettingsRecord, 'key'>;

	constructor(name = 'webcollect-workbench') {
		super(name);
		// 2026-11-29 v1: payment settings, one record per key.
		this.version(1).stores({ settings: 'key' });
	}
}

let instance: WorkbenchDb | null = null;

/** The shared database, opened on first use. */
export function db(): WorkbenchDb {
	instance ??= new WorkbenchDb();
	return instance;
}

/** Replaces the shared database (tests use a fresh name per case). */
export function useDb(next: WorkbenchDb): void {
	instance = next;
}
