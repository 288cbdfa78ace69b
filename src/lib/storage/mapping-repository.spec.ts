import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { headerSignature, type SavedColumnMapping } from '$lib/domain';
import type { WorkbenchDb } from './db';
import { mappingRepository } from './mapping-repository';
import { useFreshDb } from './test-records';

let database: WorkbenchDb;
beforeEach(() => {
	database = useFreshDb('mapping-test');
});

const header = ['期限', 'キー', '会員番号', '種別', '下3桁'];
const mapping: SavedColumnMapping = {
	kind: 'yamato-return',
	signature: headerSignature(header),
	headerCells: header,
	columns: { customerId: 3, last3: 5, brand: 4, expiry: 1, token: 2 },
	firstRowIsHeader: true,
	savedAt: 1_760_000_000_000
};

describe('mappingRepository', () => {
	it('saves under the kind and signature, lists and forgets', async () => {
		await mappingRepository.save(mapping);
		expect((await database.meta.toArray()).map((record) => record.key)).toEqual([`mapping:yamato-return:${mapping.signature}`]);
		expect(await mappingRepository.get('yamato-return', mapping.signature)).toEqual(mapping);
		expect(await mappingRepository.list('yamato-return')).toEqual([mapping]);
		await mappingRepository.remove('yamato-return', mapping.signature);
		expect(await mappingRepository.list('yamato-return')).toEqual([]);
		expect(await mappingRepository.get('yamato-return', mapping.signature)).toBeUndefined();
	});

	it('replaces the mapping of the same header', async () => {
		await mappingRepository.save(mapping);
		await mappingRepository.save({ ...mapping, columns: { ...mapping.columns, token: 6 } });
		expect((await mappingRepository.list('yamato-return')).map((saved) => saved.columns.token)).toEqual([6]);
	});

	it('refuses an invalid mapping and skips unreadable records', async () => {
		await expect(mappingRepository.save({ ...mapping, columns: { ...mapping.columns, token: -1 } })).rejects.toThrow();
		await expect(mappingRepository.save({ ...mapping, signature: 'not-a-hash' })).rejects.toThrow();
		await database.meta.bulkPut([
			{ key: `mapping:yamato-return:${mapping.signature}`, value: 'garbage' },
			{ key: 'mapping:yamato-return:elsewhere', value: mapping },
			{ key: 'app-version', value: mapping }
		]);
		expect(await mappingRepository.list('yamato-return')).toEqual([]);
		expect(await mappingRepository.get('yamato-return', mapping.signature)).toBeUndefined();
	});

	it('fills what an older record lacks from the schema defaults', async () => {
		const { headerCells: _cells, savedAt: _at, firstRowIsHeader: _header, ...bare } = mapping;
		await database.meta.put({ key: `mapping:yamato-return:${mapping.signature}`, value: bare });
		expect(await mappingRepository.get('yamato-return', mapping.signature)).toEqual({
			...bare,
			headerCells: [],
			firstRowIsHeader: true,
			savedAt: 0
		});
	});

	it('keeps no token of a forced header row: masked on save, and an older record is masked on read and rewritten', async () => {
		const forced = ['US-00010000', '111', 'VISA', '2912', 'AbCdEf0123456789FIRSTROWTOKEN'];
		const masked = ['US-00010000', '111', 'VISA', '2912', '****…OKEN'];
		const saved = { ...mapping, signature: headerSignature(forced), headerCells: forced };
		await mappingRepository.save(saved);
		expect(JSON.stringify(await database.meta.toArray())).not.toContain('FIRSTROWTOKEN');
		await database.meta.put({ key: `mapping:yamato-return:${saved.signature}`, value: saved });
		expect((await mappingRepository.list('yamato-return')).map((m) => m.headerCells)).toEqual([masked]);
		expect(JSON.stringify(await database.meta.toArray())).not.toContain('FIRSTROWTOKEN');
		expect((await mappingRepository.get('yamato-return', saved.signature))?.headerCells).toEqual(masked);
	});

	it('keeps known column names whole', async () => {
		const names = ['サブスクストアの顧客ID', 'カード番号下3桁', 'card brand', 'expiration date', 'クロネコwebコレクトカード認証キー'];
		await mappingRepository.save({ ...mapping, signature: headerSignature(names), headerCells: names });
		expect((await mappingRepository.list('yamato-return'))[0].headerCells).toEqual(names);
	});
});
