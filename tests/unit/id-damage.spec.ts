import { describe, expect, it } from 'vitest';
import {
	buildLinkageCsv,
	checkCardImportFile,
	convertYamatoReturn,
	idDamage,
	parseOldCartCustomers,
	type Problem
} from '$lib/domain';
import { problemText } from '$lib/i18n/problem-text';
import { importHeader, returnHeader, today, utf8 } from './helpers';

// SPEC "Spreadsheet damage": an ID in scientific notation or with thousands separators is an
// error with advice to export the column as text; never repaired, never written.
const scientific = ['1.23457E+11', '1.2E+5', '1,23457E+11', '1.23457e+11', '4.5E-3', '12E+3', '１．２３Ｅ＋１１'];
const thousands = ['1,234,567', '12,345', '123,456,789,012', '１，２３４，５６７', '1\ufe50234'];
const notDamage = ['123456789012', 'C0001', '12E3456', 'E+11', '1.5', '1,23', '1234,567', 'US-00010000', 'A1,234'];

describe('idDamage', () => {
	it.each(scientific)('%s is scientific notation', (id) => expect(idDamage(id)).toBe('id-scientific-notation'));
	it.each(thousands)('%s has thousands separators', (id) => expect(idDamage(id)).toBe('id-thousands-separator'));
	it.each(notDamage)('%s is no damage', (id) => expect(idDamage(id)).toBeNull());
});

const quote = (value: string) => `"${value}"`;
const at = (p: Problem) => `${p.code}@${p.row},${p.column}`;

// Every ID the files carry, with a file that holds `id` there and what reading it gives.
const idKinds: [string, number, (id: string) => { problems: Problem[]; written: number }][] = [
	[
		'連携用ID of the customer list',
		2,
		(id) => buildLinkageCsv(utf8(`顧客ID,連携用ID\r\nUS-00010000,${quote(id)}\r\nUS-00010001,C2\r\n`)).report
	],
	[
		'customer ID of the customer list (a numeric pattern)',
		1,
		(id) =>
			buildLinkageCsv(utf8(`顧客ID,連携用ID\r\n${quote(id)},C1\r\n100,C2\r\n`), { customerIdPattern: /^\d+$/ }).report
	],
	['顧客番号 of the old cart', 1, (id) => parseOldCartCustomers(utf8(`旧カートの顧客番号,氏名\r\n${quote(id)},山田\r\n`)).report],
	[
		'customer ID of the return file (a numeric pattern)',
		1,
		(id) =>
			convertYamatoReturn(utf8(`${returnHeader}\r\n${quote(id)},111,VISA,2912,AbCdEf0123456789\r\n`), {
				today,
				customerIdPattern: /^[\d.,E+\-]+$/
			}).report
	],
	[
		'customer ID of the card import file',
		2,
		(id) =>
			checkCardImportFile(utf8(`${importHeader}\r\nYAMATO,${quote(id)},111,VISA,,,0,2912,AbCdEf0123456789\r\n`), {
				today,
				settings: { service: 'YAMATO', availability: 'visible' }
			}).report
	]
];

describe('a damaged ID in every file kind', () => {
	const cases = idKinds.flatMap(([name, column, read]) => [
		...scientific.map((id) => [name, id, 'id-scientific-notation', column, read] as const),
		...thousands.map((id) => [name, id, 'id-thousands-separator', column, read] as const)
	]);
	it.each(cases)('%s %s: %s, not written, with advice to export as text', (name, id, code, column, read) => {
		const report = read(id);
		const problem = report.problems.find((p) => p.code === code);
		expect(report.problems.filter((p) => p.severity === 'error').map(at)).toEqual([`${code}@2,${column}`]);
		expect(problem!.message).toContain('文字列として書き出し直してください');
		expect(problemText(problem!, 'en')).toContain('as text');
		expect(report.written).toBe(name.includes('customer list') ? 1 : 0);
	});
});
