import { customerIdOf } from '$lib/domain/records/customer-id';
import type { RegistryIndex } from './registry-index';

// Customers between two progress calls, minus one (a mask).
const progressStride = 0xffff;

/**
 * Customer ID and 連携用ID of every registered customer, in ID order (the wizard's step b);
 * `progress(done, of)` every 65,536 customers, so a million keep the job's bar moving.
 */
export function linkageRecordsOf(index: RegistryIndex, progress: (done: number, of: number) => void = () => {}): { customerId: string; linkageId: string }[] {
	const seqs = index.filteredSeqs({ query: '', field: 'all' });
	const records: { customerId: string; linkageId: string }[] = new Array(seqs.length);
	for (let i = 0; i < seqs.length; i++) {
		if ((i & progressStride) === 0) progress(i, seqs.length);
		records[i] = { customerId: customerIdOf(seqs[i]), linkageId: index.linkageIdOf(seqs[i]) };
	}
	progress(seqs.length, seqs.length);
	return records;
}
