import { searchWords } from '$lib/domain/records/search-query';
/** Ends every key inside a joined column of keys; no key function removes or adds it. */
export const keySeparator = '\u0001';

const whitespace = /\s+/g;
const hiragana = /[\u3041-\u3096\u309d\u309e]/g;
const hasHiragana = /[\u3041-\u3096\u309d\u309e]/;
const upperCase = /[A-Z]/;
const nonDigits = /[^\d\u0001]+/g;
const phoneLike = /^[\d\s()+\-‐－ー−]+$/;
// Text NFKC leaves alone: printable ASCII, kana, CJK ideographs, 々, the key separator. Checking
// first spares the normaliser most of a million names; it is skipped for the whole text at once.
const unchangedByNfkc = /^[\u0001 -~\u3005\u3041-\u3096\u309d\u309e\u30a0-\u30fe\u4e00-\u9fff]*$/;

function toKatakana(char: string): string {
	return String.fromCharCode(char.charCodeAt(0) + 0x60);
}

function nfkc(value: string): string {
	return unchangedByNfkc.test(value) ? value : value.normalize('NFKC');
}

function lowerCase(value: string): string {
	return upperCase.test(value) || !/^[\u0001 -~]*$/.test(value) ? value.toLowerCase() : value;
}

// Every key function works on one value or on many joined by `keySeparator` with the same result
// per value, so a column of a million keys is built by a few passes over one string.

/** A name or kana as search compares it: NFKC, no spaces, lower case, hiragana read as katakana. */
export function nameKey(value: string): string {
	const key = lowerCase(nfkc(value).replace(whitespace, ''));
	return hasHiragana.test(key) ? key.replace(hiragana, toKatakana) : key;
}

/** An e-mail address as search compares it: NFKC, no spaces, lower case. */
export function emailKey(value: string): string {
	return lowerCase(nfkc(value).replace(whitespace, ''));
}

/**
 * A customer ID or 連携用ID as search compares it, in part or whole: NFKC, no spaces, lower case
 * (「ｏｃ－０００１」 and "OC-0001" are one key). Same rule as an e-mail address.
 */
export function identifierKey(value: string): string {
	return emailKey(value);
}

/** A phone number as search compares it: its digits only (full-width digits included). */
export function phoneKey(value: string): string {
	return nfkc(value).replace(nonDigits, '');
}

/** True when a query reads as (part of) a phone number: digits with spaces, hyphens, brackets or +. */
export function isPhoneLike(query: string): boolean {
	const text = query.normalize('NFKC').trim();
	return phoneLike.test(text) && /\d/.test(text);
}

/** An exact identifier (customer ID, 連携用ID) as typed: NFKC, trimmed (`searchWords`). */
export const exactKey = searchWords;
