import type { OutputEncoding } from '$lib/domain/encoding/encode-text';
import type { ConversionOptions, JobDownload } from '$lib/jobs/conversion-types';
import { errorCodeOf } from '$lib/domain/records/failure-code';
import { workbench } from '$lib/workers/workbench-client';
import { columnMappings } from './column-mappings.svelte';
import { ConversionRun } from './conversion-run.svelte';
import { rememberSource } from './history.svelte';
import { pageRuns } from './page-runs';
import { PeopleDownload } from './people-download.svelte';
import { paymentSettings } from './settings.svelte';

let jobCounter = 0;
const nextJobId = (kind: string) => `${kind}-${++jobCounter}`;

/** The card-migration wizard: the customer list (steps a–c) and Yamato's return file (step d). */
class MigrationState {
	options = $state<ConversionOptions>({
		encoding: 'auto',
		outputEncoding: 'shift_jis',
		header: true,
		expiryOrder: 'YYMM',
		service: 'YAMATO',
		checkCustomerList: true
	});
	listFile = $state<File | null>(null);
	/** Where step b takes the customer list from: a store download, or this app's registry. */
	listSource = $state<'file' | 'registry'>('file');
	registrySize = $state(0);
	/** False while the registry's size is being read: step b's source is not offered until then. */
	registrySizeKnown = $state(false);
	/** Why the registry's size could not be read (a failure code), or null: step b says so instead of its sources. */
	registrySizeFailure = $state<string | null>(null);
	listSourceChosen = false;
	returnFile = $state<File | null>(null);
	readonly list = pageRuns.add(new ConversionRun());
	readonly conversion = pageRuns.add(new ConversionRun());
	/** The last step b run whose list was read (not refused): step d checks returned IDs against it. */
	private listJobId = $state<string | null>(null);

	/**
	 * True while a customer list from step b is loaded in this tab. 「照合する」 depends on it: without a
	 * list (at start, after a reload or an erase) the option is off and cannot be ticked, so no run
	 * claims a check it did not make.
	 */
	get hasCustomerList(): boolean {
		return this.listJobId !== null;
	}

	/** 「読み込んだ顧客一覧と照合する」 as it takes effect: ticked and a list loaded. */
	get checksCustomerList(): boolean {
		return this.options.checkCustomerList && this.hasCustomerList;
	}

	/**
	 * Drops both conversions' files and step d's lists (after an erase: nothing of them stays
	 * downloadable; the runs say what the erase did to them and drop their outputs: `pageRuns`).
	 */
	forget() {
		this.listFile = null;
		this.returnFile = null;
		this.listJobId = null;
		this.lists.clear();
		this.registrySize = 0;
		columnMappings.file = null;
	}

	get settingsAllowImport(): boolean {
		return paymentSettings.allowsCardImport;
	}

	/** The screen's start-up read of the settings; a failure is kept in `paymentSettings.readFailure`, never thrown. */
	async loadSettings() {
		if (await paymentSettings.load()) this.options.service = paymentSettings.saved.service;
	}

	/**
	 * Reads how many customers are registered; step b's source choice waits for it
	 * (`registrySizeKnown`), so the default never switches under the operator's hand.
	 */
	async loadRegistrySize() {
		this.registrySizeKnown = false;
		this.registrySizeFailure = null;
		try {
			// Only the size is wanted: read from the stored chunks, without loading a million customers.
			this.registrySize = (await workbench.ask('search', { request: { query: '', field: 'all', offset: 0, limit: 0 }, early: true })).registrySize;
			// Offer the registry first once it has customers, unless the operator already chose.
			if (this.registrySize > 0 && !this.listSourceChosen) this.listSource = 'registry';
		} catch (error) {
			this.registrySizeFailure = errorCodeOf(error);
		} finally {
			this.registrySizeKnown = true;
		}
	}

	private async loadListFrom(source: 'file' | 'registry', fileName: string, file: File | null) {
		const job = { kind: 'linkage' as const, jobId: nextJobId('linkage'), fileName, source, options: $state.snapshot(this.options) };
		const answer = await this.list.start({ job, file }, file?.size ?? 0);
		if (!answer) return;
		if (!answer.summary.refused) this.listJobId = job.jobId;
		if (file && answer.summary.historyId) rememberSource(answer.summary.historyId, file);
	}

	loadList(file: File) {
		return this.loadListFrom('file', file.name, file);
	}

	/** Step c from the registry: the same rules and output as from a file. */
	loadListFromRegistry(name: string) {
		return this.loadListFrom('registry', name, null);
	}

	/**
	 * 「変換する」 of step d: converts `file`; edits the operator made in the column editor for this
	 * same file (a column, 「1行目は見出し行」) and has not converted yet are used, not dropped.
	 */
	async convert(file: File) {
		if (columnMappings.hasPendingEdits(file, this.conversion.summary)) columnMappings.choose();
		await this.convertReturn(file);
	}

	async convertReturn(file: File) {
		// The cells a previous file's list could not hold in Shift_JIS are not this run's.
		this.lists.clear();
		// The job reads the saved column mappings itself, while the file's first slice is read: the page
		// sends it at the click, with nothing to read first.
		const options = {
			...$state.snapshot(this.options),
			checkCustomerList: this.checksCustomerList,
			...columnMappings.optionsFor(file)
		};
		const job = { kind: 'yamato-return' as const, jobId: nextJobId('yamato-return'), fileName: file.name, options, customerListJobId: this.listJobId };
		const answer = await this.conversion.start({ job, file }, file.size);
		if (!answer) return;
		if (answer.summary.historyId) rememberSource(answer.summary.historyId, file);
		await columnMappings.finished(answer.summary);
	}

	/** Step d's lists for people, and the cells Shift_JIS could not hold. */
	readonly lists = new PeopleDownload();

	/**
	 * A list of step d's result (multi-card customers, a reconciliation group) as a CSV for people,
	 * in the output encoding or `encoding`; null without a result or when Shift_JIS cannot hold it.
	 */
	async downloadList(what: Exclude<JobDownload, 'problems'>, encoding?: OutputEncoding): Promise<Blob | null> {
		const summary = this.conversion.summary;
		return summary ? this.lists.fetch(summary.jobId, what, encoding) : null;
	}

	/** Converts the same return file again with the columns the operator picked (then saved). */
	async convertWithColumns() {
		if (!columnMappings.file) return;
		columnMappings.choose();
		await this.convertReturn(columnMappings.file);
	}

	/** 「自動判定に戻す」: forgets the saved mapping of this header and converts by detection. */
	async useDetectedColumns() {
		if (!columnMappings.file) return;
		await columnMappings.useDetection(this.conversion.summary?.headerSignature);
		await this.convertReturn(columnMappings.file);
	}

	/** Reads the whole expiry column in the other order and converts again (never row by row). */
	async setExpiryOrder(order: 'YYMM' | 'MMYY') {
		this.options.expiryOrder = order;
		if (this.returnFile) await this.convertReturn(this.returnFile);
	}
}

export const migration = new MigrationState();
