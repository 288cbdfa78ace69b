// Runs a file through the four job kinds with fake ports and gathers every text a person could
// see or that is stored (reports, problem texts in both languages, lists, downloads, records).
import { buildLinkage } from '$lib/jobs/build-linkage';
import { conversionList } from '$lib/jobs/conversion-lists';
import { convertReturnFile } from '$lib/jobs/convert-return-file';
import { chunkedFile, fakePorts, fakeStore } from '$lib/jobs/fake-ports';
import { importCards } from '$lib/jobs/import-cards';
import { registerCustomers } from '$lib/jobs/register-customers';
import { problemText } from '$lib/i18n/problem-text';
import { toProblemRecord } from '$lib/domain/records/problem-record';
import { RegistryIndex } from '$lib/registry/registry-index';
import { numberedCustomers } from '$lib/registry/test-records';
import { customerListFile } from '$lib/registry/customer-list-file';

export type Kind = 'return' | 'list' | 'oldcart' | 'cards';
const opts = { encoding: 'auto', outputEncoding: 'utf-8-bom', header: true, expiryOrder: 'YYMM', service: 'YAMATO', checkCustomerList: true } as const;

async function dump(x: unknown): Promise<string> {
	if (x instanceof Blob) return new TextDecoder().decode(new Uint8Array(await x.arrayBuffer()));
	return JSON.stringify(x, (_k, v) => (v instanceof Set ? [...v] : v instanceof Map ? [...v.entries()] : v));
}

/** Runs `bytes` as file kind `kind` through the jobs; returns every text a person could see or that is stored. */
export async function runAll(kind: Kind, bytes: Uint8Array | string, extra: Record<string, unknown> = {}, chunk = 0): Promise<string[]> {
	const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
	const file = chunk > 0 ? chunkedFile(new TextDecoder().decode(b), chunk) : new Blob([b as BlobPart]);
	const index = new RegistryIndex();
	index.appendCustomers(numberedCustomers(3));
	const store = fakeStore(index);
	const ports = fakePorts(store);
	const out: string[] = [];
	const texts = async (problems: any[]) => {
		for (const p of problems) for (const l of ['ja', 'en'] as const) out.push(problemText(toProblemRecord({ message: '', ...p }), l));
	};
	if (kind === 'return' || kind === 'list') {
		const job: any = kind === 'return'
			? { kind: 'yamato-return', jobId: 'd', fileName: 'f.csv', options: { ...opts, ...extra }, customerListJobId: null }
			: { kind: 'linkage', jobId: 'c', fileName: 'f.csv', source: 'file', options: { ...opts, ...extra } };
		const r: any = kind === 'return' ? await convertReturnFile({ file, customerList: null }, job, ports) : await buildLinkage(file, job, ports);
		out.push(await dump(r.report.summary), await dump(r.report.problems.toArray()), await dump(r.outcome));
		for (const w of ['problems', 'multi-card', 'expired', 'unknown-returned'] as const) {
			for (const l of ['ja', 'en'] as const) {
				try { out.push(await dump(conversionList(r.report, w, l))); } catch {}
			}
		}
		await texts(r.report.problems.toArray());
		(out as any).output = r.output ? await dump(r.output) : null;
	} else {
		const job: any = { kind: kind === 'oldcart' ? 'customers' : 'cards', fileName: 'f.csv', encoding: 'auto', errorsBlockImport: false, settings: { service: 'YAMATO', availability: 'visible' } };
		const r: any = kind === 'oldcart' ? await registerCustomers(file, job, ports) : await importCards(file, job, ports);
		out.push(await dump(r.report), await dump(r.outcome));
		await texts(r.outcome.problems);
		await texts(r.report.reasons ?? []);
		const list = customerListFile(index, index.filteredSeqs({ query: '', field: 'all' } as any), 'utf-8-bom' as any);
		out.push(list.file ? await dump(list.file) : await dump(list.unencodable));
	}
	out.push(await dump(store.records.map((r) => ({ ...r, onStored: undefined }))));
	out.push(await dump([...store.entries.values()]));
	return out;
}

/** Digits of a value, half-width. */
export const digitsOf = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, '');
export function leaks(texts: string[], secrets: string[]): string[] {
	const found: string[] = [];
	for (const t of texts) {
		const d = digitsOf(t);
		for (const s of secrets) {
			if (t.includes(s)) found.push(`whole ${s} in: ${t.slice(Math.max(0, t.indexOf(s) - 80), t.indexOf(s) + 80)}`);
			else if (/^\d+$/.test(digitsOf(s)) && digitsOf(s).length >= 13 && d.includes(digitsOf(s))) found.push(`digits of ${s} in: ${t.slice(0, 200)}`);
		}
	}
	return found;
}
