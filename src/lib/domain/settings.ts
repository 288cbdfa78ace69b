import { containsCardNumber } from './guard/card-number';
import { z } from './zod';

/** クロネコwebコレクト利用可否: hidden = admin screens only, visible = admin and shop, disabled = not used. */
export const availabilityValues = ['hidden', 'visible', 'disabled'] as const;
export type Availability = (typeof availabilityValues)[number];

/** 利用サービス: the provider list (one entry today); column 1 of the card import file. */
export const serviceValues = ['YAMATO'] as const;
export type PaymentService = (typeof serviceValues)[number];

/** True when `value` is a dotted IPv4 address inside 10/8, 172.16/12 or 192.168/16. */
export function isPrivateIpv4(value: string): boolean {
	const parts = value.split('.');
	if (parts.length !== 4) return false;
	if (!parts.every((part) => /^(?:0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255)) return false;
	const [a, b] = parts.map(Number);
	return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** True when `value` is a decimal port number 1–65535 without sign or leading zero. */
export function isPort(value: string): boolean {
	return /^[1-9]\d{0,4}$/.test(value) && Number(value) <= 65535;
}

/**
 * A free text of the settings: refused when it holds a full card number (SPEC: "The same guard
 * covers … the free texts of the settings screen"), so such a text is never saved. This check
 * comes first: its message is the one shown next to the field.
 */
const noCardNumber = () => z.refine<string>((value) => !containsCardNumber(value), { error: 'settings.error.cardNumber' });

// Messages are catalogue keys: the screen translates them into the operator's language.
export const paymentSettingsSchema = z
	.object({
		availability: z.enum(availabilityValues, { error: 'settings.error.availability' }),
		service: z.enum(serviceValues, { error: 'settings.error.service' }),
		merchantCode: z.string().check(noCardNumber(), z.trim(), z.maxLength(20, { error: 'settings.error.merchantCodeLength' })),
		accessKey: z.string().check(noCardNumber(), z.trim(), z.maxLength(64, { error: 'settings.error.accessKeyLength' })),
		tenkeyEnabled: z.boolean(),
		tenkeyIp: z.string().check(noCardNumber(), z.trim()),
		tenkeyPort: z.string().check(noCardNumber(), z.trim()),
		description: z.string().check(noCardNumber(), z.maxLength(2000, { error: 'settings.error.descriptionLength' })),
		mailText: z.string().check(noCardNumber(), z.maxLength(2000, { error: 'settings.error.mailTextLength' }))
	})
	.check(
		z.superRefine((value, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		const inUse = value.availability !== 'disabled';
		if (inUse && value.merchantCode === '') issue('merchantCode', 'settings.error.merchantCodeRequired');
		else if (value.merchantCode !== '' && !/^\d+$/.test(value.merchantCode)) {
			issue('merchantCode', 'settings.error.merchantCodeDigits');
		}
		if (inUse && value.accessKey === '') issue('accessKey', 'settings.error.accessKeyRequired');
		else if (value.accessKey !== '' && !/^[A-Za-z0-9]+$/.test(value.accessKey)) {
			issue('accessKey', 'settings.error.accessKeyChars');
		}
		if (!value.tenkeyEnabled) return;
		if (value.tenkeyIp === '') issue('tenkeyIp', 'settings.error.tenkeyIpRequired');
		else if (!isPrivateIpv4(value.tenkeyIp)) issue('tenkeyIp', 'settings.error.tenkeyIpPrivate');
		if (value.tenkeyPort === '') issue('tenkeyPort', 'settings.error.tenkeyPortRequired');
		else if (!isPort(value.tenkeyPort)) issue('tenkeyPort', 'settings.error.tenkeyPortRange');
		})
	);

export type PaymentSettings = z.infer<typeof paymentSettingsSchema>;
export type PaymentSettingsField = keyof PaymentSettings;

/** The settings of a shop that has saved nothing yet. */
export const defaultPaymentSettings: PaymentSettings = {
	availability: 'hidden',
	service: 'YAMATO',
	merchantCode: '',
	accessKey: '',
	tenkeyEnabled: false,
	tenkeyIp: '',
	tenkeyPort: '',
	description: '',
	mailText: ''
};

export type SettingsValidation =
	| { ok: true; value: PaymentSettings }
	| { ok: false; errors: Partial<Record<PaymentSettingsField, string>> };

/** Validates a settings form; errors are catalogue keys per field (the first problem of each). */
export function validatePaymentSettings(input: unknown): SettingsValidation {
	const result = paymentSettingsSchema.safeParse(input);
	if (result.success) return { ok: true, value: result.data };
	const errors: Partial<Record<PaymentSettingsField, string>> = {};
	for (const issue of result.error.issues) {
		const field = issue.path[0] as PaymentSettingsField;
		errors[field] ??= issue.message;
	}
	return { ok: false, errors };
}

/** Reads stored settings without ever throwing: anything unreadable falls back to the defaults. */
export function readPaymentSettings(stored: unknown): PaymentSettings {
	const merged = { ...defaultPaymentSettings, ...(typeof stored === 'object' && stored ? stored : {}) };
	const result = paymentSettingsSchema.safeParse(merged);
	return result.success ? result.data : { ...defaultPaymentSettings };
}

/** Whether card data may be imported with these settings (source: インポートの際は…必ずご確認ください). */
export function canImportCards(settings: PaymentSettings): boolean {
	return settings.service === 'YAMATO' && settings.availability !== 'disabled';
}

export const paymentMethodPlaceholder = '@@message_each_payment_method@@';

/** Fills the system mail's placeholder: the card text for a card buyer, nothing for other methods. */
export function renderSystemMail(template: string, mailText: string, paidByCard: boolean): string {
	return template.split(paymentMethodPlaceholder).join(paidByCard ? mailText : '');
}
