import type { z } from '$lib/domain/zod';
import { db } from './db';

/** Small key/value records (app version, saved column mappings): validated both ways. */
export const metaRepository = {
	/** The value under `key` if it reads as `schema`, else undefined. */
	async get<T>(key: string, schema: z.ZodMiniType<T>): Promise<T | undefined> {
		const result = schema.safeParse((await db().meta.get(key))?.value);
		return result.success ? result.data : undefined;
	},

	/** Stores `value` under `key` after checking it against `schema`. */
	async put<T>(key: string, schema: z.ZodMiniType<T>, value: T): Promise<void> {
		await db().meta.put({ key, value: schema.parse(value) });
	}
};
