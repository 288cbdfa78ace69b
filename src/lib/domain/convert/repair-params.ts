// The params of step d's warnings on the byte path, one object per distinct value, made safe and
// frozen the first time it is needed (`sharedParams`) and shared after: a million-row file with
// 200,000 warned rows makes no string and no object per warning, and the problem list lists the
// shared object itself (no copy per listed problem). Each object gives the params `checkCardRow`
// gives for the same value, key for key, once made safe; `tests/unit/warned-line-bytes.spec.ts`
// holds the two to the same problems. The values are digits the reader recognised as a tail or an
// expiry (at most 6, no letter) or a spelling of a brand: what `quoteCell` would quote as they
// stand, so they pass `recognised` and are not masked again.

import { recognised } from '../problems/display-value';
import { sharedParams } from '../problems/problem-list';
import type { ProblemParams } from '../problems/problem';
import { cardBrands } from '../rules/brand';
import type { CardField } from '../rules/card-row';

type Params = Readonly<ProblemParams>;

const fieldsInOrder: readonly CardField[] = ['customerId', 'last3', 'brand', 'expiry', 'token'];

/** `trimmed-spaces` of the value in column `index` + 1 (SPEC order): U+0020 only on the byte path. */
export const trimmedParams: readonly Params[] = fieldsInOrder.map((field) => sharedParams({ field, spaces: 'space' }));

/** `value` as `digits` digits, zeros in front (`digitsText(7, 2)` → `07`). */
export function digitsText(value: number, digits: number): string {
	return String(10 ** digits + value).slice(1);
}

const digitsOf = (value: number, digits: number) => recognised(digitsText(value, digits));

const tailCache = new Map<number, Params>();
/** `tail-padded` of a tail of `digits` (1–2) digits with value `tail`. */
export function tailParams(tail: number, digits: number): Params {
	const key = digits * 1000 + tail;
	let params = tailCache.get(key);
	if (!params) tailCache.set(key, (params = sharedParams({ field: 'last3', value: digitsOf(tail, digits), fixed: digitsOf(tail, 3) })));
	return params;
}

const brandCache = new Map<number, Params>();
/** `brand-normalized` of the ASCII letters bytes[from, to) naming `cardBrands[brand]` in some case. */
export function brandParams(bytes: Uint8Array, from: number, to: number, brand: number): Params {
	// The brand and which of its letters are in lower case name the spelling (a small integer key).
	let key = brand;
	for (let i = from; i < to; i++) key = key * 2 + ((bytes[i] >> 5) & 1);
	key = key * 8 + (to - from);
	let params = brandCache.get(key);
	if (!params) {
		const value = String.fromCharCode(...bytes.subarray(from, to));
		// A spelling of a brand's name: no secret, quoted whole as the rules quote it.
		params = sharedParams({ field: 'brand', value: recognised(value), fixed: recognised(cardBrands[brand]) });
		brandCache.set(key, params);
	}
	return params;
}

const repairCache = new Map<number, Params>();
/** `expiry-yyyymm` (6 digits) or `expiry-padded` (3 digits) of the expiry `value`, read as YYMM. */
export function expiryRepairParams(value: number, digits: number): Params {
	const key = digits * 1e6 + value;
	let params = repairCache.get(key);
	if (!params) {
		params = sharedParams({ field: 'expiry', value: digitsOf(value, digits), fixed: digitsOf(value % 10000, 4), order: 'YYMM' });
		repairCache.set(key, params);
	}
	return params;
}

const expiredCache = new Map<number, Params>();
/** `card-expired` of the YYMM expiry `yymm` (a number: `2301`). */
export function expiredParams(yymm: number): Params {
	let params = expiredCache.get(yymm);
	if (!params) {
		const value = digitsText(yymm, 4);
		params = sharedParams({ field: 'expiry', value: recognised(value), year: recognised(`20${value.slice(0, 2)}`), month: yymm % 100 });
		expiredCache.set(yymm, params);
	}
	return params;
}

/** The YYMM expiry `yymm` as its four digits (shared with `expiredParams`). */
export function expiryText(yymm: number): string {
	return expiredParams(yymm).value as string;
}
