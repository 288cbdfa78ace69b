import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fallbackHistoryEntry, type HistoryEntry, type HistoryKind } from '$lib/domain/records/history-entry';
import type { CardFindings } from '$lib/registry/card-findings';
import type { HistoryPage } from '$lib/storage/history-repository';
import { translate } from '$lib/i18n';

// The registry's findings, answered when the test lets them go (in the order asked).
const findings: { release: (value: CardFindings) => void }[] = [];
vi.mock('$lib/workers/workbench-client', () => ({
	workbench: { ask: () => new Promise<CardFindings>((release) => findings.push({ release })) }
}));
// The history as the database gives it: each change heard (a run recorded by any tab) is an emission.
let emit: ((page: HistoryPage) => void) | null = null;
let fail: ((reason: unknown) => void) | null = null;
let stored: HistoryPage = { total: 0, entries: [] };
vi.mock('./lazy-storage', () => ({
	loadStorage: async () => ({ historyRepository: { query: async () => stored } }),
	watchStored: (_query: unknown, next: (page: HistoryPage) => void, error: (reason: unknown) => void) => {
		emit = next;
		fail = error;
		return () => (emit = null);
	}
}));
const copied: string[] = [];
const { migrationReport } = await import('./migration-report.svelte');

const none: CardFindings = { customers: 0, cards: 0, multiCardCount: 0, multiCard: [], expiredCount: 0, expired: [] };
const ids = Array.from({ length: 60 }, (_, i) => `US-${String(10000 + i).padStart(8, '0')}`);
let nextId = 1;
const entry = (kind: HistoryKind, facts: Partial<HistoryEntry> = {}): HistoryEntry => ({ ...fallbackHistoryEntry, id: nextId++, kind, status: 'done', startedAt: nextId * 1000, fileName: `${kind}.csv`, ...facts });
/** A step d of 60 multi-card customers (the history keeps the first 50 IDs). */
const stepD = () =>
	entry('card-file', { succeeded: 120, reconciliation: { 'sent-not-returned': 0, 'unknown-returned': 0, 'multi-card': 60, expired: 0, written: 120 }, customerList: { customers: 60 }, multiCardIds: ids.slice(0, 50) });
const page = (...entries: HistoryEntry[]): HistoryPage => ({ total: entries.length, entries: [...entries].reverse() });
// The operator's language here is the default, Japanese.
const askNone = translate('ja', 'report.message.askNone');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let stop = () => {};
beforeEach(async () => {
	findings.length = 0;
	copied.length = 0;
	vi.stubGlobal('navigator', { clipboard: { writeText: async (text: string) => void copied.push(text) } });
	stop = migrationReport.show();
	emit!(page());
	findings.shift()!.release(none);
	await settle();
	expect(migrationReport.isLoaded).toBe(true);
});
afterEach(() => stop());

describe('移行レポート shown while another tab records runs', () => {
	// Every kind of run another tab records changes the history; each change is heard and read again.
	it.each([
		['customers uploaded', () => [entry('customers', { succeeded: 30 })]],
		['the a・b list', () => [entry('linkage')]],
		['step d', () => [stepD()]],
		['cards uploaded', () => [stepD(), entry('cards', { rows: 120, succeeded: 120 })]]
	] as const)('%s: read again; until the read ends the old message is neither current nor copied', async (_, made) => {
		const entries = made();
		// Nothing rehearsed yet: no message to send (an empty history's text read as a clean rehearsal).
		expect(migrationReport.supportText).toBeNull();
		emit!(page(...entries));
		// Heard: the report is being read again, and the text on screen is not offered as current.
		expect(migrationReport.isRereading).toBe(true);
		await migrationReport.copyMessage();
		expect(copied).toEqual([]);
		const registered = entries.some((e) => e.kind === 'cards');
		findings.shift()!.release(registered ? { ...none, customers: 60, cards: 120, multiCardCount: 60, multiCard: ids.map((id) => ({ id, cards: 2 })) } : none);
		await settle();
		expect(migrationReport.isRereading).toBe(false);
		expect(migrationReport.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
		// After step d (or its cards), the message names the multi-card customers and asks how to migrate them.
		const isMulti = entries.some((e) => e.kind === 'card-file');
		// Customers or an a・b list alone rehearse no card: still no message, and nothing is copied.
		const rehearsed = entries.some((e) => e.kind === 'card-file' || e.kind === 'cards');
		expect(migrationReport.supportText === null).toBe(!rehearsed);
		if (rehearsed) expect(migrationReport.supportText!.includes(askNone)).toBe(!isMulti);
		await migrationReport.copyMessage();
		expect(copied).toEqual(rehearsed ? [migrationReport.supportText] : []);
	});

	it('an older read that ends after a newer one neither overwrites it nor ends the re-reading', async () => {
		emit!(page(entry('customers')));
		const run = stepD();
		emit!(page(run));
		const [older, newer] = [findings.shift()!, findings.shift()!];
		newer.release(none);
		await settle();
		expect(migrationReport.isRereading).toBe(false);
		expect(migrationReport.lastStepD?.id).toBe(run.id);
		emit!(page(run, entry('linkage')));
		older.release(none);
		await settle();
		// The older read's end changes nothing; the newest read is still going.
		expect(migrationReport.isRereading).toBe(true);
		expect(migrationReport.entries.map((e) => e.id)).toEqual([run.id]);
		findings.shift()!.release(none);
		await settle();
		expect(migrationReport.isRereading).toBe(false);
		expect(migrationReport.entries).toHaveLength(2);
		expect(migrationReport.supportText).not.toContain(askNone);
	});

	it('a history that cannot be followed is said, not 読み込み中… for ever', async () => {
		stop();
		// Left and dropped (as after an erase), then opened again: the history cannot be read.
		await migrationReport.refresh();
		expect(migrationReport.isLoaded).toBe(false);
		stop = migrationReport.show();
		fail!(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
		expect(migrationReport.isLoaded).toBe(true);
		expect(migrationReport.isRereading).toBe(false);
		expect(migrationReport.failureCode).not.toBeNull();
	});

	it('the database closed while a read is under way: the reason stays, the read ending after it does not put the old report back', async () => {
		emit!(page(stepD()));
		// The history was read again; the registry's findings are still to come.
		fail!(Object.assign(new Error('closed'), { name: 'DatabaseClosedError' }));
		expect(migrationReport.failureCode).toBe('database-closed');
		expect(migrationReport.isRereading).toBe(false);
		findings.shift()!.release(none);
		await settle();
		expect(migrationReport.failureCode).toBe('database-closed');
		expect(migrationReport.entries).toEqual([]);
	});

	it('stops listening when the page leaves', () => {
		stop();
		expect(emit).toBeNull();
	});
});
