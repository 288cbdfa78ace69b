import type { MappingKind, SavedColumnMapping } from '$lib/domain/headers/saved-mapping';
import type { HistoryEntry } from '$lib/domain/records/history-entry';
import type { RunRecord, RunStart } from '$lib/domain/records/run-outcome';
import type { RegistryIndex } from '$lib/registry/registry-index';

/**
 * What a job writes to and reads from: the customer registry as loaded, the history. The worker
 * wires IndexedDB behind it; unit tests pass an in-memory fake.
 */
export interface JobStore {
	/**
	 * The in-memory registry, reloaded first when any tab imported or erased since it was loaded
	 * (SPEC "Several tabs"); a job that registers rows appends them after `record`. `progress(done, of)`
	 * hears how far a load it waits for has read (units of the store's choosing).
	 */
	registry(progress?: (done: number, of: number) => void): Promise<RegistryIndex>;
	/** Writes the 'running' entry of an upload before its rows are read (a closed tab leaves 中断). */
	begin(start: RunStart): Promise<number>;
	/**
	 * Writes the outcome, the rows to register and the bell's notice in one transaction, checking the
	 * rows against the database inside it: fails with 'registry-changed' when the registry moved on
	 * since `registry()` loaded it; `alreadyStored` counts cards the database held already (skipped).
	 * Keeps no reference to the record's columns past the call: the registry may take them over next.
	 */
	record(record: RunRecord): Promise<{ historyId: number; firstSeq: number | null; alreadyStored?: number }>;
	/** One history entry (the failed-rows download reads its rows and hash). */
	historyEntry(id: number): Promise<HistoryEntry | undefined>;
	/**
	 * The column mappings the operator saved for `kind`, one per header signature, as stored when asked
	 * (step d reads them at each run, while the file's first slice is read; unreadable records skipped).
	 */
	savedMappings(kind: MappingKind): Promise<SavedColumnMapping[]>;
}

/**
 * A SHA-256 (FIPS 180-4) fed slice by slice, whose digest may be computed on another thread.
 * `update` never keeps the caller's slice (it may copy it); `hex` is called once, at the end.
 */
export interface StreamHash {
	update(bytes: Uint8Array): void;
	/** A promise to await before the next slice when the hash lags behind (bytes pile up), else nothing. */
	ready(): Promise<void> | void;
	/** The digest of every byte given, as 64 lower-case hex characters. */
	hex(): Promise<string>;
	/** Forgets the hash (a cancelled job): no digest follows. */
	drop(): void;
}

/**
 * The ports every job gets: `progress(done, total)` in units of the job's choosing, `isCancelled`
 * polled between stages and slices (it may yield to the event loop first, so a cancel gets in),
 * and the store.
 */
export interface JobPorts {
	progress(done: number, total: number): void;
	isCancelled(): boolean | Promise<boolean>;
	/** The cancel as known now, without yielding (asked inside a storage transaction). */
	isCancelledNow?(): boolean;
	/** Told when the final write starts: the page then disables キャンセル and says why. */
	finalWrite?(): void;
	/** A hash on another core for a streamed file; without it the job hashes on its own thread. */
	streamHash?(): StreamHash;
	store: JobStore;
}

/** What every job returns: its output file (or null), its report for the page, its recorded outcome. */
export interface JobResult<Report, Outcome> {
	output: Blob | null;
	report: Report;
	outcome: Outcome;
}
