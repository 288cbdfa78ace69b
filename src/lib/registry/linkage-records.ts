import type { RegistryIndex } from './registry-index';

/** Customer ID and 連携用ID of every registered customer, in ID order (the wizard's step b). */
export function linkageRecordsOf(index: RegistryIndex): { customerId: string; linkageId: string }[] {
	const records = [];
	for (const seq of index.filteredSeqs({ query: '', field: 'all' })) {
		const customer = index.customerAt(seq);
		if (customer) records.push({ customerId: customer.id, linkageId: customer.linkageId });
	}
	return records;
}
