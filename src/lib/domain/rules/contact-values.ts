import { isLetterDigitMix } from '../problems/display-value';
import { hasSpace, isSpaceCode, spaceClassSource } from './spacing';

// What the optional fields of an old cart's customer file (一括登録 › 顧客情報) may hold. Values here
// end up in the customer list and its download, so a value of the wrong shape — a card token in a
// shifted or header-less row above all — is refused cell by cell (SPEC "Privacy promise": a token in
// the wrong column is still a token). The patterns are the rules' definitions; the phone and e-mail
// checks, run on every row of a million-customer file, walk the value once instead (the same
// answers as the patterns, held by a property in tests/unit/old-cart-optional-fields.spec.ts).

const dashes = '\\-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212\\uff0d\\u30fc\\uff70';
/** Digits (half- and full-width), dashes, parentheses, plus, spaces; at least one digit. */
export const phonePattern = new RegExp(`^[+＋(（]?[0-9０-９(（)）+＋${dashes}${spaceClassSource}]*[0-9０-９][0-9０-９(（)）${dashes}${spaceClassSource}]*$`, 'u');
/** A postal code: optional 〒, then digits, dashes and spaces (half- or full-width). */
const postalPattern = new RegExp(`^〒?[${spaceClassSource}]*[0-9０-９][0-9０-９${dashes}${spaceClassSource}]*$`, 'u');
/** local@domain.tld (half- or full-width @), no spaces, commas or quotes. */
export const emailPattern = new RegExp(`^[^@＠,"${spaceClassSource}]+[@＠][^@＠,"${spaceClassSource}]+[.．][^@＠,"${spaceClassSource}]+$`, 'u');
const kanaOrKanji = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** True when `value` (trimmed) looks like a phone number: digits, dashes, (), +, spaces; full-width too. */
export function isPhoneLike(value: string): boolean {
	return isPhoneLikeIn(value, 0, value.length);
}

/**
 * `isPhoneLike(text.slice(from, to))`, read in place: the customer reader asks it of a cell by its
 * bounds in the line, making no text per row.
 */
export function isPhoneLikeIn(text: string, from: number, to: number): boolean {
	// `phonePattern` walked: every character one of its class (its optional lead +＋(（ is in the
	// class too), a digit somewhere, and no plus after the last digit.
	let hasDigit = false;
	let plusAfterDigit = false;
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) {
			hasDigit = true;
			plusAfterDigit = false;
		} else if (code === 0x2b || code === 0xff0b) plusAfterDigit = hasDigit;
		else if (!isPhoneMark(code) && !isSpaceCode(code)) return false;
	}
	return hasDigit && !plusAfterDigit;
}

// Parentheses (half- and full-width) and the dashes of `dashes`.
function isPhoneMark(code: number): boolean {
	return (
		code === 0x28 || code === 0x29 || code === 0xff08 || code === 0xff09 || code === 0x2d ||
		(code >= 0x2010 && code <= 0x2014) || code === 0x2212 || code === 0xff0d || code === 0x30fc || code === 0xff70
	);
}

/** True when `value` (trimmed) looks like a Japanese postal code: digits and dashes, 〒 allowed. */
export function isPostalCodeLike(value: string): boolean {
	return postalPattern.test(value);
}

/** True when `value` (trimmed) looks like an e-mail address (local@domain.tld). */
export function isEmailLike(value: string): boolean {
	return isEmailLikeIn(value, 0, value.length);
}

/** `isEmailLike(text.slice(from, to))`, read in place (see `isPhoneLikeIn`). */
export function isEmailLikeIn(text: string, from: number, to: number): boolean {
	// `emailPattern` walked: no space, comma or quote; one @ (or ＠) after at least one character;
	// after it a dot (or ．) with a character on either side.
	let at = -1;
	let firstDot = -1;
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x40 || code === 0xff20) {
			if (at >= 0 || i === from) return false;
			at = i;
		} else if (code === 0x2e || code === 0xff0e) {
			if (at >= 0 && firstDot < 0 && i > at + 1) firstDot = i;
		} else if (code === 0x2c || code === 0x22 || isSpaceCode(code)) return false;
	}
	return firstDot >= 0 && firstDot < to - 1;
}

// The shortest value `isTokenShaped` may take for a token.
const tokenShapedMinLength = 12;

/**
 * True when a free-text value (a name, kana, an address) is token-shaped: at least 12 characters,
 * no space (SPEC's class), letters and digits mixed, and no kana or kanji. A card token
 * (認証キー) is such a value; a person's name or a Japanese address is not.
 */
export function isTokenShaped(value: string): boolean {
	return value.length >= tokenShapedMinLength && !hasSpace(value) && isLetterDigitMix(value) && !kanaOrKanji.test(value);
}

/** `isTokenShaped(text.slice(from, to))`: a shorter value (most names) is told by its bounds, without cutting it. */
export function isTokenShapedIn(text: string, from: number, to: number): boolean {
	return to - from >= tokenShapedMinLength && isTokenShaped(text.slice(from, to));
}
