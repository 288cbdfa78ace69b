import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertYamatoReturn, createYamatoReturnConverter, joinBytes, type YamatoReturnOptions } from '$lib/domain';
import { bytesText, sjis, splitAt, today, utf8 } from './helpers';

// fast-check runs many files per test: room for a busy machine.
const timeout = 60_000;

const token = 'AbCdEf0123456789xyZ1';
const headers = [
	'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー',
	'token,expiry,brand,last3,customer id',
	'token,expiry,brand,last3,customer id,auth key',
	'顧客ID,下3桁,ブランド,有効期限',
	'期限,キー,会員番号,種別,下3桁',
	'顧客ID,x,y,z,w',
	'"bad"header,a,b'
];
const rows = [
	`US-00010000,111,VISA,2912,${token}`,
	`${token},2912,VISA,111,US-00010001`,
	`2912,${token},US-00010002,VISA,111`,
	`US-00010001,11,Master Card,202912,${token},memo`,
	'US-00010002,300,AMEX,1225,bad token',
	'US-00010003,111,VISA',
	'"US-00010004","1""1",VISA,2912,x',
	'',
	' US-00010005 ,123,ビザ,2610,Z'
];
const file = fc
	.record({
		header: fc.option(fc.constantFrom(...headers), { nil: undefined }),
		body: fc.array(fc.constantFrom(...rows), { maxLength: 10 }),
		isUtf8: fc.boolean(),
		ending: fc.constantFrom('\r\n', '\n')
	})
	.map(({ header, body, isUtf8, ending }) => {
		const text = [...(header === undefined ? [] : [header]), ...body].join(ending);
		return isUtf8 ? utf8(text) : sjis(text);
	});
const options = fc.record({
	customerIds: fc.option(fc.constant(new Set(['US-00010000', 'US-00010002'])), { nil: undefined }),
	expiryOrder: fc.constantFrom('YYMM' as const, 'MMYY' as const),
	header: fc.boolean()
});

describe('an explicit mapping equal to the detected one', () => {
	it('changes nothing: same bytes, same report', () => {
		fc.assert(
			fc.property(file, options, fc.boolean(), (input, base, says) => {
				const detected = convertYamatoReturn(input, { today, ...base });
				const firstRowIsHeader = says && detected.report.hasHeader ? true : undefined;
				const chosen = convertYamatoReturn(input, { today, ...base, columns: detected.report.mapping, firstRowIsHeader });
				expect(bytesText(chosen.output)).toBe(bytesText(detected.output));
				expect(chosen.report).toEqual(detected.report);
			}),
			{ numRuns: 400 }
		);
	}, timeout);
});

describe('with chosen columns', () => {
	const columns = fc.record(
		{
			customerId: fc.integer({ min: 0, max: 6 }),
			last3: fc.integer({ min: 0, max: 6 }),
			brand: fc.integer({ min: 0, max: 6 }),
			expiry: fc.integer({ min: 0, max: 6 }),
			token: fc.integer({ min: 0, max: 6 })
		},
		{ requiredKeys: [] }
	);
	const chosen = fc.record({ columns, firstRowIsHeader: fc.option(fc.boolean(), { nil: undefined }) });

	it('the shortcut for plain lines still gives what the full rules give', () => {
		fc.assert(
			fc.property(file, chosen, (input, choice) => {
				const settings: YamatoReturnOptions = { today, ...choice };
				const fast = convertYamatoReturn(input, settings);
				const full = convertYamatoReturn(input, { ...settings, usePlainLineShortcut: false });
				expect(bytesText(fast.output)).toBe(bytesText(full.output));
				expect(fast.report).toEqual(full.report);
			}),
			{ numRuns: 300 }
		);
	}, timeout);

	it('splitting the input anywhere changes nothing', () => {
		fc.assert(
			fc.property(file, chosen, fc.array(fc.nat(300)), (input, choice, cuts) => {
				const settings: YamatoReturnOptions = { today, ...choice };
				const whole = convertYamatoReturn(input, settings);
				const converter = createYamatoReturnConverter(settings);
				const parts = splitAt(input, cuts).map((part) => converter.push(part));
				const last = converter.finish();
				expect(last.report).toEqual(whole.report);
				expect(bytesText(last.output === null ? null : joinBytes([...parts, last.output]))).toBe(bytesText(whole.output));
			}),
			{ numRuns: 300 }
		);
	}, timeout);
});
