import { describe, expect, it } from 'vitest';
import { sha256Hex } from '$lib/domain';
import { createHashClient } from '$lib/workers/hash-client';
import { fakeHashWorker } from '$lib/workers/fake-hash-worker';
import { registryListName } from '$lib/domain/records/list-source';
import { buildLinkage } from './build-linkage';
import type { ConversionOptions, LinkageJob } from './conversion-types';
import { chunkedFile, fakePorts, fakeStore, textFile } from './fake-ports';

const options: ConversionOptions = { encoding: 'auto', outputEncoding: 'shift_jis', header: true, expiryOrder: 'YYMM', service: 'YAMATO', checkCustomerList: true };
const job: LinkageJob = { kind: 'linkage', jobId: 'c-1', fileName: 'list.csv', source: 'file', options };
const text = ['サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)', ...Array.from({ length: 3000 }, (_, i) => `US-${String(10000 + i).padStart(8, '0')},C${i + 1}`)].join('\r\n') + '\r\n';

// The list is hashed slice by slice as it is read (on the hash worker when there is one): the
// digest recorded and shown must be the whole file's, however the file streams.
describe('the linkage build records the SHA-256 of the whole list file', () => {
	it.each<[string, number, boolean]>([
		['one piece, on this thread', 0, false],
		['small slices, on this thread', 97, false],
		['one piece, on a hash worker', 0, true],
		['small slices, on a hash worker', 4096, true]
	])('%s', async (_name, sliceSize, onWorker) => {
		const store = fakeStore();
		const ports = fakePorts(store);
		if (onWorker) ports.streamHash = createHashClient(() => fakeHashWorker()).start;
		const file = sliceSize === 0 ? textFile(text) : chunkedFile(text, sliceSize);
		const result = (await buildLinkage(file, job, ports))!;
		const expected = await sha256Hex(new TextEncoder().encode(text));
		expect(result.report.summary.sha256).toBe(expected);
		expect(store.records[0].start?.sha256).toBe(expected);
		expect(result.outcome.succeeded).toBe(3000);
	});
});

// Step c from 「登録済みの顧客から作る」 reads no file: the entry must not claim 0 bytes of UTF-8 with
// the SHA-256 of empty input; a list file keeps its own facts.
describe('what the linkage build records of its input', () => {
	it.each<[string, 'file' | 'registry', boolean]>([
		['the registry', 'registry', false],
		['the registry, even if a file is passed', 'registry', true],
		['a list file', 'file', true]
	])('from %s', async (_name, source, withFile) => {
		const store = fakeStore();
		const listJob: LinkageJob = { ...job, source, fileName: source === 'registry' ? registryListName : 'list.csv' };
		await buildLinkage(withFile ? textFile(text) : null, listJob, fakePorts(store));
		const start = store.records[0].start!;
		if (source === 'registry') {
			expect(start).toMatchObject({ fileName: registryListName, size: 0, sha256: '', encoding: null });
		} else {
			expect(start.sha256).toBe(await sha256Hex(new TextEncoder().encode(text)));
			expect(start.encoding).not.toBeNull();
			expect(start.size).toBeGreaterThan(0);
		}
	});
});
