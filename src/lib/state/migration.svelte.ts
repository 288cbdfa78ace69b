import { canImportCards, defaultPaymentSettings, type PaymentSettings } from '$lib/domain/settings';
import { settingsRepository } from '$lib/storage/settings-repository';
import type { ConversionKind, ConversionOptions } from '$lib/workers/conversion-types';
import { workbench } from '$lib/workers/workbench-client';
import { columnMappings } from './column-mappings.svelte';
import { ConversionRun } from './conversion-run.svelte';
import { rememberSource } from './history.svelte';

let jobCounter = 0;

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
	settings = $state<PaymentSettings>({ ...defaultPaymentSettings });
	listFile = $state<File | null>(null);
	/** Where step b takes the customer list from: a store download, or this app's registry. */
	listSource = $state<'file' | 'registry'>('file');
	registrySize = $state(0);
	listSourceChosen = false;
	returnFile = $state<File | null>(null);
	readonly list = new ConversionRun();
	readonly conversion = new ConversionRun();
	/** Called after every finished conversion (the history screen records it). */
	onFinished: ((run: ConversionRun) => void) | null = null;

	get settingsAllowImport(): boolean {
		return canImportCards(this.settings);
	}

	async loadSettings() {
		this.settings = await settingsRepository.getPayment();
		this.options.service = this.settings.service;
	}

	async loadRegistrySize() {
		this.registrySize = (await workbench.search({ query: '', field: 'all', offset: 0, limit: 0 })).registrySize;
		// Offer the registry first once it has customers, unless the operator already chose.
		if (this.registrySize > 0 && !this.listSourceChosen) this.listSource = 'registry';
	}

	private async run(
		run: ConversionRun,
		kind: ConversionKind,
		file: File,
		fromRegistry = false,
		mapping: Partial<ConversionOptions> = {}
	) {
		const options = { ...$state.snapshot(this.options), ...mapping };
		const job = { jobId: `${kind}-${++jobCounter}`, kind, file, options };
		const summary = await run.start(job, fromRegistry);
		if (summary?.historyId && !fromRegistry) rememberSource(summary.historyId, file);
		if (summary && kind === 'yamato-return') await columnMappings.finished(summary);
		if (summary) this.onFinished?.(run);
	}

	loadList(file: File) {
		return this.run(this.list, 'linkage', file);
	}

	/** Step c from the registry: the same rules and output as from a file. */
	loadListFromRegistry(name: string) {
		return this.run(this.list, 'linkage', new File([], name), true);
	}

	async convertReturn(file: File) {
		return this.run(this.conversion, 'yamato-return', file, false, await columnMappings.optionsFor(file));
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
