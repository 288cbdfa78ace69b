import { describe, expect, it } from 'vitest';
import {
	canImportCards,
	defaultPaymentSettings,
	isPort,
	isPrivateIpv4,
	readPaymentSettings,
	renderSystemMail,
	validatePaymentSettings,
	type PaymentSettings
} from './settings';

const valid: PaymentSettings = {
	...defaultPaymentSettings,
	merchantCode: '12345678',
	accessKey: '1234567'
};

describe('validatePaymentSettings', () => {
	it.each<[string, Partial<PaymentSettings>]>([
		['the defaults with a code and key', {}],
		['provisional digits before approval', { merchantCode: '0', accessKey: '0' }],
		['shown to shoppers', { availability: 'visible' }],
		['not used, without code or key', { availability: 'disabled', merchantCode: '', accessKey: '' }],
		['ten-key pad on 10/8', { tenkeyEnabled: true, tenkeyIp: '10.0.0.1', tenkeyPort: '1' }],
		['ten-key pad on 172.16/12', { tenkeyEnabled: true, tenkeyIp: '172.31.255.255', tenkeyPort: '65535' }],
		['ten-key pad on 192.168/16', { tenkeyEnabled: true, tenkeyIp: '192.168.0.10', tenkeyPort: '8080' }],
		['ten-key pad off ignores its fields', { tenkeyEnabled: false, tenkeyIp: 'nonsense', tenkeyPort: '0' }],
		['texts with kana and line breaks', { description: 'VISA・JCBが使えます。\n分割払い不可', mailText: 'ご利用ありがとうございます。' }]
	])('accepts %s', (_name, change) => {
		expect(validatePaymentSettings({ ...valid, ...change })).toMatchObject({ ok: true });
	});

	it.each<[string, Partial<PaymentSettings>, string, string]>([
		['an empty merchant code', { merchantCode: '' }, 'merchantCode', 'settings.error.merchantCodeRequired'],
		['letters in the merchant code', { merchantCode: '12a4' }, 'merchantCode', 'settings.error.merchantCodeDigits'],
		['full-width digits in the merchant code', { merchantCode: '１２３' }, 'merchantCode', 'settings.error.merchantCodeDigits'],
		['a 21-digit merchant code', { merchantCode: '1'.repeat(21) }, 'merchantCode', 'settings.error.merchantCodeLength'],
		['an empty access key', { accessKey: '' }, 'accessKey', 'settings.error.accessKeyRequired'],
		['a space in the access key', { accessKey: 'ab cd' }, 'accessKey', 'settings.error.accessKeyChars'],
		['a missing ten-key IP', { tenkeyEnabled: true, tenkeyPort: '80' }, 'tenkeyIp', 'settings.error.tenkeyIpRequired'],
		['a public ten-key IP', { tenkeyEnabled: true, tenkeyIp: '8.8.8.8', tenkeyPort: '80' }, 'tenkeyIp', 'settings.error.tenkeyIpPrivate'],
		['172.32.0.1 (outside 172.16/12)', { tenkeyEnabled: true, tenkeyIp: '172.32.0.1', tenkeyPort: '80' }, 'tenkeyIp', 'settings.error.tenkeyIpPrivate'],
		['an octet over 255', { tenkeyEnabled: true, tenkeyIp: '192.168.1.256', tenkeyPort: '80' }, 'tenkeyIp', 'settings.error.tenkeyIpPrivate'],
		['three octets', { tenkeyEnabled: true, tenkeyIp: '10.0.1', tenkeyPort: '80' }, 'tenkeyIp', 'settings.error.tenkeyIpPrivate'],
		['a missing port', { tenkeyEnabled: true, tenkeyIp: '10.0.0.1' }, 'tenkeyPort', 'settings.error.tenkeyPortRequired'],
		['port 0', { tenkeyEnabled: true, tenkeyIp: '10.0.0.1', tenkeyPort: '0' }, 'tenkeyPort', 'settings.error.tenkeyPortRange'],
		['port 65536', { tenkeyEnabled: true, tenkeyIp: '10.0.0.1', tenkeyPort: '65536' }, 'tenkeyPort', 'settings.error.tenkeyPortRange'],
		['a port with letters', { tenkeyEnabled: true, tenkeyIp: '10.0.0.1', tenkeyPort: '80a' }, 'tenkeyPort', 'settings.error.tenkeyPortRange'],
		['a description over 2000 characters', { description: 'あ'.repeat(2001) }, 'description', 'settings.error.descriptionLength'],
		['an unknown availability', { availability: 'sometimes' as never }, 'availability', 'settings.error.availability'],
		['an unknown service', { service: 'OTHER' as never }, 'service', 'settings.error.service']
	])('refuses %s', (_name, change, field, message) => {
		const result = validatePaymentSettings({ ...valid, ...change });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[field as keyof PaymentSettings]).toBe(message);
	});

	// SPEC: the card-number guard covers the free texts of the settings screen; never saved.
	it.each<[string, Partial<PaymentSettings>, string]>([
		['支払いの説明 with no-break spaces', { description: 'テスト用 4111\u00a01111\u00a01111\u00a01111 です' }, 'description'],
		['支払いの説明 over 2000 characters with a card number', { description: `${'あ'.repeat(2001)}4111111111111111` }, 'description'],
		['通知メール文 with full-width digits and ー', { mailText: '番号：４１１１ー１１１１ー１１１１ー１１１１' }, 'mailText'],
		['通知メール文 with a line break between groups', { mailText: '5105 1051\r\n0510 5100' }, 'mailText'],
		['a merchant code that is a card number', { merchantCode: '4111111111111111' }, 'merchantCode'],
		['an access key that is a card number', { accessKey: '378282246310005' }, 'accessKey'],
		['a ten-key IP field holding a card number', { tenkeyIp: '4111.1111.1111.1111' }, 'tenkeyIp']
	])('refuses %s as a card number', (_name, change, field) => {
		const result = validatePaymentSettings({ ...valid, ...change });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[field as keyof PaymentSettings]).toBe('settings.error.cardNumber');
		expect(readPaymentSettings({ ...valid, ...change })).toEqual(readPaymentSettings({}));
	});

	it.each([
		['a 20-digit order number', { description: '注文番号 20261128100001000001' }],
		['a JAN code', { mailText: '同梱品 JAN 4901234000094' }],
		['a phone number', { description: 'お問い合わせ 03-1234-5678' }]
	])('accepts %s in a free text', (_name, change) => {
		expect(validatePaymentSettings({ ...valid, ...change })).toMatchObject({ ok: true });
	});

	it('trims surrounding spaces from codes', () => {
		const result = validatePaymentSettings({ ...valid, merchantCode: ' 123 ' });
		expect(result).toMatchObject({ ok: true, value: { merchantCode: '123' } });
	});
});

describe('helpers', () => {
	it.each([
		['10.1.2.3', true],
		['172.16.0.0', true],
		['172.15.0.1', false],
		['192.168.255.255', true],
		['192.169.0.1', false],
		['127.0.0.1', false],
		['010.0.0.1', false],
		['10.0.0.1.5', false]
	])('isPrivateIpv4(%s) is %s', (ip, expected) => expect(isPrivateIpv4(ip)).toBe(expected));

	it.each([
		['1', true],
		['65535', true],
		['0', false],
		['08', false],
		['-1', false],
		['99999', false]
	])('isPort(%s) is %s', (port, expected) => expect(isPort(port)).toBe(expected));

	it('reads garbage as the defaults and never throws', () => {
		expect(readPaymentSettings(null)).toEqual(defaultPaymentSettings);
		expect(readPaymentSettings({ availability: 42 })).toEqual(defaultPaymentSettings);
		expect(readPaymentSettings({ ...valid, description: 'x' })).toEqual({ ...valid, description: 'x' });
	});

	it('allows card import only for YAMATO in use', () => {
		expect(canImportCards(valid)).toBe(true);
		expect(canImportCards({ ...valid, availability: 'visible' })).toBe(true);
		expect(canImportCards({ ...valid, availability: 'disabled' })).toBe(false);
	});

	it('fills the mail placeholder for card buyers and removes it for others', () => {
		const template = 'A\n@@message_each_payment_method@@\nB';
		expect(renderSystemMail(template, 'カード', true)).toBe('A\nカード\nB');
		expect(renderSystemMail(template, 'カード', false)).toBe('A\n\nB');
	});
});
