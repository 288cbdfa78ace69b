import { cardChunkSchema } from '$lib/domain/records/card';
import { customerIdOf } from '$lib/domain/records/customer-id';
import { customerChunkSchema } from '$lib/domain/records/customer';
import type { CardView, CustomerView } from './registry-index';

/**
 * Customer `seq` as the loaded registry shows it, read from the stored chunk that holds it and the
 * stored card chunks that hold its cards (in import order), without loading the rest; null when
 * that chunk does not list it (unreadable, past its end, or a placeholder). A card's `position`
 * counts the cards of `cardChunks` only: unique within the customer, as a list key needs.
 */
export function storedCustomerView(seq: number, customerChunk: unknown, cardChunks: readonly unknown[]): CustomerView | null {
	const chunk = customerChunkSchema.safeParse(customerChunk);
	if (!chunk.success) return null;
	const at = seq - chunk.data.firstSeq;
	const c = chunk.data;
	if (at < 0 || at >= c.count || c.linkageIds[at] === '') return null;
	const cards: CardView[] = [];
	let position = 0;
	for (const stored of cardChunks) {
		const cardChunk = cardChunkSchema.safeParse(stored);
		if (!cardChunk.success) continue;
		const k = cardChunk.data;
		for (let i = 0; i < k.customerSeqs.length; i++, position++) {
			if (k.customerSeqs[i] !== seq) continue;
			cards.push({ position, brand: k.brands[i], tail: k.tails[i], expiry: k.expiries[i], tokenLast4: k.tokenLast4[i], fingerprint: k.fingerprints[i] });
		}
	}
	const customer = { linkageId: c.linkageIds[at], name: c.names[at], kana: c.kanas[at], email: c.emails[at], phone: c.phones[at], zip: c.zips[at], address: c.addresses[at] };
	return { seq, id: customerIdOf(seq), ...customer, cards };
}
