import { firstCustomerNumber } from '$lib/domain/records/customer-id';

// A customer ID's key is `us-` + 8 digits (`identifierKey(customerIdOf(seq))`): 11 characters.
const idPrefix = 'us-';
const idLength = 11;
const digitCount = 8;

/**
 * The `seq`s from `from` to `to` (exclusive), ascending, whose customer ID's key (`us-00010000`, lower
 * case) holds `needle`, worked out from the numbers: no key text is kept for customer IDs. For each
 * place the needle can take in the 11 characters, its `us-` part must agree and its digits fix some
 * digits of the number, which then lies in evenly spaced runs of numbers.
 */
export function seqsWhoseIdHolds(needle: string, from: number, to: number): number[] {
	const seqs: number[] = [];
	const length = needle.length;
	if (length === 0 || length > idLength || to <= from) return seqs;
	const hits = new Uint8Array(to - from);
	for (let place = 0; place + length <= idLength; place++) {
		const digits = fixedDigits(needle, place);
		if (digits !== null) markRuns(hits, from, to, Math.max(0, place - idPrefix.length), place + length - idPrefix.length, digits);
	}
	for (let i = 0; i < hits.length; i++) if (hits[i]) seqs.push(from + i);
	return seqs;
}

/** The number the needle's digits make when it stands at `place`, or null when it cannot stand there (−1: no digit fixed). */
function fixedDigits(needle: string, place: number): number | null {
	let value = -1;
	for (let j = 0; j < needle.length; j++) {
		const at = place + j;
		const code = needle.charCodeAt(j);
		if (at < idPrefix.length) {
			if (code !== idPrefix.charCodeAt(at)) return null;
		} else {
			if (code < 48 || code > 57) return null;
			value = (value < 0 ? 0 : value * 10) + (code - 48);
		}
	}
	return value;
}

/** Marks the seqs whose number has `value` as its digits `first`–`last` (exclusive, 0 = the leading digit). */
function markRuns(hits: Uint8Array, from: number, to: number, first: number, last: number, value: number): void {
	if (value < 0) {
		hits.fill(1);
		return;
	}
	const run = 10 ** (digitCount - last);
	const period = 10 ** (digitCount - first);
	const low = firstCustomerNumber + from;
	const high = firstCustomerNumber + to;
	for (let base = Math.floor(low / period) * period + value * run; base < high; base += period) {
		const start = Math.max(base, low);
		const end = Math.min(base + run, high);
		if (start < end) hits.fill(1, start - low, end - low);
	}
}
