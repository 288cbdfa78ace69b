import { describe, expect, it } from 'vitest';
import { customerIdOf, maxCustomerSeq, seqOfCustomerId } from './customer-id';

describe('customer IDs', () => {
	it.each([
		[0, 'US-00010000'],
		[3, 'US-00010003'],
		[999_999, 'US-01009999'],
		[maxCustomerSeq, 'US-99999999']
	])('seq %i is %s and back', (seq, id) => {
		expect(customerIdOf(seq)).toBe(id);
		expect(seqOfCustomerId(id)).toBe(seq);
	});

	it.each(['US-00009999', 'US-0001000', 'US-000100000', 'us-00010000', 'XX-00010000', 'US-0001000a', ''])(
		'%s is not a registry ID',
		(id) => {
			expect(seqOfCustomerId(id)).toBeNull();
		}
	);
});
