import { expect } from 'vitest';
import { extractFailedRows } from '$lib/jobs/extract-failed-rows';
import { fakePorts, fakeStore } from '$lib/jobs/fake-ports';
import { registerCustomers } from '$lib/jobs/register-customers';
import { RegistryIndex } from '$lib/registry/registry-index';

/**
 * Registers `bytes` as an old-cart customer file through the jobs (fake ports) and expects the
 * card-number refusal: nothing registered, and the failed-rows download gives nothing back either.
 */
export async function expectRefusedUpload(bytes: Uint8Array): Promise<void> {
	const ports = fakePorts(fakeStore(new RegistryIndex()));
	const upload = { kind: 'customers', fileName: 'f.csv', encoding: 'auto', errorsBlockImport: false, settings: { service: 'YAMATO', availability: 'visible' } } as const;
	const registered = await registerCustomers(new Blob([bytes as BlobPart]), upload, ports);
	expect(registered.outcome.problems.map((p) => p.code)).toContain('card-number-found');
	expect(registered.outcome.succeeded).toBe(0);
	const extracted = await extractFailedRows(new Blob([bytes as BlobPart]), { kind: 'failed-rows', historyId: registered.report.historyId }, ports);
	expect(extracted?.output ?? null).toBeNull();
}
