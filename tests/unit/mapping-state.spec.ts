import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { headerSignature } from '$lib/domain';
import { columnMappings } from '$lib/state/column-mappings.svelte';
import { mappingRepository } from '$lib/storage/mapping-repository';
import { useFreshDb } from '$lib/storage/test-records';
import type { ConversionSummary, MappingSource } from '$lib/jobs/conversion-types';

const header = ['期限', 'キー', '会員番号', '種別', '下3桁'];
const signature = headerSignature(header);
const detected = { customerId: 1, last3: 2, brand: 3, expiry: 4, token: 5 };
const picked = { customerId: 3, last3: 5, brand: 4, expiry: 1, token: 2 };

function summary(mappingSource: MappingSource, mapping: Record<string, number>, extra: Partial<ConversionSummary> = {}): ConversionSummary {
	return {
		jobId: 'job',
		kind: 'yamato-return',
		fileName: 'return.csv',
		size: 1,
		sha256: '',
		encoding: 'utf-8',
		hasHeader: mappingSource !== 'detected',
		mapping,
		columnCount: 5,
		headerCells: header,
		headerSignature: signature,
		mappingSource,
		rows: 3,
		written: 3,
		failed: 0,
		errors: 0,
		warnings: 0,
		refused: false,
		problemCounts: {},
		fileProblems: [],
		elapsedMs: 1,
		...extra
	};
}

let file: File;
beforeEach(() => {
	useFreshDb('mapping-state');
	file = new File(['x'], 'return.csv');
});

describe('columnMappings', () => {
	it('asks with no columns for a new file (the job reads the saved mappings), then with the operator’s columns, and saves them', async () => {
		expect(columnMappings.optionsFor(file)).toEqual({});
		await columnMappings.finished(summary('detected', detected));
		expect(columnMappings.draft).toEqual(detected);
		expect(columnMappings.draftHeader).toBe(true);
		columnMappings.draft = { ...picked };
		columnMappings.choose();
		expect(columnMappings.optionsFor(file)).toEqual({ columns: picked, firstRowIsHeader: true });
		await columnMappings.finished(summary('chosen', picked));
		expect(columnMappings.notice).toBe('saved');
		expect(await mappingRepository.get('yamato-return', signature)).toMatchObject({ columns: picked, firstRowIsHeader: true, headerCells: header });

		// A new file is asked without columns: the job uses the mapping just saved, if its header matches.
		const next = new File(['x'], 'again.csv');
		expect(columnMappings.optionsFor(next)).toEqual({});
		expect(await mappingRepository.list('yamato-return')).toMatchObject([{ signature, columns: picked }]);
	});

	it('saves nothing when the choice is what detection gave, or the first row is no header', async () => {
		columnMappings.optionsFor(file);
		await columnMappings.finished(summary('detected', detected, { hasHeader: true }));
		columnMappings.choose();
		await columnMappings.finished(summary('chosen', detected, { hasHeader: true }));
		expect(columnMappings.notice).toBeNull();
		expect(await mappingRepository.list('yamato-return')).toEqual([]);

		columnMappings.optionsFor(new File(['y'], 'plain.csv'));
		columnMappings.draft = { ...picked };
		columnMappings.choose();
		await columnMappings.finished(summary('chosen', picked, { headerCells: undefined, headerSignature: undefined }));
		expect(columnMappings.notice).toBe('not-saved');
		expect(await mappingRepository.list('yamato-return')).toEqual([]);
	});

	it('saves no mapping keyed on a forced header row that names no known column', async () => {
		columnMappings.optionsFor(file);
		columnMappings.draft = { ...picked };
		columnMappings.draftHeader = true;
		columnMappings.choose();
		await columnMappings.finished(summary('chosen', picked, { problemCounts: { 'forced-header-unnamed': 1 }, warnings: 1 }));
		expect(columnMappings.notice).toBe('not-saved-unnamed');
		expect(await mappingRepository.list('yamato-return')).toEqual([]);
	});

	it('drops a saved mapping on 自動判定に戻す', async () => {
		await mappingRepository.save({ kind: 'yamato-return', signature, headerCells: header, columns: picked, firstRowIsHeader: true, savedAt: 0 });
		columnMappings.optionsFor(file);
		await columnMappings.useDetection(signature);
		expect(columnMappings.optionsFor(file)).toEqual({});
		expect(await mappingRepository.list('yamato-return')).toEqual([]);
	});

	it('offers every column of the first record by name, and says when the editor can help', () => {
		expect(columnMappings.columnChoices(summary('detected', detected))).toEqual(header.map((name, i) => ({ column: i + 1, name })));
		expect(columnMappings.columnChoices(summary('detected', detected, { headerCells: undefined, columnCount: 2 }))).toHaveLength(5);
		expect(columnMappings.isEditable(summary('detected', detected))).toBe(true);
		const refused = (problemCounts: ConversionSummary['problemCounts']) => summary('detected', detected, { refused: true, problemCounts });
		expect(columnMappings.isEditable(refused({ 'missing-column': 1, 'duplicate-header': 1 }))).toBe(true);
		expect(columnMappings.isEditable(refused({ 'missing-column': 1, 'card-number-found': 1 }))).toBe(false);
		expect(columnMappings.isEditable(refused({ 'empty-file': 1 }))).toBe(false);
	});
});
