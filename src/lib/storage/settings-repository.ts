import { announce } from './changes';
import {
	paymentSettingsSchema,
	readPaymentSettings,
	type PaymentSettings
} from '$lib/domain/settings';
import { db } from './db';

const paymentKey = 'payment';

/** Payment settings: validated on write, defaults on an unreadable read. */
export const settingsRepository = {
	async getPayment(): Promise<PaymentSettings> {
		const record = await db().settings.get(paymentKey);
		return readPaymentSettings(record?.value);
	},

	async savePayment(settings: PaymentSettings): Promise<void> {
		const value = paymentSettingsSchema.parse(settings);
		await db().settings.put({ key: paymentKey, value });
		announce('settings');
	}
};
