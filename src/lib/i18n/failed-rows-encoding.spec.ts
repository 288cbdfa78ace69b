import { describe, expect, it } from 'vitest';
import { rowRuns, type FailedRowsEncoding } from '$lib/domain/failed-rows';
import { failedRowsEncodingNote } from './failed-rows-encoding';

const none = rowRuns([]);
const base: FailedRowsEncoding = { file: 'utf-8', written: 'utf-8', isHeaderRewritten: false, inFile: none, inOther: none, inNeither: none, headerUnwritable: null };

describe('failedRowsEncodingNote: what the operator is told beside the download', () => {
	it.each<[string, Partial<FailedRowsEncoding>, 'ja' | 'en', null | { tone: string; lines: string[] }]>([
		['nothing when the file is in its own encoding', { inFile: rowRuns([2]) }, 'ja', null],
		[
			'the header written in Shift_JIS',
			{ written: 'shift_jis', isHeaderRewritten: true, inOther: rowRuns([3002, 3003]) },
			'ja',
			{ tone: 'ok', lines: ['失敗した行はShift_JISで書かれていたため、見出し行もShift_JISで書き出しました（行の中身は元のファイルのままです）。このファイルをShift_JISで開いて修正し、そのまま取り込めます。'] }
		],
		[
			'the header written in UTF-8 with BOM',
			{ file: 'shift_jis', written: 'utf-8-bom', isHeaderRewritten: true, inOther: rowRuns([5]) },
			'en',
			{ tone: 'ok', lines: ['The failed rows are in UTF-8 with BOM, so the header row was written in UTF-8 with BOM too (the rows are as they were in the file). Open this file in UTF-8 with BOM, fix it and import it as it is.'] }
		],
		[
			'rows of both kinds: which rows, what to do',
			{ written: null, inFile: rowRuns([2, 5, 6, 7]), inOther: rowRuns([3002, 3003]) },
			'ja',
			{
				tone: 'warn',
				lines: [
					'失敗した行の文字コードが行によって異なるため、元のファイルのまま書き出しました。このままでは取り込めません。',
					'UTF-8の行：2、5～7。',
					'Shift_JISの行：3002～3003。',
					'UTF-8で開くとUTF-8の行が、Shift_JISで開くとShift_JISの行が正しく表示されます。正しく表示された行を見出し行とあわせて文字コードごとに別のファイルに保存し、それぞれ取り込んでください。'
				]
			}
		],
		[
			'rows of both kinds and rows in neither, many of them (en)',
			{ written: null, inFile: rowRuns([2]), inOther: rowRuns(Array.from({ length: 11 }, (_, i) => 10 + 2 * i)), inNeither: rowRuns([99]) },
			'en',
			{
				tone: 'warn',
				lines: [
					'The failed rows are in more than one encoding, so they were written as they are in the file. The file cannot be imported like this.',
					'Rows in UTF-8: 2.',
					'Rows in Shift_JIS: 10, 12, 14, 16, 18, 20, 22, 24, 26, 28 and more.',
					'Rows readable in neither UTF-8 nor Shift_JIS: 99.',
					'Opened in UTF-8, the rows in UTF-8 read correctly; opened in Shift_JIS, the rows in Shift_JIS do. Save the rows that read correctly, with the header row, to one file per encoding, and import each.',
					'Export the rows readable in neither encoding again from the old cart.'
				]
			}
		],
		[
			'a header Shift_JIS cannot write',
			{ written: null, inOther: rowRuns([4, 5]), headerUnwritable: '🍣' },
			'ja',
			{
				tone: 'warn',
				lines: [
					'失敗した行はすべてShift_JISで書かれていますが、見出し行にShift_JISで書けない文字（🍣）があるため、元のファイルのまま書き出しました。このままでは取り込めません。Shift_JISで開き、見出し行をShift_JISで書ける文字で入力し直してShift_JISで保存してから、取り込んでください。'
				]
			}
		]
	])('%s', (_, change, language, expected) => {
		expect(failedRowsEncodingNote(language, { ...base, ...change })).toEqual(expected);
	});
});
