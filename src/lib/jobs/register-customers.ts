import { readOldCartCustomers } from '$lib/domain';
import { emptyCustomerColumns } from '$lib/domain/records/customer';
import type { IndexProgress, RegistryIndex } from '$lib/registry/registry-index';
import type { JobPorts } from './ports';
import { runUpload, type UploadReader, type UploadResult } from './run-upload';
import type { UploadJob } from './upload-types';

/** 顧客情報 rows: a 連携用ID already registered is skipped, so a delta run never duplicates anyone. */
function customerReader(job: UploadJob, index: RegistryIndex): UploadReader {
	const columns = emptyCustomerColumns();
	const { linkageIds, names, kanas, emails, phones, zips, addresses } = columns;
	let count = 0;
	let skipped = 0;
	// A first registration has no one to skip: no lookup (a hash of each 連携用ID) per row.
	const isRegistryEmpty = index.customerCount === 0;
	// Each customer goes straight into the columns the store writes: no object per row.
	const reader = readOldCartCustomers({ encoding: job.encoding }, (_row, linkageId, name, kana, email, phone, zip, address) => {
		if (!isRegistryEmpty && index.hasLinkageId(linkageId)) return void skipped++;
		linkageIds[count] = linkageId;
		names[count] = name;
		kanas[count] = kana;
		emails[count] = email;
		phones[count] = phone;
		zips[count] = zip;
		addresses[count] = address;
		count++;
	});
	return {
		push: (bytes) => reader.push(bytes),
		finish: () => {
			const report = reader.finish();
			// The columns are not used after the write: the registry may take them as they are.
			const apply = (progress?: IndexProgress) => void index.appendCustomers(columns, progress, true);
			return { report, skipped, count, columns: { customers: columns }, apply };
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
