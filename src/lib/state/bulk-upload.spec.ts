import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UploadKind, UploadSummary } from '$lib/jobs/upload-types';

// The worker's requests, each ended by the test the way a real upload can end.
type Pending = { fields: unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
const pending: Pending[] = [];
vi.mock('$lib/workers/workbench-client', () => {
	class CancelledError extends Error {}
	return {
		CancelledError,
		workbench: {
			request: (_type: string, fields: unknown) => {
				const done = new Promise((resolve, reject) => pending.push({ fields, resolve, reject }));
				return { requestId: pending.length, done };
			},
			cancel: () => {}
		}
	};
});
// The settings read just before an upload: 利用サービス in use, so a card upload is allowed.
vi.mock('./settings.svelte', () => ({
	paymentSettings: { allowsCardImport: true, refresh: async () => ({ service: 'YAMATO', availability: 'available' }), load: async () => true }
}));
vi.mock('./history.svelte', () => ({ rememberSource: () => {} }));
// The suite's files share a module cache (vite.config.ts): the state modules are imported afresh over
// these mocks, and dropped after this file, so no file gets another's in place of its own mocks.
vi.resetModules();
afterAll(() => vi.resetModules());
const { bulkUpload, keepsChosenFile } = await import('./bulk-upload.svelte');
const { CancelledError } = await import('$lib/workers/workbench-client');
const everyMicrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

const summary = (status: UploadSummary['status']) => ({ status, historyId: 1, kind: 'customers', rows: 200_000, registered: status === 'done' ? 200_000 : 0, skipped: 0, failed: 0, warnings: 0 });
// Every way one run of 一括登録 can end, and whether the chosen file stays chosen after it (true) or
// is cleared because the file was registered (false). `end` gets キャンセル and the worker's job (null
// while the run still reads the settings, before the worker is asked).
type End = (cancel: () => void, job: Pending | null) => void;
const ends: [string, End, boolean][] = [
	['キャンセル before the worker began', (cancel) => cancel(), true],
	['キャンセル heard by the worker (an interrupted record)', (_, job) => job!.resolve(summary('interrupted')), true],
	['the worker answers cancelled', (_, job) => job!.reject(new CancelledError()), true],
	['a failure (quota-exceeded)', (_, job) => job!.reject(new Error('quota-exceeded')), true],
	['a refusal (a file of the other kind)', (_, job) => job!.resolve(summary('refused')), true],
	['registered (done)', (_, job) => job!.resolve(summary('done')), false],
	['registered with row errors (errors)', (_, job) => job!.resolve(summary('errors')), false]
];

describe('一括登録 keeps the chosen file after a run that did not register it, and can start again at once', () => {
	beforeEach(() => {
		bulkUpload.run.reset();
		bulkUpload.forget();
	});
	const cases = ends.flatMap(([name, end, kept]) => (['customers', 'cards'] as UploadKind[]).map((kind) => [name, kind, end, kept] as const));
	it.each(cases)('%s (%s)', async (name, kind, end, kept) => {
		const file = new File(['顧客'], `${kind}.csv`, { type: 'text/csv' });
		bulkUpload.kind = kind;
		bulkUpload.file = file;
		const before = pending.length;
		const started = bulkUpload.start(file);
		const cancel = () => bulkUpload.run.cancel();
		if (name.startsWith('キャンセル before')) end(cancel, null);
		else {
			await everyMicrotask();
			expect(pending.length).toBe(before + 1);
			end(cancel, pending[before]);
		}
		await started;
		expect(bulkUpload.run.status).not.toBe('running');
		expect(bulkUpload.file).toBe(kept ? file : null);
		expect(keepsChosenFile(bulkUpload.summary)).toBe(kept || bulkUpload.summary === null);
		if (!kept) return;
		// Started again with the file still chosen: a new request of the same kind and file.
		const again = bulkUpload.start(bulkUpload.file!);
		await everyMicrotask();
		expect(pending.length).toBeGreaterThan(before);
		const job = pending[pending.length - 1];
		expect(job.fields).toMatchObject({ job: { kind, fileName: file.name }, file });
		job.resolve(summary('done'));
		await again;
		expect(bulkUpload.file).toBeNull();
	});
});
