import { createCardImportChecker, type FileReport } from '$lib/domain';
import { sha256HexSync } from '$lib/domain/hash/sha256-sync';
import { emptyCardColumns, pushCard } from '$lib/domain/records/card';
import { CustomerIdLookup, customerKeyOf } from '$lib/domain/rules/id-lookup';
import { firstCustomerNumber } from '$lib/domain/records/customer-id';
import { IntList } from '$lib/domain/rules/int-list';
import type { IndexProgress, RegistryIndex } from '$lib/registry/registry-index';
import type { JobPorts } from './ports';
import { runUpload, type UploadReader, type UploadResult } from './run-upload';
import type { UploadJob } from './upload-types';

/** The registered customers' IDs, by key (`US-` and 8 digits is the number `firstCustomerNumber + seq`). */
function registeredIds(index: RegistryIndex): CustomerIdLookup {
	const keys = new IntList();
	for (let seq = 0; seq < index.customerCount; seq++) if (index.isCustomer(seq)) keys.push(firstCustomerNumber + seq);
	return CustomerIdLookup.ofKeys(keys);
}

/** クレジットカード情報 rows: step d's rules; a card already on its customer (or repeated) is skipped. */
function cardReader(job: UploadJob, index: RegistryIndex): UploadReader {
	const customerIds = registeredIds(index);
	const checker = createCardImportChecker({ encoding: job.encoding, settings: job.settings, customerIds });
	const columns = emptyCardColumns();
	// Cards of this file so far, by fingerprint: no extra string per card on a million-card file.
	const seen = new Map<string, number>();
	let skipped = 0;
	const take = (cards: ReturnType<typeof checker.push>) => {
		for (const card of cards) {
			// A checked card names a registered customer, so its ID is store-shaped: no regex, no slice per card.
			const customerSeq = customerKeyOf(card.customerId) - firstCustomerNumber;
			const fingerprint = sha256HexSync(card.token);
			if (index.hasCard(customerSeq, fingerprint) || seen.get(fingerprint) === customerSeq) {
				skipped++;
				continue;
			}
			seen.set(fingerprint, customerSeq);
			const tokenLast4 = card.token.slice(-4);
			pushCard(columns, { customerSeq, brand: card.brand, tail: card.last3, expiry: card.expiry, fingerprint, tokenLast4 });
		}
	};
	return {
		push: (bytes) => take(checker.push(bytes)),
		finish: () => {
			const last = checker.finish();
			if (!last.report.refused) take(last.cards);
			// Not needed past the last row: the write that follows holds the file's cards once more.
			seen.clear();
			const apply = (progress?: IndexProgress) => index.appendCards(columns, progress);
			const count = columns.customerSeqs.length;
			return { report: last.report as FileReport, skipped, count, columns: { cards: columns }, apply };
		}
	};
}

/**
 * 一括登録 › クレジットカード情報 (SPEC step e): registers the card import file's cards on the
 * registered customers; refused when the settings do not allow an import.
 */
export function importCards(file: Blob, job: UploadJob & { kind: 'cards' }, ports: JobPorts): Promise<UploadResult> {
	return runUpload(file, job, ports, (index) => cardReader(job, index));
}
