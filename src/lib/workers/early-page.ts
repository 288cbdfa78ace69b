import { prefixPage, type CustomerPage } from '$lib/registry/customer-page';
import type { SearchRequest } from '$lib/registry/registry-index';
import { registryRepository } from '$lib/storage/registry-repository';
import { peekedPage, readIdPage } from './early-peek';
import { loadedRegistry } from './loaded-registry';
import { registryReading } from './registry-reading';

/**
 * The search's page from the customers the load under way has read so far (`prefixPage`), as soon as
 * it is final; null when no load is under way any more (the loaded registry answers then). The load
 * is started if nothing holds the registry. With `partial`, the first page from what is read is given
 * even when not final (`rowsPending`): the caller shows the count so far and asks again.
 */
async function pageWhileLoading(request: SearchRequest, partial: boolean): Promise<CustomerPage | null> {
	// A failed load is the loaded answer's to report (the caller asks for it next).
	if (!loadedRegistry.held()) loadedRegistry.get().catch(() => {});
	// Read once, before the loop: from there on a page is taken in the same turn as the read it follows.
	const size = registryReading.size() ?? (await registryRepository.size());
	registryReading.sized(size);
	// A search asks again after every read: the index extends its last answer over the parts read
	// since (`filteredSeqs`), so the runs add up to one run of the whole, each part's keys built and
	// searched once as it arrives, and a page is seen final at the read that makes it so.
	let searchedAt = -1;
	while (registryReading.isLoading()) {
		const reading = registryReading.current();
		const count = reading?.index.customerCount ?? 0;
		if (reading && (reading.customersRead || count > searchedAt)) {
			searchedAt = count;
			// A page of nothing read yet tells nothing: a partial one waits for the first read.
			const page = prefixPage(reading.index, request, reading.customersRead, reading.customersRead ? count : Math.max(size, count), partial && count > 0);
			if (page) return page;
		}
		await registryReading.next();
	}
	return null;
}

/**
 * A page answered while the registry still loads (a million customers and cards take seconds), its
 * cards not yet read (`cardsPending`), when the caller asks for one (`mayBeLoading`): a whole customer
 * ID searched by 顧客ID and a blank list's page within the first chunk straight from the stored
 * chunks (`totalPending` for the blank list), any other search from the customers read so far once
 * its page is final (`prefixPage`: the rows are the whole answer's; with `totalPending`, the total
 * counts the matches found so far). With `mayBePartial` (a search's first ask), a page the customers
 * read so far cannot make final yet is given at once as it stands (`rowsPending`), its follow-up then
 * asked without it. Null when the loaded registry should answer: the caller wants the loaded answer
 * (the follow-up of a pending page: another early answer would be asked for again and again), it is
 * loaded, or the load ended before the page was final.
 */
export async function earlyPage(request: SearchRequest, mayBeLoading: boolean, mayBePartial = false): Promise<CustomerPage | null> {
	if (!mayBeLoading || loadedRegistry.isLoaded()) return null;
	// Every customer read, the cards still loading: the customers in memory answer at once, with no
	// read of a stored chunk (a whole 顧客ID peeked took 80–95 ms beside the load's card reads).
	const reading = registryReading.current();
	if (reading?.customersRead) return prefixPage(reading.index, request, true, reading.index.customerCount);
	const read = readIdPage(request);
	if (read) return read;
	// A page with rows is followed by a request for the loaded answer (its cards, its count): the load
	// starts beside the peek rather than after its answer, 100–150 ms earlier at a million customers
	// (a failed load is the loaded answer's to report). A page that only wants the size (limit 0,
	// カード情報移行) never makes it load.
	if (request.limit > 0 && !loadedRegistry.held()) loadedRegistry.get().catch(() => {});
	return (await peekedPage(request)) ?? pageWhileLoading(request, mayBePartial);
}
