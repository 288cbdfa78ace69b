import { isLetterDigitMix } from '../problems/display-value';
import { hasSpace, spaceClassSource } from './spacing';

// What the optional fields of an old cart's customer file (一括登録 › 顧客情報) may hold. Values here
// end up in the customer list and its download, so a value of the wrong shape — a card token in a
// shifted or header-less row above all — is refused cell by cell (SPEC "Privacy promise": a token in
// the wrong column is still a token). The patterns are built once; each check is one regex test.

const dashes = '\\-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212\\uff0d\\u30fc\\uff70';
/** Digits (half- and full-width), dashes, parentheses, plus, spaces; at least one digit. */
const phonePattern = new RegExp(`^[+＋(（]?[0-9０-９(（)）+＋${dashes}${spaceClassSource}]*[0-9０-９][0-9０-９(（)）${dashes}${spaceClassSource}]*$`, 'u');
/** A postal code: optional 〒, then digits, dashes and spaces (half- or full-width). */
const postalPattern = new RegExp(`^〒?[${spaceClassSource}]*[0-9０-９][0-9０-９${dashes}${spaceClassSource}]*$`, 'u');
/** local@domain.tld (half- or full-width @), no spaces, commas or quotes. */
const emailPattern = new RegExp(`^[^@＠,"${spaceClassSource}]+[@＠][^@＠,"${spaceClassSource}]+[.．][^@＠,"${spaceClassSource}]+$`, 'u');
const kanaOrKanji = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** True when `value` (trimmed) looks like a phone number: digits, dashes, (), +, spaces; full-width too. */
export function isPhoneLike(value: string): boolean {
	return phonePattern.test(value);
}

/** True when `value` (trimmed) looks like a Japanese postal code: digits and dashes, 〒 allowed. */
export function isPostalCodeLike(value: string): boolean {
	return postalPattern.test(value);
}

/** True when `value` (trimmed) looks like an e-mail address (local@domain.tld). */
export function isEmailLike(value: string): boolean {
	return emailPattern.test(value);
}

/**
 * True when a free-text value (a name, kana, an address) is token-shaped: at least 12 characters,
 * no space (SPEC's class), letters and digits mixed, and no kana or kanji. A card token
 * (認証キー) is such a value; a person's name or a Japanese address is not.
 */
export function isTokenShaped(value: string): boolean {
	return value.length >= 12 && !hasSpace(value) && isLetterDigitMix(value) && !kanaOrKanji.test(value);
}
