import {
	createCardImportChecker,
	createOldCartCustomerParser,
	detectEncoding,
	sha256Hex,
	type DetectedEncoding,
	type FileReport
} from '$lib/domain';
import { sha256HexSync } from '$lib/domain/hash/sha256-sync';
import { emptyCardColumns, pushCard } from '$lib/domain/records/card';
import { CustomerIdLookup } from '$lib/domain/rules/id-lookup';
import { customerIdOf, seqOfCustomerId } from '$lib/domain/records/customer-id';
import { emptyCustomerColumns, pushCustomer } from '$lib/domain/records/customer';
import type { HistoryOutcome } from '$lib/domain/records/history-entry';
import type { Problem } from '$lib/domain/problems/problem';
import type { RegistryIndex, SearchRequest } from '$lib/storage/registry-index';
import { registryRepository } from '$lib/storage/registry-repository';
import { isQuotaExceeded } from '$lib/storage/storage-errors';
import { readShare, readWithProgress, throttle, yielder } from './file-chunks';
import { failuresOf, maxStoredFailures } from './record-conversion';
import { importLockName, type CustomerPage, type UploadJob, type UploadSummary } from './registry-types';
import { customerListFile, type CustomerListFile } from './customer-list-file';
import type { CustomerListDownload } from './registry-types';

const sliceSize = 1 << 20;

/** Thrown when another tab holds the import lock. */
export class ImportBusyError extends Error {
	constructor() {
		super('import-busy');
	}
}

/** Thrown when the browser refused to store more (quota); nothing of the upload was written. */
export class QuotaError extends Error {
	constructor() {
		super('quota-exceeded');
	}
}

function countWarnings(report: FileReport): number {
	let warnings = 0;
	for (const problem of report.problems) if (problem.severity === 'warning') warnings++;
	return warnings;
}

function* registeredIds(index: RegistryIndex): Generator<string> {
	for (let seq = 0; seq < index.customerCount; seq++) if (index.isCustomer(seq)) yield customerIdOf(seq);
}

/** The local customer registry: bulk registration of both kinds, search and the list download. */
export class RegistryService {
	private index: Promise<RegistryIndex> | null = null;

	/** The in-memory registry, read from IndexedDB on first use. */
	ready(): Promise<RegistryIndex> {
		this.index ??= registryRepository.loadIndex().then((index) => {
			// Build the name/e-mail/phone search keys with the load (about half a second for a
			// million customers), so that no later search ever waits for them.
			index.prepareSearch();
			return index;
		});
		return this.index;
	}

	/** Forgets the in-memory copy (after an erase, or when another tab changed the registry). */
	reload() {
		this.index = null;
	}

	async search(request: SearchRequest): Promise<CustomerPage> {
		const index = await this.ready();
		const { total, rows } = index.search(request);
		return { total, rows, registrySize: index.customerCount };
	}

	async customerList(request: CustomerListDownload): Promise<CustomerListFile> {
		const index = await this.ready();
		return customerListFile(index, index.filteredSeqs(request), request.encoding);
	}

	/** Customer ID and 連携用ID of every registered customer, in ID order (the wizard's step b). */
	async linkageRecords(): Promise<{ customerId: string; linkageId: string }[]> {
		const index = await this.ready();
		const records = [];
		for (const seq of index.filteredSeqs({ query: '', field: 'all' })) {
			const customer = index.customerAt(seq);
			if (customer) records.push({ customerId: customer.id, linkageId: customer.linkageId });
		}
		return records;
	}

	/** Runs one 一括登録 under the import lock; refuses at once when another tab is importing. */
	async upload(job: UploadJob, progress: (done: number, total: number) => void, isCancelled: () => boolean) {
		const run = async (lock: Lock | null) => {
			if (!lock) throw new ImportBusyError();
			try {
				return await this.runUpload(job, progress, isCancelled);
			} catch (error) {
				if (!isQuotaExceeded(error)) throw error;
				// The failed transaction left nothing; the entry, if it was written, stays 'running'
				// and becomes 中断 on the next start.
				throw new QuotaError();
			}
		};
		return navigator.locks.request(importLockName, { ifAvailable: true }, run) as Promise<UploadSummary>;
	}

	private async runUpload(job: UploadJob, progress: (done: number, total: number) => void, isCancelled: () => boolean) {
		const index = await this.ready();
		// The bar: reading (its share), then the rows (four fifths of the rest), then storing.
		const work = job.file.size * 1.25;
		const scale = work / (1 - readShare);
		const offsetOfWork = scale - work;
		const tick = throttle(100, progress);
		const input = await readWithProgress(job.file, (read) => tick((read / job.file.size) * offsetOfWork, scale));
		const encoding: DetectedEncoding = job.encoding === 'auto' ? detectEncoding(input) : job.encoding;
		const startedAt = Date.now();
		const historyId = await registryRepository.beginUpload({
			kind: job.kind,
			fileName: job.file.name,
			size: job.file.size,
			sha256: await sha256Hex(input),
			encoding,
			startedAt
		});
		const parsed = job.kind === 'customers' ? this.readCustomers(job, index) : this.readCards(job, index);
		const breathe = yielder();
		for (let offset = 0; offset < input.length; offset += sliceSize) {
			parsed.push(input.subarray(offset, offset + sliceSize));
			tick(offsetOfWork + Math.min(offset + sliceSize, input.length), scale);
			await breathe();
			if (isCancelled()) {
				await registryRepository.commitUpload({ historyId, outcome: { status: 'interrupted' } });
				return this.summary(job, historyId, { status: 'interrupted' }, []);
			}
		}
		const { report, skipped, commit } = parsed.finish();
		const blocked = job.errorsBlockImport && report.failed > 0;
		const registered = report.refused || blocked ? 0 : commit.count;
		const outcome: HistoryOutcome = {
			rows: report.rows,
			succeeded: registered,
			failed: report.refused ? Math.max(report.failed, 1) : report.failed,
			warnings: countWarnings(report),
			skipped,
			status: report.refused ? 'refused' : report.failed > 0 ? 'errors' : 'done',
			failures: failuresOf(report),
			failedRows: report.failedRows.slice(0, maxStoredFailures),
			errorsBlockImport: job.errorsBlockImport
		};
		const firstSeq = index.customerCount;
		await registryRepository.commitUpload({
			historyId,
			outcome,
			...(registered > 0 ? commit.columns : {}),
			expectedFirstSeq: job.kind === 'customers' ? firstSeq : undefined,
			onStored: (stored, total) => tick(offsetOfWork + input.length + (input.length / 4) * (stored / total), scale)
		});
		tick(scale, scale, true);
		if (registered > 0) commit.apply();
		const reasons = report.refused ? report.problems.filter((p) => p.row === 0 || p.code === 'card-number-found') : [];
		const summary = this.summary(job, historyId, outcome, reasons);
		if (job.kind === 'customers' && registered > 0) {
			summary.firstId = customerIdOf(firstSeq);
			summary.lastId = customerIdOf(firstSeq + registered - 1);
		}
		return summary;
	}

	private summary(job: UploadJob, historyId: number, outcome: HistoryOutcome, reasons: Problem[]): UploadSummary {
		return {
			historyId,
			kind: job.kind,
			fileName: job.file.name,
			status: outcome.status as UploadSummary['status'],
			rows: outcome.rows ?? 0,
			registered: outcome.succeeded ?? 0,
			skipped: outcome.skipped ?? 0,
			failed: outcome.failed ?? 0,
			warnings: outcome.warnings ?? 0,
			reasons
		};
	}

	/** 顧客情報: a known 連携用ID is skipped (a delta run never duplicates anyone). */
	private readCustomers(job: UploadJob, index: RegistryIndex) {
		const parser = createOldCartCustomerParser({ encoding: job.encoding });
		const columns = emptyCustomerColumns();
		let skipped = 0;
		const take = (customers: ReturnType<typeof parser.push>) => {
			for (const customer of customers) {
				if (index.hasLinkageId(customer.linkageId)) skipped++;
				else pushCustomer(columns, customer);
			}
		};
		return {
			push: (bytes: Uint8Array) => take(parser.push(bytes)),
			finish: () => {
				const last = parser.finish();
				take(last.customers);
				const count = columns.linkageIds.length;
				return { report: last.report, skipped, commit: { count, columns: { customers: columns }, apply: () => index.appendCustomers(columns) } };
			}
		};
	}

	/** クレジットカード情報: the same rules as step d; a card already registered is skipped. */
	private readCards(job: UploadJob, index: RegistryIndex) {
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
				pushCard(columns, {
					customerSeq,
					brand: card.brand,
					tail: card.last3,
					expiry: card.expiry,
					fingerprint,
					tokenLast4: card.token.slice(-4)
				});
			}
		};
		return {
			push: (bytes: Uint8Array) => take(checker.push(bytes)),
			finish: () => {
				const last = checker.finish();
				if (!last.report.refused) take(last.cards);
				const count = columns.customerSeqs.length;
				return { report: last.report as FileReport, skipped, commit: { count, columns: { cards: columns }, apply: () => index.appendCards(columns) } };
			}
		};
	}
}
