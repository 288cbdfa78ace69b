import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from '$lib/domain/zod';
import type { WorkbenchDb } from './db';
import { metaRepository } from './meta-repository';
import { useFreshDb } from './test-records';

let database: WorkbenchDb;
beforeEach(() => {
	database = useFreshDb('meta-test');
});

const mappingSchema = z.record(z.string(), z.int());

describe('metaRepository', () => {
	it('restores what was saved', async () => {
		await metaRepository.put('mapping', mappingSchema, { customerId: 1, token: 5 });
		expect(await metaRepository.get('mapping', mappingSchema)).toEqual({ customerId: 1, token: 5 });
	});

	it('refuses an invalid value and reads an unreadable one as undefined', async () => {
		await expect(metaRepository.put('mapping', mappingSchema, { token: 'five' } as never)).rejects.toThrow();
		await database.meta.put({ key: 'mapping', value: 'garbage' });
		expect(await metaRepository.get('mapping', mappingSchema)).toBeUndefined();
		expect(await metaRepository.get('missing', mappingSchema)).toBeUndefined();
	});
});
