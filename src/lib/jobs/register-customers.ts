import { createOldCartCustomerParser } from '$lib/domain';
import { emptyCustomerColumns, pushCustomer } from '$lib/domain/records/customer';
import type { IndexProgress, RegistryIndex } from '$lib/registry/registry-index';
import type { JobPorts } from './ports';
import { runUpload, type UploadReader, type UploadResult } from './run-upload';
import type { UploadJob } from './upload-types';

/** 顧客情報 rows: a 連携用ID already registered is skipped, so a delta run never duplicates anyone. */
function customerReader(job: UploadJob, index: RegistryIndex): UploadReader {
	const parser = createOldCartCustomerParser({ encoding: job.encoding });
	const columns = emptyCustomerColumns();
	let skipped = 0;
	// A first registration has no one to skip: no lookup (a hash of each 連携用ID) per row.
	const isRegistryEmpty = index.customerCount === 0;
	const take = (customers: ReturnType<typeof parser.push>) => {
		for (const customer of customers) {
			if (!isRegistryEmpty && index.hasLinkageId(customer.linkageId)) skipped++;
			else pushCustomer(columns, customer);
		}
	};
	return {
		push: (bytes) => take(parser.push(bytes)),
		finish: () => {
			const last = parser.finish();
			take(last.customers);
			const apply = (progress?: IndexProgress) => void index.appendCustomers(columns, progress);
			return { report: last.report, skipped, count: columns.linkageIds.length, columns: { customers: columns }, apply };
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
