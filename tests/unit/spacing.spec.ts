import { describe, expect, it } from 'vitest';
import {
	buildLinkageCsv,
	checkCardImportFile,
	convertYamatoReturn,
	createYamatoReturnConverter,
	normalizeHeader,
	parseOldCartCustomers,
	trimSpaces,
	type Problem
} from '$lib/domain';
import { importHeader, returnHeader, today, utf8 } from './helpers';

// SPEC "Repairs shown as warnings": a space is any Unicode white space, a no-break or zero-width
// space, or a stray BOM. Line breaks are left out of the cell cases: unquoted, they end a record.
const spaces: [string, string][] = [
	['space', ' '],
	['tab', '\t'],
	['vertical tab', '\v'],
	['form feed', '\f'],
	['next line', '\u0085'],
	['no-break space', '\u00a0'],
	['ogham space', '\u1680'],
	['Mongolian vowel separator', '\u180e'],
	...Array.from({ length: 11 }, (_, i): [string, string] => [`U+${(0x2000 + i).toString(16).toUpperCase()}`, String.fromCharCode(0x2000 + i)]),
	['zero-width space', '\u200b'],
	['zero-width non-joiner', '\u200c'],
	['zero-width joiner', '\u200d'],
	['line separator', '\u2028'],
	['paragraph separator', '\u2029'],
	['narrow no-break space', '\u202f'],
	['medium mathematical space', '\u205f'],
	['word joiner', '\u2060'],
	['ideographic space', '\u3000'],
	['BOM', '\ufeff']
];
const edges: [string, (value: string, space: string) => string][] = [
	['leading', (v, s) => s + v],
	['trailing', (v, s) => v + s],
	['both ends, doubled', (v, s) => s + s + v + s + s]
];
const inside = (value: string, space: string) => value.slice(0, 3) + space + value.slice(3);

const token = 'AbCdEf0123456789xyZ1';
const returnRow = ['US-00010000', '011', 'VISA', '2912', token];
const listRows = (linkageId: string, customerId = 'US-00010000') => [
	'サブスクストアの顧客ID,旧カートの顧客番号(連携用ID)',
	`${customerId},${linkageId}`,
	'US-00010001,C0002'
];
const cardRow = ['YAMATO', 'US-00010000', '011', 'VISA', '', '', '0', '2912', token];
const importOptions = { today, settings: { service: 'YAMATO', availability: 'visible' } };

const text = (lines: string[]) => utf8(lines.join('\r\n') + '\r\n');
const at = (p: Problem) => `${p.severity}:${p.code}@${p.row},${p.column}`;
const withCell = (row: string[], column: number, value: string) => row.map((v, i) => (i === column ? value : v)).join(',');

// Every file kind and every field it reads: how to build a file with `value` in that field,
// and how to read it back as problems and written count.
type Kind = { name: string; column: number; value: string; read: (value: string) => { problems: Problem[]; written: number } };
const kinds: Kind[] = [
	...['customerId', 'last3', 'brand', 'expiry', 'token'].map((field, column) => ({
		name: `return file ${field}`,
		column: column + 1,
		value: returnRow[column],
		read: (value: string) => convertYamatoReturn(text([returnHeader, withCell(returnRow, column, value)]), { today }).report
	})),
	{
		name: 'customer list 顧客ID',
		column: 1,
		value: 'US-00010000',
		read: (value) => buildLinkageCsv(text(listRows('C0001', value))).report
	},
	{
		name: 'customer list 連携用ID',
		column: 2,
		value: 'C0001',
		read: (value) => buildLinkageCsv(text(listRows(value))).report
	},
	{
		name: 'old cart 顧客番号',
		column: 1,
		value: 'C0001',
		read: (value) => parseOldCartCustomers(text(['旧カートの顧客番号,氏名', `${value},山田`])).report
	},
	{
		name: 'old cart 氏名',
		column: 2,
		value: '山田太郎',
		read: (value) => parseOldCartCustomers(text(['旧カートの顧客番号,氏名', `C0001,${value}`])).report
	},
	...[0, 1, 2, 3, 6, 7, 8].map((column) => ({
		name: `card import file column ${column + 1}`,
		column: column + 1,
		value: cardRow[column],
		read: (value: string) => checkCardImportFile(text([importHeader, withCell(cardRow, column, value)]), importOptions).report
	}))
];
const idKinds = kinds.filter((k) => /customerId|token|顧客ID|連携用ID|顧客番号|column (2|9)$/.test(k.name));

describe('a space of any kind at the edge of any value', () => {
	const cases = kinds.flatMap((kind) =>
		spaces.flatMap(([spaceName, space]) =>
			edges.map(([edgeName, put]) => [`${kind.name}, ${spaceName}, ${edgeName}`, kind, put(kind.value, space)] as const)
		)
	);
	it.each(cases)('%s: trimmed with a warning, the row written', (_, kind, value) => {
		const report = kind.read(value);
		expect(report.problems.map(at)).toContain(`warning:trimmed-spaces@2,${kind.column}`);
		expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(report.written).toBe(kind.name.startsWith('customer list') ? 2 : 1);
	});
});

describe('a space of any kind inside an ID or a token', () => {
	const cases = idKinds.flatMap((kind) =>
		spaces.map(([spaceName, space]) => [`${kind.name}, ${spaceName}`, kind, inside(kind.value, space)] as const)
	);
	it.each(cases)('%s: an error, never repaired', (_, kind, value) => {
		const report = kind.read(value);
		expect(report.problems.map(at)).toContain(`error:space-inside-value@2,${kind.column}`);
		expect(report.written).toBe(kind.name.startsWith('customer list') ? 1 : 0);
	});

	it('is an error even under a customer ID pattern that would take it', () => {
		const spaced = `US-0001\u200b0000`;
		const { report } = convertYamatoReturn(text([returnHeader, withCell(returnRow, 0, spaced)]), {
			today,
			customerIdPattern: /^.+$/
		});
		expect(report.problems.map(at)).toEqual(['error:space-inside-value@2,1']);
	});
});

describe('header names', () => {
	const names = returnHeader.split(',');
	it.each(spaces.flatMap(([spaceName, space]) => [0, 2, -1].map((where) => [spaceName, where, space] as const)))(
		'ignore a %s at %i in every cell',
		(_, where, space) => {
			const put = (name: string) => {
				const i = where < 0 ? name.length : where;
				return name.slice(0, i) + space + name.slice(i);
			};
			const { report } = convertYamatoReturn(text([names.map(put).join(','), returnRow.join(',')]), { today });
			expect(report).toMatchObject({ hasHeader: true, written: 1 });
			expect(report.mapping).toEqual({ customerId: 1, last3: 2, brand: 3, expiry: 4, token: 5 });
			expect(normalizeHeader(put('カードブランド'))).toBe(normalizeHeader('カードブランド'));
		}
	);
});

describe('several leading BOMs', () => {
	const bom = '\ufeff';
	it.each([2, 3, 5])('%i BOMs: all stripped, a warning, encoding utf-8-bom', (count) => {
		const bytes = utf8(bom.repeat(count - 1) + [returnHeader, returnRow.join(',')].join('\r\n') + '\r\n', true);
		const { report } = convertYamatoReturn(bytes, { today });
		expect(report).toMatchObject({ encoding: 'utf-8-bom', hasHeader: true, written: 1 });
		expect(report.problems.map(at)).toEqual(['warning:repeated-bom@0,0']);
		expect(report.problems[0].params.count).toBe(count);
		// Pushed a byte at a time, the stream gives the same report.
		const converter = createYamatoReturnConverter({ today });
		for (let i = 0; i < bytes.length; i++) converter.push(bytes.subarray(i, i + 1));
		expect(converter.finish().report).toEqual(report);
	});

	it('one BOM is no warning', () => {
		const { report } = convertYamatoReturn(utf8([returnHeader, returnRow.join(',')].join('\r\n'), true), { today });
		expect(report.problems).toEqual([]);
	});
});

describe('trimSpaces', () => {
	it.each(spaces)('takes a %s off both ends and keeps one inside', (_, space) => {
		expect(trimSpaces(`${space}a${space}b${space}`)).toBe(`a${space}b`);
		expect(trimSpaces(space.repeat(3))).toBe('');
	});

	it('returns the very same string when there is nothing to trim', () => {
		const value = 'US-00010000';
		expect(trimSpaces(value)).toBe(value);
		expect(trimSpaces('')).toBe('');
	});
});
