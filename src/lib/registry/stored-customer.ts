import { customerIdOf } from '$lib/domain/records/customer-id';
import { customerChunkSchema } from '$lib/domain/records/customer';
import type { CustomerView } from './registry-index';

/**
 * Customer `seq` as the loaded registry shows it, but without its cards (`cards` empty: they may
 * lie in any stored card chunk), read from the stored chunk that holds it; null when that chunk
 * does not list it (unreadable, past its end, or a placeholder with an empty 連携用ID).
 */
export function storedCustomerView(seq: number, customerChunk: unknown): CustomerView | null {
	const chunk = customerChunkSchema.safeParse(customerChunk);
	if (!chunk.success) return null;
	const c = chunk.data;
	const at = seq - c.firstSeq;
	if (at < 0 || at >= c.count || c.linkageIds[at] === '') return null;
	const customer = { linkageId: c.linkageIds[at], name: c.names[at], kana: c.kanas[at], email: c.emails[at], phone: c.phones[at], zip: c.zips[at], address: c.addresses[at] };
	return { seq, id: customerIdOf(seq), ...customer, cards: [] };
}
