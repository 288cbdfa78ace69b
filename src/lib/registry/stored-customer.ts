import { customerIdOf } from '$lib/domain/records/customer-id';
import { readCustomerChunk } from '$lib/domain/records/packed-customers';
import { packedAt } from '$lib/domain/records/packed-text';
import type { CustomerView } from './registry-index';

/**
 * Customer `seq` as the loaded registry shows it, but without its cards (`cards` empty: they may
 * lie in any stored card chunk), read from the stored chunk that holds it (v6 packed or v2–v5
 * arrays); null when that chunk does not list it (unreadable, past its end, or a placeholder with
 * an empty 連携用ID).
 */
export function storedCustomerView(seq: number, customerChunk: unknown): CustomerView | null {
	const c = readCustomerChunk(customerChunk);
	if (!c) return null;
	const at = seq - c.firstSeq;
	if (at < 0 || at >= c.count) return null;
	const linkageId = packedAt(c.linkageIds, at);
	if (linkageId === '') return null;
	const customer = { linkageId, name: packedAt(c.names, at), kana: packedAt(c.kanas, at), email: packedAt(c.emails, at), phone: packedAt(c.phones, at), zip: packedAt(c.zips, at), address: packedAt(c.addresses, at) };
	return { seq, id: customerIdOf(seq), ...customer, cards: [] };
}
