import { createCardImportChecker, type FileReport } from '$lib/domain';
import { sha256HexSync } from '$lib/domain/hash/sha256-sync';
import { emptyCardColumns, pushCard } from '$lib/domain/records/card';
import { customerIdOf, seqOfCustomerId } from '$lib/domain/records/customer-id';
import { CustomerIdLookup } from '$lib/domain/rules/id-lookup';
import type { IndexProgress, RegistryIndex } from '$lib/registry/registry-index';
import type { JobPorts } from './ports';
import { runUpload, type UploadReader, type UploadResult } from './run-upload';
import type { UploadJob } from './upload-types';

function* registeredIds(index: RegistryIndex): Generator<string> {
	for (let seq = 0; seq < index.customerCount; seq++) if (index.isCustomer(seq)) yield customerIdOf(seq);
}

/** クレジットカード情報 rows: step d's rules; a card already on its customer (or repeated) is skipped. */
function cardReader(job: UploadJob, index: RegistryIndex): UploadReader {
	const customerIds = new CustomerIdLookup(registeredIds(index));
	const checker = createCardImportChecker({ encoding: job.encoding, settings: job.settings, customerIds });
	const columns = emptyCardColumns();
	// Cards of this file so far, by fingerprint: no extra string per card on a million-card file.
	const seen = new Map<string, number>();
	let skipped = 0;
	const take = (cards: ReturnType<typeof checker.push>) => {
		for (const card of cards) {
			const customerSeq = seqOfCustomerId(card.customerId)!;
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
