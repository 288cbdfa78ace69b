import { canImportCards, defaultPaymentSettings, type PaymentSettings } from '$lib/domain/settings';
import { settingsRepository } from '$lib/storage/settings-repository';
import type { ConversionKind, ConversionOptions } from '$lib/workers/conversion-types';
import { ConversionRun } from './conversion-run.svelte';

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

	private async run(run: ConversionRun, kind: ConversionKind, file: File) {
		const job = { jobId: `${kind}-${++jobCounter}`, kind, file, options: $state.snapshot(this.options) };
		const summary = await run.start(job);
		if (summary) this.onFinished?.(run);
	}

	loadList(file: File) {
		return this.run(this.list, 'linkage', file);
	}

	convertReturn(file: File) {
		return this.run(this.conversion, 'yamato-return', file);
	}

	/** Reads the whole expiry column in the other order and converts again (never row by row). */
	async setExpiryOrder(order: 'YYMM' | 'MMYY') {
		this.options.expiryOrder = order;
		if (this.returnFile) await this.convertReturn(this.returnFile);
	}
}

export const migration = new MigrationState();
