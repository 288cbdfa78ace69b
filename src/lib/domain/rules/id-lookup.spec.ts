import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerIdLookup, customerIdOfKey } from './id-lookup';
import { IntList } from './int-list';

const key = fc.integer({ min: 0, max: 99_999_999 });
// Probes: store-shaped IDs near and far from the keys, and texts that only look alike.
const probe = fc.oneof(key.map(customerIdOfKey), fc.constantFrom('US-1', 'us-00010000', 'US-0001000x', 'US-000100000', ''));

describe('CustomerIdLookup.ofKeys', () => {
	it('answers as the lookup built from the same IDs as text, for any keys (dense or sparse)', () => {
		fc.assert(
			fc.property(fc.array(key, { maxLength: 50 }), fc.integer({ min: 0, max: 1000 }), fc.array(probe, { maxLength: 20 }), (keys, run, probes) => {
				// A dense run, as a registry numbers its customers, beside scattered keys.
				const all = [...keys, ...Array.from({ length: run }, (_, at) => 10_000 + at)];
				const list = new IntList();
				for (const k of all) list.push(k);
				const byKeys = CustomerIdLookup.ofKeys(list);
				const byText = new CustomerIdLookup(all.map(customerIdOfKey));
				for (const id of [...probes, ...all.map(customerIdOfKey), customerIdOfKey(10_000 + run)]) {
					expect(byKeys.has(id)).toBe(byText.has(id));
				}
			})
		);
	});
});
