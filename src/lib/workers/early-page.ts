import { registryChunkSize } from '$lib/domain/records/columns';
import { seqOfCustomerId } from '$lib/domain/records/customer-id';
import { peekPage, type CustomerPage } from '$lib/registry/customer-page';
import type { SearchRequest } from '$lib/registry/registry-index';
import { exactKey } from '$lib/registry/search-keys';
import { registryRepository } from '$lib/storage/registry-repository';
import { loadedRegistry } from './loaded-registry';

/** A whole customer ID searched by 顧客ID: its `seq` (the search's only possible match), else null. */
function wholeIdSeq({ field, query }: SearchRequest): number | null {
	return field === 'id' ? seqOfCustomerId(exactKey(query).toUpperCase()) : null;
}

/**
 * A page answered from a few stored customer chunks while the registry still loads (a million
 * customers and cards take seconds), its cards not yet read (`cardsPending`), when the caller asks
 * for one (`mayBeLoading`): a whole customer ID searched by 顧客ID, the same customer and count the
 * loaded registry gives; a blank list's page within the first chunk, its total not yet known either
 * (`totalPending`). Null when the loaded registry should answer: the caller wants the loaded answer
 * (the follow-up of a pending page: another early answer would be asked for again and again, and
 * nothing would load the registry), it is loaded, the request is another search, or the stored
 * chunks cannot answer it exactly.
 */
export async function earlyPage(request: SearchRequest, mayBeLoading: boolean): Promise<CustomerPage | null> {
	if (!mayBeLoading || loadedRegistry.isLoaded()) return null;
	const seq = wholeIdSeq(request);
	const isBlank = exactKey(request.query) === '' && request.offset + request.limit <= registryChunkSize;
	if (seq === null && !isBlank) return null;
	// Nothing here starts the whole load: the page asks again when it wants the loaded answer (a
	// 'loading' page), and a page that only wants the size (カード情報移行) never makes it load.
	if (seq !== null) {
		const found = await registryRepository.peekCustomer(seq);
		if (!found) return null;
		const rows = found.view ? [found.view].slice(request.offset, request.offset + request.limit) : [];
		return { total: found.view ? 1 : 0, rows, registrySize: found.registrySize, cardsPending: true };
	}
	const peek = await registryRepository.peek(request.offset + request.limit);
	return peek && peekPage(peek, request);
}
