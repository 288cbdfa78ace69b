import { readOldCartCustomerRanges, type OldCartCustomerReader } from '$lib/domain';
import { CustomerPacker } from '$lib/domain/records/packed-customers';
import type { IndexProgress, RegistryIndex } from '$lib/registry/registry-index';
import type { JobPorts } from './ports';
import { runUpload, type UploadReader, type UploadResult } from './run-upload';
import type { UploadJob } from './upload-types';

/** 顧客情報 rows: a 連携用ID already registered is skipped, so a delta run never duplicates anyone. */
function customerReader(job: UploadJob, index: RegistryIndex): UploadReader {
	// Each customer goes straight into the packer, which copies its values' code units from where
	// they stand in the line at once: no object and no text per row (the store and the registry
	// receive packed columns).
	const packer = new CustomerPacker();
	let skipped = 0;
	// A first registration has no one to skip: no lookup (a hash of each 連携用ID) per row.
	const isRegistryEmpty = index.customerCount === 0;
	let reader: OldCartCustomerReader | null = readOldCartCustomerRanges({ encoding: job.encoding }, (_row, texts, bounds) => {
		if (!isRegistryEmpty && index.hasLinkageId(texts[0].slice(bounds[0], bounds[1]))) return void skipped++;
		packer.pushRanges(texts, bounds);
	});
	return {
		push: (bytes) => reader?.push(bytes),
		finish: () => {
			const report = reader!.finish();
			// Let go of the reader's state (the file's 連携用IDs and their rows, a string each): `apply`
			// below shares this scope, and would keep it through the store and the index (issue 14).
			reader = null;
			const customers = packer.finish();
			// The packed parts never change: the registry keeps the very parts the store writes.
			const apply = (progress?: IndexProgress) => void index.appendCustomers(customers, progress);
			return { report, skipped, count: customers.count, columns: { customers }, apply };
		}
	};
}

/**
 * 一括登録 › 顧客情報 (SPEC screen 2): registers the old cart's customers; IDs in file order from
 * the next free one (`US-00010000` in an empty registry); a known 連携用ID is reported as skipped.
 */
export function registerCustomers(file: Blob, job: UploadJob & { kind: 'customers' }, ports: JobPorts): Promise<UploadResult> {
	return runUpload(file, job, ports, (index) => customerReader(job, index));
}
