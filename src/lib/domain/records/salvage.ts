import type { z } from '../zod';

type ObjectSchema = z.ZodMiniObject<Record<string, z.ZodMiniType>>;

/**
 * Reads a stored record without throwing: the record itself when it is valid; otherwise every field
 * that still reads, the fallback for the rest; null when it has no numeric id (nothing to show or delete).
 */
export function salvageRecord<T extends { id: number }>(
	schema: ObjectSchema,
	stored: unknown,
	fallback: Omit<T, 'id'>
): T | null {
	const whole = schema.safeParse(stored);
	if (whole.success) return whole.data as T;
	if (typeof stored !== 'object' || stored === null) return null;
	const raw = stored as Record<string, unknown>;
	if (!Number.isSafeInteger(raw.id) || (raw.id as number) <= 0) return null;
	const result: Record<string, unknown> = { ...fallback, id: raw.id };
	for (const [key, field] of Object.entries(schema.shape)) {
		if (key === 'id' || !(key in raw)) continue;
		const value = field.safeParse(raw[key]);
		if (value.success) result[key] = value.data;
	}
	return result as T;
}
