import { db } from './db';
import { appendCardChunk, appendCustomerChunk } from '$lib/registry/registry-chunks';
import { RegistryIndex } from '$lib/registry/registry-index';
import { registryStamp } from './registry-stamp';

/** The customer registry: columnar chunks, loaded whole into a `RegistryIndex`, written per upload. */
export const registryRepository = {
	/** Reads every stored chunk, in order, into a fresh in-memory index; unreadable chunks are left out. */
	async loadIndex(): Promise<RegistryIndex> {
		return (await this.load()).index;
	},

	/** Like `loadIndex`, with the stamp (`registryStamp`) of what was read, from the same transaction. */
	async load(): Promise<{ index: RegistryIndex; stamp: string }> {
		const d = db();
		const [customers, cards, stamp] = await d.transaction('r', [d.customerChunks, d.cardChunks], () =>
			Promise.all([d.customerChunks.orderBy('firstSeq').toArray(), d.cardChunks.toArray(), registryStamp(d)])
		);
		const index = new RegistryIndex();
		for (const chunk of customers) appendCustomerChunk(index, chunk);
		for (const chunk of cards) appendCardChunk(index, chunk);
		return { index, stamp };
	},

	/** The registry's stamp as stored now: differs from a loaded one once any tab imported or erased. */
	async stamp(): Promise<string> {
		const d = db();
		return d.transaction('r', [d.customerChunks, d.cardChunks], () => registryStamp(d));
	},

	/**
	 * On app start: every entry still 'running' was cut off (a closed tab) and becomes 'interrupted'.
	 * Call it while holding the import lock: an import running in another tab is 'running' too.
	 */
	async markInterrupted(): Promise<number> {
		return db().history.where('status').equals('running').modify({ status: 'interrupted' });
	},

	/** Removes every registered customer and card (history and notices stay). */
	async clearRegistry(): Promise<void> {
		const d = db();
		await d.transaction('rw', [d.customerChunks, d.cardChunks], async () => {
			await d.customerChunks.clear();
			await d.cardChunks.clear();
		});
	}
};
