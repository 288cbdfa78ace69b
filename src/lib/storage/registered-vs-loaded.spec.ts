import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach, expect, it } from 'vitest';
import { sha256Hex } from '$lib/domain';
import { registerCustomers } from '$lib/jobs/register-customers';
import type { JobPorts, JobStore } from '$lib/jobs/ports';
import type { SearchField } from '$lib/registry/registry-search';
import { historyRepository } from './history-repository';
import { mappingRepository } from './mapping-repository';
import { registryRepository } from './registry-repository';
import { runRepository } from './run-repository';
import { useFreshDb } from './test-records';

let databases = 0;
beforeEach(() => void useFreshDb(`registered-vs-loaded-${databases++}`));

const job = { kind: 'customers', fileName: 'customers.csv', encoding: 'auto', errorsBlockImport: false, settings: { service: 'YAMATO', availability: 'visible' } } as const;
const linkageIds = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', ''];
const fields: SearchField[] = ['all', 'id', 'linkageId', 'name'];
const queries = ['', 'C', 'C3', '名前', '名前1', 'US-0001', '0'];

// The worker registers into its registry in memory (each run hands over its packed parts, which the
// registry keeps as the store writes them; search keys of a loaded registry are built in steps between
// messages, those of registered customers by the next search), while
// another tab or the next visit loads the same registry from the database (v6 packed chunks): both
// must answer alike, whether the search comes before the steps end or after.
it('a registry built by registrations answers as one loaded from the database', async () => {
	await fc.assert(
		fc.asyncProperty(fc.array(fc.array(fc.constantFrom(...linkageIds), { maxLength: 5 }), { minLength: 1, maxLength: 4 }), fc.boolean(), async (runs, isStepsDone) => {
			useFreshDb(`registered-vs-loaded-${databases++}`);
			const { index } = await registryRepository.load();
			// The steps wait at their pauses until released (or a search builds the rest itself).
			const pauses: (() => void)[] = [];
			index.prepareSearchInSteps(() => new Promise<void>((resume) => pauses.push(resume)), 1).catch(() => {});
			const store: JobStore = {
				registry: async () => index,
				begin: (start) => runRepository.begin(start),
				record: async (record) => {
					const { entry, firstSeq, alreadyStored } = await runRepository.record(record);
					return { historyId: entry.id, firstSeq, alreadyStored };
				},
				historyEntry: (id) => historyRepository.get(id),
				savedMappings: (kind) => mappingRepository.list(kind)
			};
			const ports: JobPorts = { progress: () => {}, isCancelled: async () => false, isCancelledNow: () => false, store };
			for (const [run, ids] of runs.entries()) {
				const text = ['旧カートの顧客番号,氏名', ...ids.map((id, i) => `${id},名前${run}-${i}`)].join('\r\n');
				const { report } = await registerCustomers(new Blob([text]), job, ports);
				// The entry begun before the read takes the file's hash and encoding with the rows.
				expect(await historyRepository.get(report.historyId)).toMatchObject({ sha256: await sha256Hex(new TextEncoder().encode(text)), encoding: 'utf-8' });
			}
			while (isStepsDone && pauses.length > 0) {
				pauses.shift()!();
				await new Promise((resolve) => setTimeout(resolve, 0));
			}
			const loaded = (await registryRepository.load()).index;
			expect(index.customerCount).toBe(loaded.customerCount);
			for (let seq = 0; seq <= loaded.customerCount; seq++) expect(index.customerAt(seq)).toEqual(loaded.customerAt(seq));
			for (const id of linkageIds) expect(index.seqOfLinkageId(id)).toBe(loaded.seqOfLinkageId(id));
			for (const field of fields) for (const query of queries) expect(index.filteredSeqs({ field, query })).toEqual(loaded.filteredSeqs({ field, query }));
		}),
		{ numRuns: 40 }
	);
});
