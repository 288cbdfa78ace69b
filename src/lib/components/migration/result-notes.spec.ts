import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildLinkage } from '$lib/jobs/build-linkage';
import { convertReturnFile } from '$lib/jobs/convert-return-file';
import type { ConversionOptions, ConversionSummary, LinkageJob, ReturnFileJob } from '$lib/jobs/conversion-types';
import { customerListOf, fakePorts, fakeStore, textFile } from '$lib/jobs/fake-ports';
import { resultNotes } from './result-notes';

const options: ConversionOptions = { encoding: 'auto', outputEncoding: 'utf-8-bom', header: true, expiryOrder: 'YYMM', service: 'YAMATO', checkCustomerList: true };
const listHeader = 'サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)';
const returnHeader = 'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー';
const lines = (header: string, rows: readonly string[]) => new TextEncoder().encode([header, ...rows].join('\r\n') + '\r\n');

// Customer lists (steps a・b) and return files (step d) that end in each way a run can: read whole,
// and refused — by the operator trial's real file (a no-break space after values), a full card
// number, a file of another kind. Every one is run for real through the job the page runs.
const lists: Record<string, () => Promise<Uint8Array>> = {
	'read (3 customers, 2 linked)': async () => lines(listHeader, ['US-00010000,C1', 'US-00010001,C2', 'US-00010002,']),
	'refused: nbsp-trailing-values.utf8.csv': async () => new Uint8Array(await readFile('tests/fixtures/real-world/nbsp-trailing-values.utf8.csv')),
	'refused: a return file given as the list': async () => lines(returnHeader, ['US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1'])
};
const returns: Record<string, Uint8Array> = {
	'read': lines(returnHeader, ['US-00010000,111,VISA,2912,AbCdEf0123456789xyZ1', 'US-00010001,222,JCB,2911,QwErTy9876543210abC2']),
	'read, expiry looking MMYY': lines(returnHeader, ['US-00010000,111,VISA,1229,AbCdEf0123456789xyZ1', 'US-00010001,222,JCB,1129,QwErTy9876543210abC2']),
	'refused: a full card number': lines(returnHeader, ['US-00010000,111,VISA,2912,4111111111111111']),
	'refused: a customer list given as the return file': lines(listHeader, ['US-00010000,C1'])
};

async function stepB(bytes: Uint8Array): Promise<ConversionSummary> {
	const job: LinkageJob = { kind: 'linkage', jobId: 'c-1', fileName: 'list.csv', source: 'file', options };
	return (await buildLinkage(textFile(new TextDecoder().decode(bytes)), job, fakePorts(fakeStore())))!.report.summary;
}

async function stepD(bytes: Uint8Array, expiryOrder: 'YYMM' | 'MMYY'): Promise<ConversionSummary> {
	const job: ReturnFileJob = { kind: 'yamato-return', jobId: 'd-1', fileName: 'return.csv', options: { ...options, expiryOrder }, customerListJobId: null };
	const run = { file: textFile(new TextDecoder().decode(bytes)), customerList: customerListOf(['US-00010000', 'US-00010001']) };
	return (await convertReturnFile(run, job, fakePorts(fakeStore())))!.report.summary;
}

// Every result box × refused: a refused file gets no count, check or expiry offer beside its
// refusal; a file read whole gets the ones that are true of it.
describe('resultNotes: a refused file gets no sentence beside its refusal', () => {
	it.each(Object.keys(lists))('step c, list %s', async (name) => {
		const summary = await stepB(await lists[name]());
		const notes = resultNotes(summary, 'YYMM');
		expect(summary.refused).toBe(name.startsWith('refused'));
		if (summary.refused) expect(notes).toEqual({ customersLoaded: null, customerCheck: null, expiry: null });
		else expect(notes.customersLoaded).toEqual({ total: 3, linked: 2 });
	});

	const cases = Object.keys(returns).flatMap((name) => (['YYMM', 'MMYY'] as const).map((order) => [name, order] as const));
	it.each(cases)('step d, return file %s, expiry read as %s', async (name, order) => {
		const summary = await stepD(returns[name], order);
		const notes = resultNotes(summary, order);
		expect(summary.refused).toBe(name.startsWith('refused'));
		// The order chosen stays said with its undo (the only way back to YYMM), never the offer of a refused file.
		if (summary.refused) return expect(notes).toEqual({ customersLoaded: null, customerCheck: null, expiry: order === 'MMYY' ? 'active' : null });
		expect(notes.customerCheck).toEqual({ isChecked: true, customers: 2 });
		expect(notes.expiry).toBe(order === 'MMYY' ? 'active' : name.includes('MMYY') ? 'offer' : null);
	});
});
