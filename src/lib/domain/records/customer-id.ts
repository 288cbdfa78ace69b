/** The number behind the first customer ID of an empty registry (`US-00010000`, as in the source). */
export const firstCustomerNumber = 10_000;

/** The highest sequence number an 8-digit customer ID can hold. */
export const maxCustomerSeq = 99_999_999 - firstCustomerNumber;

/** The store's customer ID of the customer registered `seq`-th (0-based): `US-` + 8 digits. */
export function customerIdOf(seq: number): string {
	return 'US-' + String(firstCustomerNumber + seq).padStart(8, '0');
}

/** The 0-based sequence number behind a customer ID, or null when it is not `US-` + 8 digits in range. */
export function seqOfCustomerId(id: string): number | null {
	if (id.length !== 11 || !id.startsWith('US-')) return null;
	const digits = id.slice(3);
	if (!/^\d{8}$/.test(digits)) return null;
	const seq = Number(digits) - firstCustomerNumber;
	return seq >= 0 ? seq : null;
}
