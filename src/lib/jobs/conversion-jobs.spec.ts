import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertYamatoReturn, headerPeekSize, peekReturnHeader, sha256Hex } from '$lib/domain';
import { problemText } from '$lib/i18n/problem-text';
import { historyOutcomeSchema, storedMultiCardIds } from '$lib/domain/records/history-entry';
import { customerColumns } from '$lib/registry/test-records';
import { RegistryIndex } from '$lib/registry/registry-index';
import { buildLinkage } from './build-linkage';
import { conversionList, problemPage } from './conversion-lists';
import type { ConversionOptions, LinkageJob, ReturnFileJob } from './conversion-types';
import { convertReturnFile } from './convert-return-file';
import { createHashClient } from '$lib/workers/hash-client';
import { fakeHashWorker } from '$lib/workers/fake-hash-worker';
import type { HashCommand, HashPort } from '$lib/workers/hash-messages';
import { createHashService } from '$lib/workers/hash-service';
import { chunkedFile, customerListOf, fakePorts, fakeStore, textFile } from './fake-ports';

const fixture = (name: string) => new Blob([readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url))]);
const options: ConversionOptions = { encoding: 'auto', outputEncoding: 'utf-8-bom', header: true, expiryOrder: 'YYMM', service: 'YAMATO', checkCustomerList: true };
const returnJob = (change: Partial<ReturnFileJob> = {}): ReturnFileJob => ({ kind: 'yamato-return', jobId: 'd-1', fileName: 'return.csv', options, customerListJobId: null, ...change });
const linkageJob = (change: Partial<LinkageJob> = {}): LinkageJob => ({ kind: 'linkage', jobId: 'c-1', fileName: 'list.csv', source: 'file', options, ...change });
const returnHeader = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';
const returnFile = (...rows: string[]) => textFile([returnHeader, ...rows].join('\r\n') + '\r\n');

describe('convertReturnFile', () => {
	it('converts, records one outcome with problems of both severities, and keeps the report for pages', async () => {
		const store = fakeStore();
		const file = returnFile('US-00010000,11,Visa,2912,AbCdEf0123456789xyZ1', 'US-00010001,042,JCB,2813,QwErTy9876543210abC2');
		const result = (await convertReturnFile({ file, customerList: null }, returnJob(), fakePorts(store)))!;
		expect(result.outcome).toMatchObject({ kind: 'card-file', status: 'errors', rows: 2, succeeded: 1, failed: 1, errors: 1, warnings: 2, failedRows: [3] });
		expect(result.outcome.problems.map((p) => p.code)).toEqual(['tail-padded', 'brand-normalized', 'bad-month']);
		expect(store.records).toHaveLength(1);
		expect(store.entries.get(result.report.summary.historyId!)).toMatchObject({ kind: 'card-file', fileName: 'return.csv', status: 'errors', encoding: 'utf-8' });
		expect(await result.output!.text()).toContain('US-00010000');
		const page = problemPage(result.report, 'error', 0, 10);
		expect(page).toMatchObject({ total: 1, problems: [{ row: 3, code: 'bad-month', params: { value: '2813' } }] });
		expect(page.problems[0]).not.toHaveProperty('message');
	});

	// Cells of each kind a return row may hold: plain, warned (case, spaces, YYYYMM, short tail,
	// padded expiry) and wrong (bad tail, month, token, customer ID, a card number), and rows short or long.
	const returnRows = fc.array(
		fc
			.tuple(
				fc.constantFrom('US-00010000', ' US-00010001', 'US-0001000２', '', 'US-00010000'),
				fc.constantFrom('111', '11', '1', 'abc', ''),
				fc.constantFrom('VISA', 'visa', 'Visa ', 'ＶＩＳＡ', 'ZZZ', ''),
				fc.constantFrom('2912', '202912', '912', '2913', '29/12', ''),
				fc.constantFrom('AbCdEf0123456789xyZ1', ' AbCdEf0123456789xyZ1', 'Ab', '4111111111111111', ''),
				fc.constantFrom([], ['extra'], null)
			)
			.map(([id, tail, brand, expiry, token, more]) => (more === null ? [id, tail, brand].join(',') : [id, tail, brand, expiry, token, ...more].join(','))),
		{ maxLength: 30 }
	);

	it('keeps the core API’s problems minus their message (the job formats none), and every message it shows renders the same words', async () => {
		await fc.assert(
			fc.asyncProperty(returnRows, async (rows) => {
				const text = [returnHeader, ...rows].join('\r\n') + '\r\n';
				const result = (await convertReturnFile({ file: textFile(text), customerList: null }, returnJob(), fakePorts(fakeStore())))!;
				const { encoding, outputEncoding, header, expiryOrder, service } = options;
				const core = convertYamatoReturn(new TextEncoder().encode(text), { encoding, outputEncoding, header, expiryOrder, service }).report.problems;
				const listed = result.report.problems.toArray();
				expect(listed).toEqual(core.map(({ message: _, ...record }) => record));
				for (const problem of listed) expect(problem).not.toHaveProperty('message');
				// Screens and lists render the message from code + params: the core API's words, in Japanese.
				expect(listed.map((problem) => problemText(problem, 'ja'))).toEqual(core.map((problem) => problem.message));
			}),
			{ numRuns: 60 }
		);
	}, 60_000);

	// The end of step d (the digest, the outcome, the history record with up to 10,000 problems of each
	// severity) ran about 1 s in the browser on a file of many warnings with no visible news: the page
	// shows whole percents, and the finishing steps all fell inside one.
	it.each([
		['a few rows', 3, 1 << 16],
		['many rows, in slices', 2000, 4096]
	])('after the last row, the bar moves a whole percent at each finishing step, once inside the history record (%s)', async (_, count, slice) => {
		const rows = Array.from({ length: count }, (_, i) => `US-${String(10000 + i).padStart(8, '0')},11,visa,202912,AbCdEf0123456789xyZ1`);
		const store = fakeStore();
		const ports = fakePorts(store);
		const record = store.record;
		const during: number[] = [];
		store.record = async (run) => {
			const before = ports.bar.length;
			const recorded = await record(run);
			during.push(...ports.bar.slice(before));
			return recorded;
		};
		const result = (await convertReturnFile({ file: chunkedFile([returnHeader, ...rows].join('\r\n') + '\r\n', slice), customerList: null }, returnJob(), ports))!;
		expect(result.outcome.warnings).toBeGreaterThan(0);
		const percents = ports.bar.map((value) => Math.floor(value * 100));
		expect(percents).toEqual([...percents].sort((a, b) => a - b));
		expect(percents.at(-1)).toBe(100);
		// The conversion's share ends where the rows end; each step after it shows a new whole percent.
		const converted = Math.floor((12 / 13) * 100);
		const after = [...new Set(percents.filter((percent) => percent > converted))];
		expect(after.length).toBeGreaterThanOrEqual(4);
		expect(during.length).toBe(1);
		expect(Math.floor(during[0] * 100)).toBeLessThan(100);
	});

	it.each<[string, 'ja' | 'en', string, string]>([
		['Japanese', 'ja', '行数,列,重要度,コード,内容', '3行目の有効期限「2813」は月が13です。'],
		['English', 'en', 'Row,Column,Severity,Code,Message', 'Row 3: expiry ""2813"" has month 13.']
	])('downloads the problem list in %s', async (_name, language, header, message) => {
		const file = returnFile('US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1', 'US-00010001,042,JCB,2813,QwErTy9876543210abC2');
		const result = (await convertReturnFile({ file, customerList: null }, returnJob(), fakePorts(fakeStore())))!;
		const text = await conversionList(result.report, 'problems', language).file!.text();
		expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(header);
		expect(text).toContain(message);
	});

	it.each(['ja', 'en'] as const)('a problem list Shift_JIS cannot hold is not written but named, and UTF-8 writes it (%s)', async (language) => {
		const file = returnFile('US-00010000,111,VISA😀,2912,AbCdEf0123456789xyZ1', 'US-00010001,042,JCB,2812,QwErTy9876543210abC2');
		const sjisJob = returnJob({ options: { ...options, outputEncoding: 'shift_jis' } });
		const result = (await convertReturnFile({ file, customerList: null }, sjisJob, fakePorts(fakeStore())))!;
		const refused = conversionList(result.report, 'problems', language);
		expect(refused.file).toBeNull();
		expect(refused.unencodable?.problems[0]).toMatchObject({ code: 'not-encodable', row: 2, column: 5, params: { value: '😀' } });
		const written = conversionList(result.report, 'problems', language, 'utf-8-bom');
		expect(await written.file!.text()).toContain('😀');
	});

	it('checks returned IDs against the customer list it is given, and only when asked', async () => {
		const customerList = customerListOf(['US-00010000']);
		const file = () => returnFile('US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1', 'US-00010005,042,JCB,2812,QwErTy9876543210abC2');
		const checked = (await convertReturnFile({ file: file(), customerList }, returnJob(), fakePorts(fakeStore())))!;
		expect(checked.report.summary).toMatchObject({ written: 1, reconciliation: { 'unknown-returned': 1, 'sent-not-returned': 0 } });
		const off = { ...options, checkCustomerList: false };
		const unchecked = (await convertReturnFile({ file: file(), customerList }, returnJob({ options: off }), fakePorts(fakeStore())))!;
		expect(unchecked.report.summary).toMatchObject({ written: 2, reconciliation: { 'unknown-returned': null } });
	});

	it.each([
		['with the customer list', true, { 'sent-not-returned': 1, 'unknown-returned': 1, 'multi-card': 1, expired: 1, written: 3 }],
		['without it', false, { 'sent-not-returned': null, 'unknown-returned': null, 'multi-card': 1, expired: 1, written: 4 }]
	])('records the reconciliation numbers in the outcome, as the page shows them (%s)', async (_name, checkCustomerList, counts) => {
		const customerList = customerListOf(['US-00010000', 'US-00010001', 'US-00010002']);
		const file = returnFile(
			'US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1',
			'US-00010000,222,JCB,2911,QwErTy9876543210abC2',
			'US-00010001,333,VISA,2001,ZxCvBn0123456789qwE3',
			'US-00010009,444,VISA,2912,PoIuYt0123456789lkJ4'
		);
		const store = fakeStore();
		const result = (await convertReturnFile({ file, customerList }, returnJob({ options: { ...options, checkCustomerList } }), fakePorts(store)))!;
		expect(result.outcome.reconciliation).toEqual(counts);
		expect(result.report.summary.reconciliation).toEqual(counts);
		expect(store.records[0].outcome).toMatchObject({ reconciliation: counts });
	});

	// The same file with and without the a・b list (SPEC screen 3 d): every record of the run says which
	// it was, with the list's size, and names the multi-card customers (IDs only) for the report.
	it.each([
		['checked, the list given and asked for', true, true, { customers: 3 }],
		['not checked: the option off', false, true, null],
		['not checked: no list loaded (after a reload)', true, false, null]
	])('records whether it was checked against the customer list: %s', async (_name, checkCustomerList, hasList, recorded) => {
		const ids = ['US-00010000', 'US-00010001', 'US-00010002'];
		const customerList = hasList ? customerListOf(ids) : null;
		const file = returnFile(
			'US-00010002,111,VISA,2912,AbCdEf0123456789xyZ1',
			'US-00010000,222,JCB,2911,QwErTy9876543210abC2',
			'US-00010002,333,VISA,2912,ZxCvBn0123456789qwE3',
			'US-00010000,444,VISA,2912,PoIuYt0123456789lkJ4'
		);
		const store = fakeStore();
		const result = (await convertReturnFile({ file, customerList }, returnJob({ options: { ...options, checkCustomerList } }), fakePorts(store)))!;
		expect(result.report.summary.customerList).toEqual(recorded);
		expect(store.records[0].outcome).toMatchObject({ customerList: recorded, multiCardIds: ['US-00010002', 'US-00010000'] });
		expect(historyOutcomeSchema.safeParse(store.records[0].outcome).success).toBe(true);
	});

	it('keeps at most the stored cap of multi-card IDs, in order of first appearance', async () => {
		const customers = storedMultiCardIds + 7;
		const rows = Array.from({ length: customers }, (_, i) => `US-${String(10000 + i).padStart(8, '0')},111,VISA,2912,AbCdEf0123456789xy${String(i).padStart(3, '0')}`);
		const file = returnFile(...rows, ...rows);
		const store = fakeStore();
		const result = (await convertReturnFile({ file, customerList: null }, returnJob(), fakePorts(store)))!;
		expect(result.outcome.reconciliation?.['multi-card']).toBe(customers);
		expect(result.outcome.multiCardIds).toEqual(rows.slice(0, storedMultiCardIds).map((row) => row.split(',')[0]));
	});

	const text = [returnHeader, ...Array.from({ length: 5 }, (_, i) => `US-0001000${i},111,VISA,2912,AbCdEf0123456789xyZ1`)].join('\r\n');
	// The file streams through the hash and the converter; the header of a saved mapping is peeked from
	// the first slices. Whatever the slices, and wherever the hash runs (this thread, or a hash worker
	// fed copies of the slices), the result is that of the file read whole.
	it.each([
		['one slice', 'this thread', 0],
		['64-byte slices', 'this thread', 64],
		['4 KB slices', 'this thread', 4096],
		['slices of the peek size', 'this thread', headerPeekSize],
		['one slice', 'a hash worker', 0],
		['64-byte slices', 'a hash worker', 64],
		['slices of the peek size', 'a hash worker', headerPeekSize]
	])('a file above the header peek size gives the same output, hash and saved mapping in %s, hashed on %s', async (_, hashOn, sliceSize) => {
		const header = '顧客,下3桁,ブランド,期限,キー,メモ';
		const memo = 'm'.repeat(400);
		const rows = Array.from({ length: 700 }, (_, i) => `US-${String(10000 + i).padStart(8, '0')},111,VISA,2912,AbCdEf0123456789xyZ1,${memo}${i}`);
		const text = [header, ...rows].join('\r\n') + '\r\n';
		const bytes = new TextEncoder().encode(text);
		expect(bytes.length).toBeGreaterThan(headerPeekSize);
		const signature = peekReturnHeader(bytes)!.signature;
		const columns = { customerId: 1, last3: 2, brand: 3, expiry: 4, token: 5 };
		const saved = { kind: 'yamato-return' as const, signature, headerCells: [], columns, firstRowIsHeader: true, savedAt: 0 };
		const job = returnJob({ options: { ...options, checkCustomerList: false } });
		const file = sliceSize === 0 ? textFile(text) : chunkedFile(text, sliceSize);
		const withSaved = () => Object.assign(fakeStore(), { mappings: [saved] });
		const ports = fakePorts(withSaved());
		if (hashOn === 'a hash worker') ports.streamHash = createHashClient(() => fakeHashWorker()).start;
		const result = (await convertReturnFile({ file, customerList: null }, job, ports))!;
		expect(result.report.summary).toMatchObject({ sha256: await sha256Hex(bytes), written: rows.length, mappingSource: 'saved' });
		const whole = (await convertReturnFile({ file: textFile(text), customerList: null }, job, fakePorts(withSaved())))!;
		expect(new Uint8Array(await result.output!.arrayBuffer())).toEqual(new Uint8Array(await whole.output!.arrayBuffer()));
		// The history keeps the size of the file written (the import CSV downloaded), whatever the slices:
		// the report compares it with the size of the file a card import registered.
		expect(result.outcome.outputSize).toBe(result.output!.size);
		expect(historyOutcomeSchema.parse(result.outcome).outputSize).toBe(result.output!.size);
	}, 60_000);

	// Step d reads the saved mappings from the store itself, while the file is read (the page no longer
	// reads them before it sends the job). Whenever the list comes — before the first slice, as the header's
	// last piece is taken (the job then waits for it), or only once a small file was read whole — the run
	// is that of the list at hand; a failed read fails the job and records nothing; a cancel while the job
	// waits for the list ends it; the operator's columns read no list.
	describe('the saved mappings, read from the store while the file is read', () => {
		const header = '顧客,下3桁,ブランド,期限,キー,メモ';
		const textOf = (rows: number, memo: number) =>
			[header, ...Array.from({ length: rows }, (_, i) => `US-${String(10000 + i).padStart(8, '0')},111,VISA,2912,AbCdEf0123456789xyZ1,${'m'.repeat(memo)}${i}`)].join('\r\n') + '\r\n';
		const files = { 'above the header peek size': textOf(700, 400), 'below it': textOf(3, 4) };
		const columns = { customerId: 1, last3: 2, brand: 3, expiry: 4, token: 5 };
		const saved = (text: string) => ({
			kind: 'yamato-return' as const,
			signature: peekReturnHeader(new TextEncoder().encode(text))!.signature,
			headerCells: [],
			columns,
			firstRowIsHeader: true,
			savedAt: 0
		});
		const job = returnJob({ options: { ...options, checkCustomerList: false } });
		type Answer = { list: ReturnType<typeof saved>[] } | { error: Error };
		// A store whose list is answered (or refused) only when `release` is called.
		const heldStore = (answer: Answer) => {
			const store = fakeStore();
			let release = () => {};
			const held = new Promise<ReturnType<typeof saved>[]>((resolve, reject) => (release = () => ('list' in answer ? resolve(answer.list) : reject(answer.error))));
			store.savedMappings = () => (store.mappingReads++, held);
			return { store, release: () => release() };
		};
		// Ports whose progress calls `when(done)` as each piece of the file is taken (bytes so far).
		const portsWith = (store: ReturnType<typeof fakeStore>, when: (done: number) => void) => {
			const ports = fakePorts(store);
			const progress = ports.progress;
			ports.progress = (done, total) => (progress(done, total), when(done));
			return ports;
		};
		const at = {
			'before the first slice': (): ((done: number) => boolean) => () => true,
			'as the header’s last piece is taken': () => (done: number) => done >= headerPeekSize,
			'once the file was read whole': () => (done: number) => done >= files['below it'].length
		};
		const cases: [keyof typeof at, keyof typeof files, number][] = [
			['before the first slice', 'above the header peek size', 64],
			['before the first slice', 'above the header peek size', 0],
			['before the first slice', 'below it', 0],
			['as the header’s last piece is taken', 'above the header peek size', 64],
			['as the header’s last piece is taken', 'above the header peek size', 4096],
			['as the header’s last piece is taken', 'above the header peek size', 0],
			['once the file was read whole', 'below it', 0],
			['once the file was read whole', 'below it', 16]
		];

		it.each(cases)('answered %s, a file %s in slices of %i bytes (0: one): the run of the list at hand', async (when, which, sliceSize) => {
			const text = files[which];
			const list = [saved(text)];
			const reference = (await convertReturnFile({ file: textFile(text), customerList: null }, job, fakePorts(Object.assign(fakeStore(), { mappings: list }))))!;
			const { store, release } = heldStore({ list });
			if (when === 'before the first slice') release();
			const due = at[when]();
			const file = sliceSize === 0 ? textFile(text) : chunkedFile(text, sliceSize);
			const result = (await convertReturnFile({ file, customerList: null }, job, portsWith(store, (done) => due(done) && release())))!;
			expect(result.report.summary).toMatchObject({ mappingSource: 'saved', written: reference.report.summary.written, sha256: await sha256Hex(new TextEncoder().encode(text)) });
			expect(result.report.summary.mapping).toEqual(reference.report.summary.mapping);
			expect(new Uint8Array(await result.output!.arrayBuffer())).toEqual(new Uint8Array(await reference.output!.arrayBuffer()));
			expect(result.outcome.problems).toEqual(reference.outcome.problems);
			expect([store.mappingReads, store.records.length]).toEqual([1, 1]);
		}, 60_000);

		it.each(cases)('refused %s, a file %s in slices of %i bytes: the job fails with the store’s error and records nothing', async (when, which, sliceSize) => {
			const text = files[which];
			const { store, release } = heldStore({ error: new Error('database-closed') });
			if (when === 'before the first slice') release();
			const due = at[when]();
			const file = sliceSize === 0 ? textFile(text) : chunkedFile(text, sliceSize);
			await expect(convertReturnFile({ file, customerList: null }, job, portsWith(store, (done) => due(done) && release()))).rejects.toThrow('database-closed');
			expect(store.records).toEqual([]);
		}, 60_000);

		// Pressed as the header is reached, or only after the file was read whole (a file below the
		// peek: its mapping waits for the list once every slice is in).
		it.each([
			['above the header peek size' as const, 0],
			['below it' as const, 0],
			['below it' as const, 2]
		])('a cancel while the job waits for a list that never comes (a file %s, %i polls after it waits) ends it: nothing recorded', async (which, pollsLater) => {
			const text = files[which];
			const { store } = heldStore({ list: [] });
			let waiting = false;
			let polls = 0;
			const ports = portsWith(store, (done) => (waiting ||= done >= Math.min(headerPeekSize, text.length)));
			ports.isCancelled = () => waiting && polls++ >= pollsLater;
			expect(await convertReturnFile({ file: chunkedFile(text, 64), customerList: null }, job, ports)).toBeNull();
			expect(store.records).toEqual([]);
		});

		it('the operator’s columns read no list: the run is theirs, whatever is saved', async () => {
			const text = files['above the header peek size'];
			const store = Object.assign(fakeStore(), { mappings: [{ ...saved(text), columns: { ...columns, customerId: 6 } }] });
			const chosen = returnJob({ options: { ...options, checkCustomerList: false, columns, firstRowIsHeader: true } });
			const result = (await convertReturnFile({ file: chunkedFile(text, 4096), customerList: null }, chosen, fakePorts(store)))!;
			expect(result.report.summary).toMatchObject({ mappingSource: 'chosen', written: 700 });
			expect(store.mappingReads).toBe(0);
		});
	});


	// Polls: before reading, after each 64-byte slice (read, hashed and converted at once), after the last row.
	const polls = 1 + Math.ceil(new TextEncoder().encode(text).length / 64) + 1;
	it.each(Array.from({ length: polls }, (_, poll) => [poll]))('a cancel at poll %i records nothing', async (poll) => {
		const store = fakeStore();
		expect(await convertReturnFile({ file: chunkedFile(text), customerList: null }, returnJob(), fakePorts(store, poll))).toBeNull();
		expect(store.records).toEqual([]);
	});

	it.each(Array.from({ length: polls }, (_, poll) => [poll]))('a cancel at poll %i drops the hash worker’s hash (after the last row, its digest goes unused)', async (poll) => {
		const worker = fakeHashWorker();
		const ports = fakePorts(fakeStore(), poll);
		ports.streamHash = createHashClient(() => worker).start;
		expect(await convertReturnFile({ file: chunkedFile(text), customerList: null }, returnJob(), ports)).toBeNull();
		const cancelledAfterDigest = poll === polls - 1;
		expect(worker.types.at(-1)).toBe(cancelledAfterDigest ? 'digest' : 'drop');
	});
	// A hash worker that fails (on a batch, at the digest, or by crashing) leaves a finished step d whole:
	// the file is hashed again on this thread, and the run is recorded once with the file's hash.
	it.each([
		['crashes at its first batch', () => fakeHashWorker({ failAfter: 0 })],
		['crashes at the digest', () => fakeHashWorker({ failAfter: 1 })],
		['refuses every batch', () => answeringWorker('update')],
		['refuses the digest', () => answeringWorker('digest')]
	])('a hash worker that %s still gives the converted file, its hash and one record', async (_, worker) => {
		const store = fakeStore();
		const ports = fakePorts(store);
		ports.streamHash = createHashClient(worker).start;
		const result = (await convertReturnFile({ file: chunkedFile(text), customerList: null }, returnJob(), ports))!;
		const whole = (await convertReturnFile({ file: textFile(text), customerList: null }, returnJob(), fakePorts(fakeStore())))!;
		expect(result.report.summary.sha256).toBe(await sha256Hex(new TextEncoder().encode(text)));
		expect(new Uint8Array(await result.output!.arrayBuffer())).toEqual(new Uint8Array(await whole.output!.arrayBuffer()));
		expect(store.records).toHaveLength(1);
	});

	it('a file that fails while streaming drops the hash worker’s hash', async () => {
		const worker = fakeHashWorker();
		const ports = fakePorts(fakeStore());
		ports.streamHash = createHashClient(() => worker).start;
		const bytes = new TextEncoder().encode(text);
		const file = {
			size: bytes.length,
			stream: () =>
				new ReadableStream<Uint8Array>({
					pull(controller) {
						controller.enqueue(bytes.slice(0, 64));
						controller.error(new Error('file-unreadable'));
					}
				})
		} as unknown as Blob;
		await expect(convertReturnFile({ file, customerList: null }, returnJob(), ports)).rejects.toThrow('file-unreadable');
		expect(worker.types.at(-1)).toBe('drop');
	});
});

/** A hash worker that answers a failure to every command of `type` and serves the others. */
function answeringWorker(type: HashCommand['type']): HashPort {
	const serve = createHashService();
	const port: HashPort = {
		onmessage: null,
		onerror: null,
		postMessage: (command) =>
			setTimeout(() => {
				const answer = command.type === type ? { id: command.id, failed: 'hash-failed' } : serve(command);
				if (answer) port.onmessage?.(new MessageEvent('message', { data: answer }));
			})
	};
	return port;
}

describe('buildLinkage', () => {
	it('from the store download: the expected linkage CSV, one outcome, and the list step d checks against', async () => {
		const store = fakeStore();
		const job = linkageJob({ options: { ...options, outputEncoding: 'shift_jis' } });
		const result = (await buildLinkage(fixture('store-customer-list.sjis.csv'), job, fakePorts(store)))!;
		const expected = readFileSync(new URL('../../../tests/fixtures/store-customer-list.linkage.expected.sjis.csv', import.meta.url));
		expect(new Uint8Array(await result.output!.arrayBuffer())).toEqual(new Uint8Array(expected));
		expect(result.outcome).toMatchObject({ kind: 'linkage', succeeded: result.report.summary.written });
		expect(store.records).toHaveLength(1);
		expect(result.report.customerList?.sent).toHaveLength(result.report.summary.written);
		// Step d says how many customers it checked against: all of the list's, linked or not.
		expect(result.report.customerList?.customers).toBe(result.report.summary.customers?.total);
		expect(result.report.summary.customers?.total).toBeGreaterThan(result.report.summary.customers!.linked);
	});

	it('from the registry: the registered customers in ID order, without reading a file', async () => {
		const index = new RegistryIndex();
		index.appendCustomers(customerColumns([{ linkageId: 'C1' }, { linkageId: 'C2' }]));
		const store = fakeStore(index);
		const result = (await buildLinkage(null, linkageJob({ source: 'registry', fileName: 'registry' }), fakePorts(store)))!;
		expect((await result.output!.text()).replace(/^\uFEFF/, '').split('\r\n').slice(1, 3)).toEqual(['C1,US-00010000', 'C2,US-00010001']);
		expect(store.entries.get(result.report.summary.historyId!)).toMatchObject({ kind: 'linkage', fileName: 'registry', size: 0 });
	});

	it('a refused list (no header) is recorded as refused and gives step d no list', async () => {
		const result = (await buildLinkage(textFile('US-00010000,C1\r\n'), linkageJob(), fakePorts(fakeStore())))!;
		expect(result.outcome).toMatchObject({ status: 'refused', succeeded: 0, failed: 1 });
		expect(result.report.customerList).toBeUndefined();
		expect(result.output).toBeNull();
	});

	const text = ['サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)', ...Array.from({ length: 8 }, (_, i) => `US-0001000${i},C${i}`)].join('\r\n');
	const polls = 1 + Math.ceil(new TextEncoder().encode(text).length / 64) + 1;
	it.each(Array.from({ length: polls }, (_, poll) => [poll]))('a cancel at poll %i records nothing', async (poll) => {
		const store = fakeStore();
		expect(await buildLinkage(chunkedFile(text), linkageJob(), fakePorts(store, poll))).toBeNull();
		expect(store.records).toEqual([]);
	});
});

describe('a conversion whose history cannot be written', () => {
	const failing = (error: unknown) => {
		const store = fakeStore();
		store.record = async () => {
			throw error;
		};
		return store;
	};
	const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
	it.each<[string, unknown, string]>([
		['a full disk', quota, 'quota-exceeded'],
		['a transaction aborted by a full disk', { name: 'AbortError', inner: quota }, 'quota-exceeded'],
		['an English internal sentence', new Error('Internal error opening backing store'), 'unknown']
	])('keeps step d\'s output and says why (%s)', async (_name, error, code) => {
		const file = returnFile('US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1');
		const result = (await convertReturnFile({ file, customerList: null }, returnJob(), fakePorts(failing(error))))!;
		expect(await result.output!.text()).toContain('US-00010000');
		expect(result.report.summary).toMatchObject({ historyFailure: code });
		expect(result.report.summary.historyId).toBeUndefined();
	});

	it('keeps step c\'s output too', async () => {
		const list = textFile('顧客ID,連携用ID\r\nUS-00010000,C1\r\n');
		const result = (await buildLinkage(list, linkageJob(), fakePorts(failing(quota))))!;
		expect(result.report.summary.historyFailure).toBe('quota-exceeded');
		expect(result.output).not.toBeNull();
	});
});

// During a conversion's last stretch (its history entry, its summary) no cancel was asked any more,
// but the page never heard so: キャンセル stayed pressable, did nothing, and said nothing (an upload's
// says "Writing: it can no longer be cancelled"). The kind: every job that polls a cancel tells its
// final write once, after its last poll, so the page disables キャンセル exactly when it stops working.
describe('a conversion tells its final write once, after the last cancel it asks', () => {
	const customers = new RegistryIndex();
	customers.appendCustomers(customerColumns([{ linkageId: 'C1' }, { linkageId: 'C2' }]));
	const jobs: [string, (ports: ReturnType<typeof fakePorts>) => Promise<unknown>][] = [
		['step d, a return file', (ports) => convertReturnFile({ file: returnFile('US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1'), customerList: null }, returnJob(), ports)],
		['step d, a return file in slices', (ports) => convertReturnFile({ file: chunkedFile([returnHeader, 'US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1'].join('\r\n'), 16), customerList: null }, returnJob(), ports)],
		['step b, a store download', (ports) => buildLinkage(fixture('store-customer-list.sjis.csv'), linkageJob(), ports)],
		['step b, the registry', (ports) => buildLinkage(null, linkageJob({ source: 'registry', fileName: 'registry' }), ports)]
	];
	it.each(jobs)('%s', async (_, run) => {
		const ports = fakePorts(fakeStore(customers));
		const events: string[] = [];
		const poll = ports.isCancelled;
		ports.isCancelled = () => (events.push('poll'), poll());
		ports.finalWrite = () => events.push('final write');
		expect(await run(ports)).not.toBeNull();
		expect(events.filter((event) => event === 'final write')).toHaveLength(1);
		expect(events.at(-1)).toBe('final write');
		expect(events).toContain('poll');
	});
});
