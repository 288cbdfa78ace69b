import {
	canImportCards,
	defaultPaymentSettings,
	validatePaymentSettings,
	type PaymentSettings,
	type PaymentSettingsField
} from '$lib/domain/settings';
import { errorCodeOf } from '$lib/domain/records/failure-code';
import { loadStorage } from './lazy-storage';

type Status = 'loading' | 'unreadable' | 'ready' | 'saving' | 'saved' | 'invalid' | 'failed';

/**
 * The payment settings as saved, shared by every screen: read afresh from IndexedDB before a screen
 * uses them (another tab may have saved since), replaced when this tab saves.
 */
class PaymentSettingsState {
	saved = $state<PaymentSettings>({ ...defaultPaymentSettings });

	/** True when a card import file may be made and imported (利用サービス YAMATO, in use). */
	allowsCardImport = $derived(canImportCards(this.saved));

	/**
	 * Why the last start-up read (`load`) failed, as a failure code (e.g. 'database-closed' once a newer
	 * copy of the app upgraded the database in another tab), or null: the screen says so where the
	 * settings would show, never 読み込み中… for ever.
	 */
	readFailure = $state<string | null>(null);

	/** Reads the saved settings; rejects when the storage cannot be read (a job's own read, which says why itself). */
	async refresh(): Promise<PaymentSettings> {
		this.saved = await (await loadStorage()).settingsRepository.getPayment();
		return this.saved;
	}

	/**
	 * A screen's start-up read of the settings: true once read; false when they could not be read, the
	 * reason kept in `readFailure`. Never rejects (nothing is left unhandled).
	 */
	async load(): Promise<boolean> {
		try {
			await this.refresh();
			this.readFailure = null;
			return true;
		} catch (error) {
			this.readFailure = errorCodeOf(error);
			return false;
		}
	}
}

export const paymentSettings = new PaymentSettingsState();

/** The payment settings form: what is typed, its field errors, and saving. */
class SettingsFormState {
	values = $state<PaymentSettings>({ ...defaultPaymentSettings });
	errors = $state<Partial<Record<PaymentSettingsField, string>>>({});
	status = $state<Status>('loading');
	failure = $state('');

	/**
	 * Reads the saved settings into the form. When they cannot be read the status is 'unreadable' (the
	 * reason: `paymentSettings.readFailure`): no form is offered, so defaults are never saved over settings
	 * that could not be read. Never rejects.
	 */
	async load() {
		this.status = 'loading';
		if (!(await paymentSettings.load())) {
			this.status = 'unreadable';
			return;
		}
		this.values = { ...paymentSettings.saved };
		this.errors = {};
		this.status = 'ready';
	}

	/** Validates everything; saves only when every field is valid. */
	async save(): Promise<boolean> {
		const result = validatePaymentSettings($state.snapshot(this.values));
		if (!result.ok) {
			this.errors = result.errors;
			this.status = 'invalid';
			return false;
		}
		this.errors = {};
		this.status = 'saving';
		try {
			await (await loadStorage()).settingsRepository.savePayment(result.value);
			this.values = result.value;
			paymentSettings.saved = { ...result.value };
			this.status = 'saved';
			return true;
		} catch (error) {
			this.failure = errorCodeOf(error);
			this.status = 'failed';
			return false;
		}
	}

	/** Re-checks one field after the operator leaves it, so errors clear as they are fixed. */
	revalidate(field: PaymentSettingsField) {
		if (!(field in this.errors)) return;
		const result = validatePaymentSettings($state.snapshot(this.values));
		const next = result.ok ? undefined : result.errors[field];
		const { [field]: _dropped, ...rest } = this.errors;
		this.errors = next ? { ...rest, [field]: next } : rest;
	}
}

export const settingsForm = new SettingsFormState();
