/// <reference lib="webworker" />
import '$lib/domain/zod';
import { checkFileName } from '$lib/domain';
import { conversionList, problemPage } from '$lib/jobs/conversion-lists';
import { extractFailedRows } from '$lib/jobs/extract-failed-rows';
import { importCards } from '$lib/jobs/import-cards';
import { registerCustomers } from '$lib/jobs/register-customers';
import type { JobPorts } from '$lib/jobs/ports';
import { cardFindings } from '$lib/registry/card-findings';
import { tokyoMonthIndex } from '$lib/domain/rules/expiry';
import { customerListFile } from '$lib/registry/customer-list-file';
import { errorCodeOf } from '$lib/storage/storage-errors';
import { searchPage } from '$lib/registry/customer-page';
import { convert, finishedReport, forgetReports } from './conversions';
import { withImportLock } from './import-lock';
import type { Answers, Commands, CommandType, WorkerCommand, WorkerEvent } from './messages';
import { earlyPage } from './early-page';
import { portsOf, storePort } from './ports';

const cancelled = new Set<number>();
const post = (event: WorkerEvent) => self.postMessage(event);
const registry = () => storePort.registry();

// Message in, answer out: the work lives in the jobs; null means the job was cancelled.
const routes: { [K in CommandType]: (command: Commands[K], ports: JobPorts) => Promise<Answers[K] | null> } = {
	convert: ({ job, file }, ports) => convert(job, file, ports),
	upload: ({ job, file }, ports) =>
		withImportLock(async () => {
			const run = job.kind === 'customers' ? registerCustomers(file, { ...job, kind: 'customers' }, ports) : importCards(file, { ...job, kind: 'cards' }, ports);
			return (await run).report;
		}),
	'failed-rows': async ({ job, file }, ports) => {
		const result = await extractFailedRows(file, job, ports);
		return result && { report: result.report, output: result.output };
	},
	problems: async ({ jobId, filter, offset, limit }) => problemPage(finishedReport(jobId), filter, offset, limit),
	download: async ({ jobId, what, language, encoding }) => conversionList(finishedReport(jobId), what, language, encoding),
	search: async ({ request, early, partial }) => (await earlyPage(request, early === true, partial === true)) || searchPage(await registry(), request),
	'customer-list': async ({ request }) => {
		const index = await registry();
		return customerListFile(index, index.filteredSeqs(request), request.encoding);
	},
	'reload-registry': async () => (storePort.reload(), forgetReports(), null),
	'card-findings': async ({ today }) => cardFindings(await registry(), tokyoMonthIndex(new Date(today)))
};

self.onmessage = async ({ data: command }: MessageEvent<WorkerCommand>) => {
	const { requestId } = command;
	if (command.type === 'cancel') return void cancelled.add(requestId);
	try {
		// A file whose name holds a card number is never read (the page refuses it first; this holds
		// the promise for any other caller). Only the code goes back, never the name.
		if ('file' in command && command.file instanceof Blob && 'name' in command.file && checkFileName(String(command.file.name))) {
			throw new Error('card-number-in-file-name');
		}
		const route = routes[command.type] as (command: WorkerCommand, ports: JobPorts) => Promise<Answers[CommandType] | null>;
		const value = await route(command, portsOf(requestId, post, cancelled));
		post(value === null && command.type !== 'reload-registry' ? { type: 'cancelled', requestId } : { type: 'answer', requestId, value });
	} catch (error) {
		// Never echo file content nor the browser's English: only a failure code goes back.
		post({ type: 'failed', requestId, message: errorCodeOf(error) });
	} finally {
		cancelled.delete(requestId);
	}
};
