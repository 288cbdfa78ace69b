import { registryChunkSize } from '$lib/domain/records/columns';
import { seqOfCustomerId } from '$lib/domain/records/customer-id';
import { peekPage, prefixPage, type CustomerPage } from '$lib/registry/customer-page';
import type { SearchRequest } from '$lib/registry/registry-index';
import { exactKey } from '$lib/registry/search-keys';
import { registryRepository } from '$lib/storage/registry-repository';
import { registryReading } from './registry-reading';

// Pages answered before the load under way has read what a search scans: a whole customer ID and a
// blank list's first chunk, from memory or from the stored chunks.

/** A whole customer ID searched by 顧客ID: its `seq` (the search's only possible match), else null. */
function wholeIdSeq({ field, query }: SearchRequest): number | null {
	return field === 'id' ? seqOfCustomerId(exactKey(query).toUpperCase()) : null;
}

/** A page read straight from the stored customer chunks (a whole customer ID, a blank list's first chunk), or null. */
export async function peekedPage(request: SearchRequest): Promise<CustomerPage | null> {
	const seq = wholeIdSeq(request);
	if (seq !== null) {
		const size = registryReading.size();
		const found = await registryRepository.peekCustomer(seq, size === null ? undefined : { registrySize: size, chunks: registryReading.current()?.customerChunks });
		if (!found) return null;
		registryReading.sized(found.registrySize);
		const rows = found.view ? [found.view].slice(request.offset, request.offset + request.limit) : [];
		return { total: found.view ? 1 : 0, rows, registrySize: found.registrySize, cardsPending: true };
	}
	if (exactKey(request.query) !== '' || request.offset + request.limit > registryChunkSize) return null;
	const peek = await registryRepository.peek(request.offset + request.limit);
	if (peek) registryReading.sized(peek.registrySize);
	return peek && peekPage(peek, request);
}

/**
 * A whole customer ID searched by 顧客ID whose customer the load under way has read already: its page
 * from memory, exact (a whole ID matches only itself, and the customers read are the registry's
 * first ones as it will be loaded), with no read of the store (a peeked chunk waited 60–95 ms behind
 * the load's own reads). Null when the ID is not read yet or the registry's size is not known yet.
 */
export function readIdPage(request: SearchRequest): CustomerPage | null {
	const reading = registryReading.current();
	const seq = wholeIdSeq(request);
	const size = registryReading.size();
	if (!reading || seq === null || size === null || seq >= reading.index.customerCount) return null;
	return prefixPage(reading.index, request, true, Math.max(size, reading.index.customerCount));
}
