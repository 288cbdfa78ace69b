import {
	buildLinkageCsv,
	buildLinkageCsvFromRecords,
	chooseReturnMapping,
	createYamatoReturnConverter,
	customerIdListCsv,
	fileProblemCodes,
	expiredCardsCsv,
	multiCardListCsv,
	CustomerIdLookup,
	problemsCsv,
	sha256Hex,
	type FileReport,
	type LinkageReport,
	type MappingSource,
	type Problem,
	type Reconciliation,
	type YamatoReturnReport
} from '$lib/domain';
import type {
	ConversionJob,
	ConversionSummary,
	JobDownload,
	ProblemFilter,
	ProblemPage
} from './conversion-types';
import { readShare, readWithProgress, throttle, yielder } from './file-chunks';
import { recordConversion } from './record-conversion';

/** Slices the converter is fed: small enough for progress every few milliseconds. */
const sliceSize = 1 << 20;

/**
 * Output bytes handed to Blobs every few megabytes: a Blob's bytes live outside the worker's heap,
 * so a million-row output never sits in memory twice (as arrays and again as the final Blob).
 */
class OutputParts {
	private blobs: Blob[] = [];
	private pending: Uint8Array[] = [];
	private pendingSize = 0;

	add(bytes: Uint8Array) {
		if (bytes.length === 0) return;
		this.pending.push(bytes);
		this.pendingSize += bytes.length;
		if (this.pendingSize >= 8 << 20) this.flush();
	}

	blob(): Blob {
		this.flush();
		return new Blob(this.blobs, { type: 'text/csv' });
	}

	private flush() {
		if (this.pending.length > 0) this.blobs.push(new Blob(this.pending as BlobPart[]));
		this.pending = [];
		this.pendingSize = 0;
	}
}

/** Customers of the local registry, as step c reads them. */
export type LinkageSource = { customerId: string; linkageId: string }[];

export type ProgressSink = (done: number, total: number) => void;

/** The customer list of step b, kept in the worker for step c's reconciliation and step d's check. */
interface CustomerList {
	ids: CustomerIdLookup;
	/** Customers written to the linkage CSV (sent to Yamato), in list order. */
	sent: string[];
}

type StepReport = FileReport &
	Partial<Pick<YamatoReturnReport, 'columnCount' | 'headerCells' | 'headerSignature'>> & {
		suggestedExpiryOrder?: 'MMYY';
		reconciliation?: Reconciliation;
	};

interface FinishedJob {
	job: ConversionJob;
	report: StepReport;
	sent: string[] | null;
	mappingSource?: MappingSource;
}

const wholeFileCodes = new Set<string>(fileProblemCodes);

/** Runs conversions and keeps their reports, so the page only ever holds a page of problems. */
export class ConversionService {
	private customerList: CustomerList | null = null;
	private readonly finished = new Map<string, FinishedJob>();

	/**
	 * Converts one file; `isCancelled` is polled between slices. Step c can take the registry's
	 * customers instead of a file (`records`); the job's file then only names the source.
	 */
	async run(
		job: ConversionJob,
		progress: ProgressSink,
		isCancelled: () => boolean,
		records?: () => Promise<LinkageSource>
	) {
		const started = performance.now();
		const startedAt = Date.now();
		// The bar: reading the file first (its share), then the conversion, in bytes of the file.
		const scale = job.file.size / (1 - readShare);
		const reading = throttle(100, progress);
		const input = records
			? new Uint8Array(0)
			: await readWithProgress(job.file, (read) => reading(read * readShare / (1 - readShare), scale));
		const hash = sha256Hex(input);
		const result =
			job.kind === 'yamato-return'
				? await this.yamatoReturn(job, input, (done) => progress(scale - input.length + done, scale), isCancelled)
				: this.linkage(job, records ? buildLinkageCsvFromRecords(await records(), job.options) : buildLinkageCsv(input, job.options));
		if (result === null) return null;
		const summary = this.summarise(job, result.report, await hash, performance.now() - started);
		summary.historyId = await recordConversion(summary, result.report, startedAt);
		const output = result.output instanceof Blob || result.output === null
			? result.output
			: new Blob(result.output as BlobPart[], { type: 'text/csv' });
		return { summary, output };
	}

	private linkage(job: ConversionJob, { output, report }: ReturnType<typeof buildLinkageCsv>) {
		const list: CustomerList = { ids: new CustomerIdLookup(report.customerIds), sent: report.linkedCustomerIds };
		if (!report.refused) this.customerList = list;
		this.finished.set(job.jobId, { job, report: report as StepReport, sent: list.sent });
		return { output: output ? [output] : null, report: report as StepReport };
	}

	private async yamatoReturn(
		job: ConversionJob,
		input: Uint8Array,
		progress: ProgressSink,
		isCancelled: () => boolean
	) {
		const list = job.options.checkCustomerList ? this.customerList : null;
		const mapping = chooseReturnMapping(input, job.options);
		const converter = createYamatoReturnConverter({
			columns: mapping.columns,
			firstRowIsHeader: mapping.firstRowIsHeader,
			encoding: job.options.encoding,
			outputEncoding: job.options.outputEncoding,
			header: job.options.header,
			expiryOrder: job.options.expiryOrder,
			service: job.options.service,
			customerIds: list?.ids,
			sentCustomerIds: list?.sent
		});
		const tick = throttle(100, progress);
		const breathe = yielder();
		const parts = new OutputParts();
		for (let offset = 0; offset < input.length; offset += sliceSize) {
			parts.add(converter.push(input.subarray(offset, offset + sliceSize)));
			tick(Math.min(offset + sliceSize, input.length), input.length);
			// Let a cancel message in between slices.
			await breathe();
			if (isCancelled()) return null;
		}
		const { output, report } = converter.finish();
		tick(input.length, input.length, true);
		this.finished.set(job.jobId, { job, report, sent: list?.sent ?? null, mappingSource: mapping.source });
		if (!output) return { output: null, report };
		parts.add(output);
		return { output: parts.blob(), report };
	}

	private summarise(job: ConversionJob, report: StepReport, sha256: string, elapsedMs: number): ConversionSummary {
		let errors = 0;
		let warnings = 0;
		for (const problem of report.problems) {
			if (problem.severity === 'error') errors++;
			else warnings++;
		}
		const entry = this.finished.get(job.jobId);
		const summary: ConversionSummary = {
			jobId: job.jobId,
			kind: job.kind,
			fileName: job.file.name,
			size: job.file.size,
			sha256,
			encoding: report.encoding,
			hasHeader: report.hasHeader,
			mapping: { ...report.mapping },
			rows: report.rows,
			written: report.written,
			failed: report.failed,
			errors,
			warnings,
			refused: report.refused,
			problemCounts: report.problemCounts,
			fileProblems: report.problems.filter((problem) => wholeFileCodes.has(problem.code)).slice(0, 20),
			suggestedExpiryOrder: report.suggestedExpiryOrder,
			elapsedMs
		};
		if (job.kind === 'yamato-return') {
			const { columnCount, headerCells, headerSignature } = report;
			Object.assign(summary, { columnCount, headerCells, headerSignature, mappingSource: entry?.mappingSource });
		}
		if (job.kind === 'linkage') {
			const linkage = report as unknown as LinkageReport;
			summary.customers = { total: linkage.customerIds.length, linked: linkage.linkedCustomerIds.length };
		}
		const recon = report.reconciliation;
		if (recon) {
			const sent = entry?.sent ?? null;
			summary.reconciliation = {
				'sent-not-returned': sent ? (recon.notReturnedCustomerIds?.length ?? 0) : null,
				'unknown-returned': sent ? recon.unknownCustomerIds.length : null,
				'multi-card': recon.multiCardCustomers.length,
				expired: recon.expiredCards.length,
				written: report.written
			};
		}
		return summary;
	}

	/** One page of a finished job's problems, filtered by severity. */
	problems(jobId: string, filter: ProblemFilter, offset: number, limit: number): ProblemPage {
		const all = this.finished.get(jobId)?.report.problems ?? [];
		const matching: Problem[] = filter === 'all' ? all : all.filter((problem) => problem.severity === filter);
		return { total: matching.length, offset, problems: matching.slice(offset, offset + limit) };
	}

	/** A list for people (problems, reconciliation groups) as a CSV file. */
	download(jobId: string, what: JobDownload): Blob {
		const entry = this.finished.get(jobId);
		if (!entry) throw new Error('unknown-job');
		const options = { encoding: entry.job.options.outputEncoding };
		const recon = entry.report.reconciliation;
		let bytes: Uint8Array;
		if (what === 'problems') bytes = problemsCsv(entry.report.problems, options);
		else if (what === 'multi-card' && recon) bytes = multiCardListCsv(recon.multiCardCustomers, options);
		else if (what === 'expired' && recon) bytes = expiredCardsCsv(recon.expiredCards, options);
		else if (what === 'unknown-returned' && recon) {
			bytes = customerIdListCsv(recon.unknownCustomerIds.map((customer) => customer.customerId), options);
		} else if (what === 'sent-not-returned' && recon && entry.sent) {
			bytes = customerIdListCsv(recon.notReturnedCustomerIds ?? [], options);
		} else throw new Error(`no-list-${what}`);
		return new Blob([bytes as BlobPart], { type: 'text/csv' });
	}
}
