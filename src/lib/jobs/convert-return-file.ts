import { chooseReturnMapping, createYamatoReturnConverter, sha256Hex } from '$lib/domain';
import { runOutcome, type RunOutcome } from '$lib/domain/records/run-outcome';
import { conversionStart, conversionSummary } from './conversion-summary';
import type { ConversionReport, CustomerList, ReturnFileJob } from './conversion-types';
import { OutputParts } from './output-parts';
import type { JobPorts, JobResult } from './ports';
import { readInput, sliceSize, stagedProgress } from './read-input';

/** Step d's input: Yamato's return file, and the customer list of step b when checked against. */
export interface ReturnFileInput {
	file: Blob;
	customerList: CustomerList | null;
}

/**
 * Step d: converts Yamato's return file into the card import file (SPEC "Card import file"),
 * streaming, and records the run once. Null when cancelled (before, while reading, while
 * converting, or before the record): then nothing is recorded.
 */
export async function convertReturnFile(
	input: ReturnFileInput,
	job: ReturnFileJob,
	ports: JobPorts
): Promise<JobResult<ConversionReport, RunOutcome> | null> {
	const started = performance.now();
	const startedAt = Date.now();
	const size = input.file.size;
	const bar = stagedProgress(ports.progress, [['read', size / 4], ['convert', size]]);
	const bytes = await readInput(input.file, (read) => bar('read', read, size), ports.isCancelled);
	if (!bytes) return null;
	const hash = sha256Hex(bytes);
	const list = job.options.checkCustomerList ? input.customerList : null;
	const mapping = chooseReturnMapping(bytes, job.options);
	const { encoding, outputEncoding, header, expiryOrder, service } = job.options;
	const converter = createYamatoReturnConverter({
		columns: mapping.columns,
		firstRowIsHeader: mapping.firstRowIsHeader,
		...{ encoding, outputEncoding, header, expiryOrder, service },
		customerIds: list?.ids,
		sentCustomerIds: list?.sent
	});
	const parts = new OutputParts();
	for (let offset = 0; offset < bytes.length; offset += sliceSize) {
		parts.add(converter.push(bytes.subarray(offset, offset + sliceSize)));
		bar('convert', offset + sliceSize, bytes.length);
		if (await ports.isCancelled()) return null;
	}
	const { output, report } = converter.finish();
	if (await ports.isCancelled()) return null;
	const outcome = runOutcome({ kind: 'card-file', report, succeeded: report.written });
	const sha256 = await hash;
	const { historyId } = await ports.store.record({ start: conversionStart(job, report, size, sha256, startedAt), outcome });
	const { columnCount, headerCells, headerSignature } = report;
	const summary = conversionSummary(report, {
		job,
		size,
		sha256,
		outcome,
		elapsedMs: performance.now() - started,
		returnFile: { columnCount, headerCells, headerSignature, mappingSource: mapping.source },
		reconciliation: { groups: report.reconciliation, hasList: list !== null }
	});
	summary.historyId = historyId;
	if (output) parts.add(output);
	return {
		output: output ? parts.blob() : null,
		report: { summary, problems: report.problems, outputEncoding, reconciliation: report.reconciliation, sent: list?.sent ?? null },
		outcome
	};
}
