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

describe('CustomerIdLookup.ofKeyRange', () => {
	// Issue 14: the card import's lookup of the registered customers, built with no list of keys.
	it('answers as the lookup built from the same IDs as text, for any range and any gaps in it', () => {
		fc.assert(
			fc.property(fc.nat(99_000_000), fc.array(fc.boolean(), { maxLength: 200 }), fc.array(probe, { maxLength: 20 }), (first, present, probes) => {
				const byRange = CustomerIdLookup.ofKeyRange({ first, count: present.length, isKey: (i) => present[i] });
				const ids = present.flatMap((isIn, i) => (isIn ? [customerIdOfKey(first + i)] : []));
				const byText = new CustomerIdLookup(ids);
				const edges = [first - 1, first, first + present.length - 1, first + present.length, first + 32, first + 33].filter((k) => k >= 0 && k < 1e8);
				for (const id of [...probes, ...present.map((_, i) => customerIdOfKey(first + i)), ...edges.map(customerIdOfKey)]) {
					expect(byRange.has(id)).toBe(byText.has(id));
				}
			})
		);
	});
});
