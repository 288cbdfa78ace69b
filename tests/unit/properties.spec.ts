import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	buildLinkageCsv,
	checkCardImportFile,
	convertYamatoReturn,
	createYamatoReturnConverter,
	joinBytes,
	parseOldCartCustomers,
	quoteCsvField
} from '$lib/domain';
import { bytesText, cardPrefixes as prefixes, luhnDigit, fixture, sjis, splitAt, today, utf8 } from './helpers';


/** A Luhn-valid number with a brand prefix, 13–19 digits, maybe with single spaces or hyphens. */
const cardNumber = fc
	.record({
		prefix: fc.constantFrom(...prefixes),
		length: fc.integer({ min: 13, max: 19 }),
		digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
		separator: fc.constantFrom('', ' ', '-'),
		groups: fc.constantFrom(4, 5, 6)
	})
	.map(({ prefix, length, digits, separator, groups }) => {
		// Visa numbers are 16–19 digits (SPEC).
		const size = prefix === '4' ? Math.max(16, length) : length;
		const body = (prefix + digits.join('')).slice(0, size - 1);
		const pan = body + luhnDigit(body);
		const shown = separator === '' ? pan : (pan.match(new RegExp(`.{1,${groups}}`, 'g')) ?? []).join(separator);
		return { pan, shown };
	});

const kinds = {
	'yamato return': {
		bytes: () => fixture('yamato-return.sjis.csv'),
		isRefused: (input: Uint8Array) => convertYamatoReturn(input, { today })
	},
	'customer list': {
		bytes: () => fixture('store-customer-list.sjis.csv'),
		isRefused: (input: Uint8Array) => buildLinkageCsv(input)
	},
	'card import file': {
		bytes: () => fixture('yamato-return.card-import.expected.sjis.csv'),
		isRefused: (input: Uint8Array) => {
			const { cards, report } = checkCardImportFile(input, { today });
			return { output: report.refused && cards.length === 0 ? null : new Uint8Array(0), report };
		}
	},
	'old cart customers': {
		bytes: () => fixture('oldcart-customers.utf8bom.csv'),
		isRefused: (input: Uint8Array) => {
			const { customers, report } = parseOldCartCustomers(input);
			return { output: report.refused && customers.length === 0 ? null : new Uint8Array(0), report };
		}
	}
};

function cellsOf(bytes: Uint8Array): { text: string; isSjis: boolean } {
	const isSjis = !(bytes[0] === 0xef && bytes[1] === 0xbb);
	const text = new TextDecoder(isSjis ? 'shift_jis' : 'utf-8').decode(bytes);
	return { text, isSjis };
}

describe('a full card number anywhere refuses the file and never shows up', () => {
	it.each(Object.entries(kinds))('%s', (_, kind) => {
		const { text, isSjis } = cellsOf(kind.bytes());
		const rows = text.split('\r\n').filter(Boolean).map((line) => line.split(','));
		fc.assert(
			fc.property(
				cardNumber,
				fc.nat(),
				fc.nat(),
				// Glued to a cell's digits, the number would make a contiguous run of more than 19 digits,
				// which SPEC does not scan: something else stands between.
				fc.constantFrom(' ', 'x', 'カード ', 'US-'),
				({ pan, shown }, r, c, before) => {
					const row = r % rows.length;
					const table = rows.map((cells) => [...cells]);
					const column = c % (table[row].length + 1);
					table[row][column] = `${table[row][column] ?? ''}${before}${shown}`;
					const csv = table.map((cells) => cells.map((cell) => quoteCsvField(cell ?? '')).join(',')).join('\r\n');
					const input = isSjis ? sjis(csv) : utf8(csv, true);
					const { output, report } = kind.isRefused(input);
					expect(output).toBeNull();
					const json = JSON.stringify(report);
					expect(json).not.toContain(pan);
					expect(json).not.toContain(shown);
					expect(report.problems.some((p) => p.code === 'card-number-found' && p.row === row + 1 && p.column === column + 1)).toBe(true);
				}
			),
			{ numRuns: 150 }
		);
	});
});

describe('splitting the input bytes anywhere never changes the result', () => {
	const token = 'AbCdEf0123456789xyZ1';
	const lines = [
		'サブスクストアの顧客ID,カード番号下3桁,カードブランド,有効期限,クロネコwebコレクトカード認証キー',
		`US-00010000,111,VISA,2912,${token}`,
		`US-00010001,11,Master Card,202912,${token}`,
		`US-00010001,042,jcb,912,${token}`,
		'US-00010002,300,AMEX,1225,bad token',
		'"US-00010003","1""1",VISA,2912,x',
		`US-00010004,111,"VI\r\nSA",2912,${token}`,
		'bad"quote,1,2,3,4',
		'',
		' US-00010005 ,123,ビザ,2610,Z'
	];
	const file = fc
		.record({
			picks: fc.array(fc.integer({ min: 1, max: lines.length - 1 }), { maxLength: 12 }),
			hasHeader: fc.boolean(),
			isUtf8: fc.boolean(),
			ending: fc.constantFrom('\r\n', '\n', '\r')
		})
		.map(({ picks, hasHeader, isUtf8, ending }) => {
			const text = [...(hasHeader ? [lines[0]] : []), ...picks.map((i) => lines[i])].join(ending);
			return isUtf8 ? utf8(text) : sjis(text);
		});

	it('the shortcut for plain lines gives exactly what the full rules give', () => {
		const plainish = fc
			.record({
				id: fc.constantFrom('US-00010000', 'US-00010001', 'US-0001000', 'us-00010000', 'US-0001000x', ' US-00010002'),
				tail: fc.constantFrom('111', '11', '1111', 'a11'),
				brand: fc.constantFrom('VISA', 'MASTER', 'JCB', 'AMEX', 'DINERS', 'Visa', 'VISA ', 'VIS'),
				expiry: fc.constantFrom('2912', '2611', '2610', '1225', '0130', '2913', '202912', '912', '29/12'),
				token: fc.constantFrom(token, 'a', '=x', 'a b', 'a"b', 'ab,c', 'Ab~!', 'ａ', `${token} `),
				extra: fc.constantFrom('', ',memo')
			})
			.map((r) => `${r.id},${r.tail},${r.brand},${r.expiry},${r.token}${r.extra}`);
		const body = fc.array(plainish, { minLength: 1, maxLength: 15 });
		fc.assert(
			fc.property(body, fc.boolean(), fc.boolean(), (rows, hasHeader, hasList) => {
				const text = [...(hasHeader ? [lines[0]] : []), ...rows].join('\r\n');
				const customerIds = hasList ? new Set(['US-00010000', 'US-00010002']) : undefined;
				const options = { today, customerIds };
				const fast = convertYamatoReturn(sjis(text), options);
				const full = convertYamatoReturn(sjis(text), { ...options, usePlainLineShortcut: false });
				expect(bytesText(fast.output)).toBe(bytesText(full.output));
				expect(fast.report).toEqual(full.report);
			}),
			{ numRuns: 500 }
		);
		// 1,000 conversions: about 3 s alone, past vitest's 5 s default when the suite shares the CPU.
	}, 30_000);

	it('for the Yamato return converter', () => {
		fc.assert(
			fc.property(file, fc.array(fc.nat(400)), (input, cuts) => {
				const whole = convertYamatoReturn(input, { today });
				const converter = createYamatoReturnConverter({ today });
				const parts = splitAt(input, cuts).map((part) => converter.push(part));
				const last = converter.finish();
				expect(last.report).toEqual(whole.report);
				expect(bytesText(last.output === null ? null : joinBytes([...parts, last.output]))).toBe(bytesText(whole.output));
			}),
			{ numRuns: 400 }
		);
	});
});
